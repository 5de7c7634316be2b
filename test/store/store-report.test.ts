import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { Config } from '../../src/config/schema.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import type { GeneratedFile } from '../../src/generate/types.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { cleanThroughStore } from '../../src/store/clean-through-store.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { StoreEngine } from '../../src/store/store-engine.js';
import { isoWeekOf, shiftWeek, weekStartMs } from '../../src/util/iso-week.js';
import { NOW, STORES, outcome, tempDir, weekOf } from './land-in-batches.js';

// A report through the store reads each week's kept facts and the report window's tasks only: its metrics
// document must equal computeMetrics over every task of a scratch run, for the latest week and any other.
async function landAndReport(files: GeneratedFile[], order: string[], config: Config, weeksToAsk: (landed: string[]) => string[]): Promise<number> {
  const input = tempDir('uptake-store-report-input-');
  const store = join(tempDir('uptake-store-report-'), 'store.duckdb');
  let compared = 0;
  for (const file of files) if (weekOf(file) === 'roster') writeFileSync(join(input, file.name), file.content);
  for (let index = 0; index < order.length; index += 1) {
    for (const file of files) if (weekOf(file) === order[index]) writeFileSync(join(input, file.name), file.content);
    const scratch = await cleanInput(input, config, { now: NOW });
    for (const week of weeksToAsk(order.slice(0, index + 1))) {
      const engine = await openStore(store);
      try {
        // every other report for the metrics only (`uptake metrics`): the text no KPI reads stays in the store
        const metricsOnly = compared % 2 === 1;
        const lines: string[] = [];
        const run = await cleanWithStore(engine, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week, metricsOnly });
        const expected = computeMetrics(scratch, config, week);
        // the report's steps are told as they start (a large store's take seconds each), with the window's tasks
        // and the weeks holding tasks, as a scratch run has them
        const [from, to] = [weekStartMs(expected.week, config.timezone), weekStartMs(shiftWeek(expected.week, 1), config.timezone)];
        const starts = scratch.tasks.array('started_at') as number[];
        const inWindow = starts.filter((start) => start >= from && start < to).length;
        const weeks = new Set(starts.map((start) => isoWeekOf(start, config.timezone))).size;
        expect(lines.slice(-3)).toEqual([
          `report ${expected.week}: loading the tasks of ${expected.week}`,
          `report ${expected.week}: ${inWindow.toLocaleString('en-US')} tasks loaded; reading the facts of ${weeks} week${weeks === 1 ? '' : 's'}`,
          `report ${expected.week}: computing the KPIs`,
        ]);
        expect(run.report!.week.week).toBe(expected.week);
        expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(expected));
        // (the first landing cleans every row and reports from the tasks it holds, prompts and all)
        const prompts = new Set(run.data.tasks.array('prompt') as unknown[]);
        if (index > 0) expect(prompts.has(null) && prompts.size === 1).toBe(metricsOnly);
        // the data a store report hands on holds the report window's tasks only, in the order a scratch run lists them
        expect(run.data.tasks.numRows()).toBe(inWindow);
        // (by values a report for the metrics only loads too: its task ids stay in the store)
        const keys = (tasks: typeof scratch.tasks) => (tasks.objects() as Array<Record<string, unknown>>).map((task) => [task.source, task.user_id, task.task_type, task.started_at, task.duration_ms, task.status].join('\u0000'));
        const windowKeys = new Set(keys(run.data.tasks));
        expect(keys(run.data.tasks)).toEqual(keys(scratch.tasks).filter((key) => windowKeys.has(key)));
        compared += 1;
      } finally {
        await engine.close();
      }
    }
  }
  return compared;
}

describe('a report through the store equals one over every cleaned task', () => {
  it('weeks landing in order: the latest week and the first, after every landing', async () => {
    const { files } = generateDataset({ seed: 5, users: 30, weeks: 5, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    const named = (week: string) => `2026-${week}`;
    const compared = await landAndReport(files, weeks, parseConfig({}), (landed) => (landed.length < 2 ? [named(landed[0])] : ['latest', named(landed[0])]));
    expect(compared).toBe(9);
  });

  it('with metrics.groupBy naming a tool version and a pass-through column, which a report for the metrics only still loads', async () => {
    const config = parseConfig({ metrics: { groupBy: ['team', 'task_type', 'tool_version', 'client_os'] } });
    const { files } = generateDataset({ seed: 7, users: 30, weeks: 4, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    // (2026-W46's AI file is the one with client_os: it lands first)
    const compared = await landAndReport(files, [weeks[2], weeks[0], weeks[3], weeks[1]], config, () => ['latest']);
    expect(compared).toBe(4);
  });

  it('weeks landing out of order in New York time, with a middle week asked for', async () => {
    const config = parseConfig({ timezone: 'America/New_York' });
    const { files } = generateDataset({ seed: 6, users: 30, weeks: 5, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    const named = (week: string) => `2026-${week}`;
    const order = [weeks[2], weeks[4], weeks[0], weeks[3], weeks[1]];
    const compared = await landAndReport(files, order, config, (landed) => [...landed].sort().slice(-2).map(named));
    expect(compared).toBe(9);
  });
});

// Two weeks of a small organisation in an input folder, and where their store goes.
function twoWeeksLanded(): { config: Config; files: GeneratedFile[]; input: string; store: string } {
  const config = parseConfig({});
  const { files } = generateDataset({ seed: 3, users: 12, weeks: 2, endWeek: '2026-W47' });
  const input = tempDir('uptake-store-report-input-');
  for (const file of files) writeFileSync(join(input, file.name), file.content);
  return { config, files, input, store: join(tempDir('uptake-store-report-'), 'store.duckdb') };
}

// A report run through the store (on `week`, by default the latest) whose first statement starting so (asked for
// by `run` or `all`) fails with `message`; the run is to fail with `told` (by default that message).
async function runFailingAt(store: string, input: string, config: Config, at: { run?: string; all?: string }, message: string, { week = 'latest', told = message } = {}): Promise<void> {
  const engine = await openStore(store);
  const failing = (asked?: string) => (sql: string) => {
    if (asked !== undefined && sql.startsWith(asked)) throw new Error(message);
  };
  try {
    const stopping: StoreEngine = {
      ...engine,
      run: async (sql, params) => (failing(at.run)(sql), engine.run(sql, params)),
      all: async (sql, params) => (failing(at.all)(sql), engine.all(sql, params)),
    };
    await expect(cleanWithStore(stopping, input, config, { now: NOW }, { week })).rejects.toThrow(told);
  } finally {
    await engine.close();
  }
}

describe('a report that fails', () => {
  it('a week the data does not hold fails the run, yet the store keeps what the run cleaned: the next run reads nothing again', async () => {
    const { config, files, input, store } = twoWeeksLanded();
    const logs = files.filter((file) => weekOf(file) !== 'roster').length;
    const run = async (week: string) => {
      const lines: string[] = [];
      return { result: await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week }), lines };
    };
    await expect(run('2019-W01')).rejects.toThrow('expected a week that holds data, got `2019-W01`');
    // (a report whose statement fails, after the run's commits: the report's error is the one told, and the store
    // keeps what the run cleaned)
    await runFailingAt(store, input, config, { all: 'SELECT week, facts_key' }, 'the report failed');
    const { result, lines } = await run('latest');
    expect(lines).toContain(`store ${store}: skipped ${logs} of ${logs} log files (unchanged since the last run); 0 to read`);
    expect(result.report!.week.week).toBe('2026-W47');
    expect(JSON.stringify(result.report!.metrics)).toBe(JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest')));
  });

  it('a report that fails and facts that then fail to be kept: the report\'s error is the one told, and the next run computes the facts', async () => {
    const { config, input, store } = twoWeeksLanded();
    await runFailingAt(store, input, config, { run: 'DELETE FROM store_week_facts' }, 'the facts were not kept', { week: '2019-W01', told: 'expected a week that holds data, got `2019-W01`' });
    const run = await cleanThroughStore(store, input, config, { now: NOW }, { week: 'latest' });
    expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest')));
  });

  it('a run stopped once its rows are committed, before its weeks\' facts are kept, leaves those weeks pending: the next run computes them, reading no file again', async () => {
    const config = parseConfig({});
    const { files } = generateDataset({ seed: 8, users: 40, weeks: 4, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-report-input-');
    const store = join(tempDir('uptake-store-report-'), 'store.duckdb');
    for (const file of files) if (weekOf(file) !== 'W47') writeFileSync(join(input, file.name), file.content);
    await cleanThroughStore(store, input, config, { now: NOW }, { week: 'latest' });
    for (const file of files) if (weekOf(file) === 'W47') writeFileSync(join(input, file.name), file.content);
    const meta = async () => {
      const engine = await openStore(store);
      try {
        return Object.fromEntries((await engine.all('SELECT key, value FROM store_meta')).map((row) => [row.key, row.value]));
      } finally {
        await engine.close();
      }
    };
    const before = await meta();
    await runFailingAt(store, input, config, { run: 'DELETE FROM store_week_facts' }, 'killed');
    // the new week's rows are kept, its facts (and the week before's, which it changed) are not
    const pending = await meta();
    expect(pending.facts_hash).toBe(`pending:${before.facts_hash}`);
    expect(JSON.parse(pending.facts_pending)).toEqual(['2026-W46', '2026-W47']);
    expect(Number(pending.tasks)).toBeGreaterThan(Number(before.tasks));
    const lines: string[] = [];
    const logs = files.filter((file) => weekOf(file) !== 'roster').length;
    const run = await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
    expect(lines).toContain(`store ${store}: skipped ${logs} of ${logs} log files (unchanged since the last run); 0 to read`);
    expect(lines).toContain('store: facts of 2 weeks to compute');
    expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest')));
    const after = await meta();
    expect([after.facts_hash, after.facts_pending]).toEqual([before.facts_hash, '[]']);
  });
});

describe('blobs lost or altered beside the store', () => {
  // The store's blobs lost (a DuckDB store copied without its `.rows` folder; PostgreSQL's store_blobs emptied), or
  // a week's facts that still parse but are not the bytes their key names (bit rot, a bad copy).
  const loseBlobs = async (kind: string, store: string) => {
    if (kind === 'DuckDB') return rmSync(`${store}.rows`, { recursive: true });
    const engine = await openStore(store);
    await engine.run('DELETE FROM store_blobs').finally(() => engine.close());
  };
  const alterFacts = async (kind: string, store: string, week: string) => {
    const engine = await openStore(store);
    try {
      const [{ facts_key: key }] = await engine.all('SELECT facts_key FROM store_week_facts WHERE week = $1', [week]);
      if (kind === 'DuckDB') writeFileSync(join(`${store}.rows`, String(key)), '{}');
      else await engine.run("UPDATE store_blobs SET data = convert_to('{}', 'UTF8') WHERE key = $1", [key]);
    } finally {
      await engine.close();
    }
  };
  const missingLine = (weeks: string[]) => `store: facts of ${weeks.length} weeks missing beside the store (${weeks.join(', ')}): computed again from their stored tasks`;

  for (const [kind, newStore] of STORES) {
    it(`${kind}: a store that lost its blobs recovers on its own: the weeks' facts are computed again from the stored tasks, the parsed rows read again from their files, and every report equals a scratch run's`, async () => {
      const config = parseConfig({});
      const { files } = generateDataset({ seed: 11, users: 20, weeks: 4, endWeek: '2026-W47' });
      const input = tempDir('uptake-store-report-input-');
      const store = await newStore();
      for (const file of files) if (weekOf(file) !== 'W47') writeFileSync(join(input, file.name), file.content);
      const run = async (request: { week?: string } = { week: 'latest' }) => {
        const lines: string[] = [];
        const result = await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, request);
        return { result, lines: lines.filter((line) => line.includes(' beside the store')) };
      };
      const scratchMetrics = async () => JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest'));
      await run();
      await loseBlobs(kind, store);
      const recovered = await run();
      expect(recovered.lines).toEqual([missingLine(['2026-W44', '2026-W45', '2026-W46'])]);
      expect(JSON.stringify(recovered.result.report!.metrics)).toBe(await scratchMetrics());
      // kept again: the next run takes them back as they are
      const next = await run();
      expect(next.lines).toEqual([]);
      expect(JSON.stringify(next.result.report!.metrics)).toBe(await scratchMetrics());
      // a new week beside rows whose parsed values are lost too: those the region needs are read again from their files
      for (const file of files) if (weekOf(file) === 'W47') writeFileSync(join(input, file.name), file.content);
      await loseBlobs(kind, store);
      const landed = await run();
      // (the new week's facts and the week before's, which it changed, are computed as any landing's)
      expect(landed.lines).toEqual([missingLine(['2026-W44', '2026-W45'])]);
      expect(JSON.stringify(landed.result.report!.metrics)).toBe(await scratchMetrics());
      expect(outcome((await run({})).result.data)).toBe(outcome(await cleanInput(input, config, { now: NOW })));
      // facts altered: damaged, computed again as well
      await alterFacts(kind, store, '2026-W46');
      const damaged = await run();
      expect(damaged.lines).toEqual(['store: facts of 1 week damaged beside the store (2026-W46): computed again from their stored tasks']);
      expect(JSON.stringify(damaged.result.report!.metrics)).toBe(await scratchMetrics());
      expect((await run()).lines).toEqual([]);
    });

    it(`${kind}: a week's facts row whose values were changed (by hand, a tool) is damaged: its facts are computed again, never summed as they stand`, async () => {
      const config = parseConfig({});
      const { files } = generateDataset({ seed: 11, users: 20, weeks: 4, endWeek: '2026-W47' });
      const input = tempDir('uptake-store-report-input-');
      const store = await newStore();
      for (const file of files) writeFileSync(join(input, file.name), file.content);
      const run = async () => {
        const lines: string[] = [];
        const result = await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
        return { metrics: JSON.stringify(result.report!.metrics), lines: lines.filter((line) => line.includes(' beside the store')) };
      };
      const scratch = JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest'));
      expect((await run()).metrics).toBe(scratch);
      const edit = async (sql: string) => {
        const engine = await openStore(store);
        await engine.run(sql).finally(() => engine.close());
      };
      const damagedLine = (week: string) => `store: facts of 1 week damaged beside the store (${week}): computed again from their stored tasks`;
      // the weeks' teams filled are summed into the document's data quality: 5 more would be reported as they stand
      await edit("UPDATE store_week_facts SET teams_filled = teams_filled + 5 WHERE week = '2026-W45'");
      expect(await run()).toEqual({ metrics: scratch, lines: [damagedLine('2026-W45')] });
      expect(await run()).toEqual({ metrics: scratch, lines: [] });
      await edit("UPDATE store_week_facts SET tasks = tasks - 1, durations_unknown = durations_unknown + 1 WHERE week = '2026-W46'");
      expect(await run()).toEqual({ metrics: scratch, lines: [damagedLine('2026-W46')] });
      // a row naming another week's facts (W45's row given W44's key) is damaged too
      await edit("UPDATE store_week_facts SET facts_key = (SELECT facts_key FROM store_week_facts WHERE week = '2026-W44') WHERE week = '2026-W45'");
      expect(await run()).toEqual({ metrics: scratch, lines: [damagedLine('2026-W45')] });
      expect(await run()).toEqual({ metrics: scratch, lines: [] });
      // a week's row twice (copied by hand, a restore run twice): its facts would be counted twice
      await edit("INSERT INTO store_week_facts SELECT * FROM store_week_facts WHERE week = '2026-W44'");
      expect(await run()).toEqual({ metrics: scratch, lines: [damagedLine('2026-W44')] });
      expect(await run()).toEqual({ metrics: scratch, lines: [] });
    });
  }

  it('a store only read (this user may not write it) that lost its blobs answers all the same, writing nothing', async () => {
    const { config, input, store } = twoWeeksLanded();
    await cleanThroughStore(store, input, config, { now: NOW }, { week: 'latest' });
    rmSync(`${store}.rows`, { recursive: true });
    const before = readFileSync(store);
    const engine = await openStore(store, { mustExist: true, readOnly: true });
    const lines: string[] = [];
    try {
      const run = await cleanWithStore(engine, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
      expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest')));
    } finally {
      await engine.close();
    }
    expect(lines).toContain(missingLine(['2026-W46', '2026-W47']));
    expect(existsSync(`${store}.rows`)).toBe(false);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(join(store, '..'))).toEqual(['store.duckdb']);
  });
});

describe('the newest two weeks', () => {
  it('a landing that changes the week before refreshes both weeks\' facts one week at a time, and the report takes the newest as settled: the store is asked for the week before\'s tasks once, the new week\'s never', async () => {
    const config = parseConfig({});
    const { files } = generateDataset({ seed: 8, users: 40, weeks: 4, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-report-input-');
    const store = join(tempDir('uptake-store-report-'), 'store.duckdb');
    const write = (keep: (week: string) => boolean) => {
      for (const file of files) if (keep(weekOf(file))) writeFileSync(join(input, file.name), file.content);
    };
    const report = async () => {
      const engine = await openStore(store);
      const reads: string[] = [];
      const lines: string[] = [];
      const counting: StoreEngine = {
        ...engine,
        columns: (sql, params) => {
          if (/FROM store_tasks/.test(sql)) reads.push(sql);
          return engine.columns(sql, params);
        },
      };
      try {
        const run = await cleanWithStore(counting, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
        return { run, reads, lines };
      } finally {
        await engine.close();
      }
    };
    write((week) => week !== 'W47');
    await report();
    write((week) => week === 'W47');
    const { run, reads, lines } = await report();
    // (a session stitched across Sunday midnight: the new week changed a task of the week before)
    expect(lines).toContain('store: facts of 2 weeks to compute');
    expect(lines).toContain('report 2026-W47: loading the tasks of 2026-W47');
    // W46 for its facts; W47 (for its facts, then the report) starts after every task the store held before the
    // run: its tasks are the run's, from memory
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain(`t.started_at >= $1 AND t.started_at < $2`);
    expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest')));
  });

  it('facts of every week to compute again (privacy settings changed) are told week by week, and give the scratch document', async () => {
    const { files } = generateDataset({ seed: 9, users: 30, weeks: 6, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-report-input-');
    const store = join(tempDir('uptake-store-report-'), 'store.duckdb');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const report = async (config: Config) => {
      const lines: string[] = [];
      const run = await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
      return { lines: lines.filter((line) => line.startsWith('store: facts of')), metrics: JSON.stringify(run.report!.metrics) };
    };
    await report(parseConfig({}));
    const changed = parseConfig({ privacy: { minGroupSize: 4 } });
    const { lines, metrics } = await report(changed);
    expect(lines).toEqual([
      'store: facts of 6 weeks to compute',
      ...['W42', 'W43', 'W44', 'W45', 'W46', 'W47'].map((week, index) => `store: facts of 2026-${week} (${index + 1} of 6)`),
    ]);
    expect(metrics).toBe(JSON.stringify(computeMetrics(await cleanInput(input, changed, { now: NOW }), changed, 'latest')));
  });

  it('for the warehouse (weekBefore) the data holds the week before\'s tasks too, as the landing changed them, loaded once the KPIs are computed', async () => {
    const config = parseConfig({});
    const { files } = generateDataset({ seed: 8, users: 40, weeks: 4, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-report-input-');
    const store = join(tempDir('uptake-store-report-'), 'store.duckdb');
    const run = (weekBefore: boolean) => cleanThroughStore(store, input, config, { now: NOW }, { week: 'latest', weekBefore });
    for (const file of files) if (weekOf(file) !== 'W47') writeFileSync(join(input, file.name), file.content);
    const before = await run(true);
    for (const file of files) if (weekOf(file) === 'W47') writeFileSync(join(input, file.name), file.content);
    const landed = await run(true);
    const scratch = await cleanInput(input, config, { now: NOW });
    const rows = (tasks: typeof scratch.tasks, weeks: string[]) =>
      (tasks.objects() as Array<Record<string, unknown>>)
        .filter((task) => weeks.includes(isoWeekOf(Number(task.started_at), config.timezone)))
        .map((task) => [task.task_id, task.started_at, task.duration_ms, task.fragments, task.status].join('\u0000'));
    expect(landed.report!.week.week).toBe('2026-W47');
    // every task of W46 and W47 as a scratch run has them, W46's as the new week changed them (a session stitched
    // across Sunday midnight: one W46 task longer than the run before had it)
    expect(rows(landed.data.tasks, ['2026-W46', '2026-W47'])).toEqual(rows(scratch.tasks, ['2026-W46', '2026-W47']));
    expect(landed.data.tasks.numRows()).toBe(rows(scratch.tasks, ['2026-W46', '2026-W47']).length);
    expect(rows(landed.data.tasks, ['2026-W46'])).not.toEqual(rows(before.data.tasks, ['2026-W46']));
    // without it, the report week's only
    const alone = await run(false);
    expect(alone.data.tasks.numRows()).toBe(rows(scratch.tasks, ['2026-W47']).length);
  });
});

describe('rows of store_week_facts deleted', () => {
  // A week's row deleted from store_week_facts, or the table emptied (by hand, a clean-up script, a restore of part
  // of the store): a report from the store left that week out of every trend and baseline ("change vs last week"
  // empty), or found no week at all ("expected at least one cleaned task"), until the facts' settings changed.
  for (const [kind, newStore] of STORES) {
    it(`${kind}: the weeks with stored tasks and no facts are computed again, and the report equals a scratch run's`, async () => {
      const config = parseConfig({});
      const { files } = generateDataset({ seed: 11, users: 20, weeks: 4, endWeek: '2026-W47' });
      const input = tempDir('uptake-store-report-input-');
      const store = await newStore();
      for (const file of files) writeFileSync(join(input, file.name), file.content);
      const scratch = JSON.stringify(computeMetrics(await cleanInput(input, config, { now: NOW }), config, 'latest'));
      const run = async () => {
        const lines: string[] = [];
        const result = await cleanThroughStore(store, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, { week: 'latest' });
        return { metrics: JSON.stringify(result.report!.metrics), lines: lines.filter((line) => line.startsWith('store: facts of')) };
      };
      const deleteFacts = async (where: string) => {
        const engine = await openStore(store);
        await engine.run(`DELETE FROM store_week_facts ${where}`).finally(() => engine.close());
      };
      await run();
      await deleteFacts("WHERE week = '2026-W46'");
      const oneDeleted = await run();
      expect(oneDeleted.lines).toEqual(['store: facts of 1 week to compute']);
      expect(oneDeleted.metrics).toBe(scratch);
      await deleteFacts('');
      const emptied = await run();
      expect(emptied.lines[0]).toBe('store: facts of 4 weeks to compute');
      expect(emptied.metrics).toBe(scratch);
      // kept again: the next run computes none
      const next = await run();
      expect(next.lines).toEqual([]);
      expect(next.metrics).toBe(scratch);
    });
  }
});
