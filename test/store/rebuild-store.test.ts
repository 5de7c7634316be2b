import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { cleanThroughStore } from '../../src/store/clean-through-store.js';
import { emptyStore, openStore, readMeta } from '../../src/store/open-store.js';
import type { StoreEngine } from '../../src/store/store-engine.js';
import { parseConfig } from '../../src/config/read-config.js';
import { finishRebuild, landInBatches, rebuildStore } from '../../src/store/rebuild-store.js';
import { NOW, STORES, config, outcome, rebuildStoppedByACutFile, tempDir } from './land-in-batches.js';

// A store holding one run over a generated input (weeks ending 2026-W47), for `check`, closed after it: the
// store, its input folder and how many log files that holds.
async function withFilledStore(spec: { seed: number; users: number; weeks: number }, check: (engine: StoreEngine, input: string, logFiles: number) => Promise<void>): Promise<void> {
  const { files } = generateDataset({ ...spec, endWeek: '2026-W47' });
  const input = tempDir('uptake-rebuild-input-');
  for (const file of files) writeFileSync(join(input, file.name), file.content);
  const engine = await openStore(join(tempDir('uptake-rebuild-store-'), 'store.duckdb'));
  try {
    await cleanWithStore(engine, input, config, { now: NOW });
    await check(engine, input, files.filter((file) => !file.name.startsWith('user_monthly_summary')).length);
  } finally {
    await engine.close();
  }
}

// What a store holds, in counts, and its settings (the reader's fingerprint and clock among them).
async function storeState(store: string) {
  const engine = await openStore(store);
  try {
    const count = async (table: string) => Number((await engine.all(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return { files: await count('store_files'), rows: await count('store_rows'), tasks: await count('store_tasks'), weeks: await count('store_week_facts'), meta: await readMeta(engine) };
  } finally {
    await engine.close();
  }
}

// The store as an older build of uptake, which read files otherwise, left it.
const leftByAnOlderBuild = (engine: StoreEngine) => engine.run("UPDATE store_meta SET value = 'an older build' WHERE key = 'reader'");

// A generated input folder, and a store one run filled from it.
async function filledStore(size: { seed: number; users: number; weeks: number }) {
  const { files } = generateDataset({ ...size, endWeek: '2026-W47' });
  const input = tempDir('uptake-rebuild-input-');
  for (const file of files) writeFileSync(join(input, file.name), file.content);
  const logFiles = files.filter((file) => !file.name.startsWith('user_monthly_summary')).length;
  const store = join(tempDir('uptake-rebuild-store-'), 'store.duckdb');
  const before = await openStore(store);
  await cleanWithStore(before, input, config, { now: NOW });
  await before.close();
  return { files, input, logFiles, store };
}

describe('rebuildStore: every input file cleaned again, a batch at a time', () => {
  it('lands the log files in batches of about the given bytes, and the store then equals a scratch run', async () => {
    // a store with something in it first: the rebuild empties it
    const { files, input, logFiles, store } = await filledStore({ seed: 3, users: 30, weeks: 6 });
    const engine = await openStore(store, { rebuild: true });
    const lines: string[] = [];
    try {
      const summary = await rebuildStore(engine, input, config, { now: NOW, onProgress: (line) => lines.push(line) }, 20_000);
      expect(summary).toEqual({ read: logFiles, skipped: 0, removed: 0 });
      const batches = lines.filter((line) => line.startsWith('store rebuild: batch'));
      expect(batches.length).toBeGreaterThan(3);
      expect(batches.at(-1)).toBe(`store rebuild: batch ${batches.length} of ${batches.length} (the input folder)`);
      // every log file was read in exactly one batch's run
      const read = lines.map((line) => /new store, all (\d+) log files|; (\d+) to read/.exec(line)).filter((match) => match !== null);
      expect(read.reduce((sum, match) => sum + Number(match![1] ?? match![2]), 0)).toBe(logFiles);
      const scratch = await cleanInput(input, config, { now: NOW });
      const run = await cleanWithStore(engine, input, config, { now: NOW }, { week: 'latest' });
      expect(run.summary).toEqual({ read: 0, skipped: logFiles, removed: 0 });
      expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(scratch, config, 'latest')));
      expect(outcome((await cleanWithStore(engine, input, config, { now: NOW })).data)).toBe(outcome(scratch));
    } finally {
      await engine.close();
    }
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`uptake-batches-${process.pid}-`))).toEqual([]);
    // the progress of a batch names the input folder, never the temporary folder of links it ran on
    expect(lines.filter((line) => line.includes('uptake-batches-'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('found '))).toEqual([`found ${files.length} input files in ${input}`]);
  });

  it('names the input folder when a batch fails, and removes the folder of links a killed run left', async () => {
    const { files } = generateDataset({ seed: 5, users: 30, weeks: 6, endWeek: '2026-W47' });
    const input = tempDir('uptake-rebuild-input-');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    // not gzip data, in a batch of its own period (after the first week's)
    const first = files.map((file) => /W\d\d/.exec(file.name)?.[0]).filter(Boolean).sort()[0];
    writeFileSync(join(input, `ai_logs_2026-${first}b.csv.gz`), 'not gzip');
    // what a run killed during its batches (kill -9) left: its folder of links, named after its pid
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = join(tmpdir(), `uptake-batches-${dead}-AbC123`);
    mkdirSync(left);
    symlinkSync(join(input, files[0].name), join(left, files[0].name));
    const engine = await openStore(join(tempDir('uptake-rebuild-store-'), 'store.duckdb'));
    try {
      const failure = landInBatches(engine, input, config, { now: NOW }, { batchBytes: 20_000, above: 0 });
      await expect(failure).rejects.toThrow(`${join(input, `ai_logs_2026-${first}b.csv.gz`)}: expected gzip data`);
      await expect(failure).rejects.toMatchObject({ file: join(input, `ai_logs_2026-${first}b.csv.gz`) });
    } finally {
      await engine.close();
    }
    expect(existsSync(left)).toBe(false);
    expect(existsSync(join(input, files[0].name))).toBe(true);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`uptake-batches-${process.pid}-`))).toEqual([]);
  });

  it('more new input than a run holds lands in batches first, on top of what the store holds (a run stopped part-way goes on from there)', async () => {
    const { files } = generateDataset({ seed: 4, users: 30, weeks: 6, endWeek: '2026-W47' });
    const input = tempDir('uptake-rebuild-input-');
    const logFiles = files.filter((file) => !file.name.startsWith('user_monthly_summary'));
    // the store holds the first two weeks already (as after a batched run that stopped there)
    const weeks = [...new Set(logFiles.map((file) => /W\d\d/.exec(file.name)![0]))].sort();
    for (const file of files) if (!weeks.slice(2).some((week) => file.name.includes(week))) writeFileSync(join(input, file.name), file.content);
    const engine = await openStore(join(tempDir('uptake-rebuild-store-'), 'store.duckdb'));
    const lines: string[] = [];
    const effects = { now: NOW, onProgress: (line: string) => lines.push(line) };
    try {
      await cleanWithStore(engine, input, config, { now: NOW });
      for (const file of files) writeFileSync(join(input, file.name), file.content);
      // (the input is far smaller than the default threshold: a small one here)
      const read = await landInBatches(engine, input, config, effects, { batchBytes: 20_000, above: 50_000 });
      const batches = lines.filter((line) => line.startsWith('store: more new input than a run holds at once: batch'));
      expect(batches.length).toBeGreaterThan(2);
      // only files new to the store were read, none twice
      expect(new Set(read).size).toBe(read.length);
      expect(read.every((name) => weeks.slice(2).some((week) => name.includes(week)))).toBe(true);
      const run = await cleanWithStore(engine, input, config, { now: NOW }, { week: 'latest' });
      const scratch = await cleanInput(input, config, { now: NOW });
      expect(run.summary.read + read.length).toBe(logFiles.filter((file) => weeks.slice(2).some((week) => file.name.includes(week))).length);
      expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(scratch, config, 'latest')));
      expect(outcome((await cleanWithStore(engine, input, config, { now: NOW })).data)).toBe(outcome(scratch));
      // nothing new: nothing to land
      lines.length = 0;
      expect(await landInBatches(engine, input, config, effects, { batchBytes: 20_000, above: 50_000 })).toEqual([]);
      expect(lines).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  // (a clock set back: a run's plausible starts depend on it, so every file is read again)
  const everyFileAgain = [
    { why: 'this build of uptake reads files differently from the one that filled the store', when: 'after an upgrade that reads files otherwise', now: NOW, leave: leftByAnOlderBuild },
    { why: 'the run\'s clock is earlier than the last run\'s (plausible starts depend on it)', when: 'with a clock earlier than the last run\'s', now: NOW - 86_400_000, leave: async () => {} },
  ];
  for (const [kind, newStore] of STORES) {
    for (const { why, when, now, leave } of everyFileAgain) {
      it(`${kind}: ${when}, a large input is rebuilt in batches into a new store, which takes the old one's place only when done (a run that fails part-way leaves it as it was)`, async () => {
        const { files } = generateDataset({ seed: 6, users: 30, weeks: 6, endWeek: '2026-W47' });
        const input = tempDir('uptake-rebuild-input-');
        for (const file of files) writeFileSync(join(input, file.name), file.content);
        const logFiles = files.filter((file) => !file.name.startsWith('user_monthly_summary')).length;
        const store = await newStore();
        const filling = await openStore(store);
        try {
          await cleanWithStore(filling, input, config, { now: NOW });
          await leave(filling);
        } finally {
          await filling.close();
        }
        const before = await storeState(store);
        const lines: string[] = [];
        const effects = { now, onProgress: (line: string) => lines.push(line) };
        // (the input is far smaller than the default threshold: small sizes here)
        const batching = { batchBytes: 20_000, above: 50_000 };
        // a gzipped log cut short, in the fourth of about a dozen batches: the run stops with exit 3 part-way
        const cut = files.filter((file) => file.name.startsWith('ai_logs_'))[3];
        const gzipped = gzipSync(cut.content);
        writeFileSync(join(input, `${cut.name}.gz`), gzipped.subarray(0, gzipped.length >> 1));
        rmSync(join(input, cut.name));
        await expect(cleanThroughStore(store, input, config, effects, { week: 'latest' }, batching)).rejects.toMatchObject({ kind: 'input' });
        expect(lines[0]).toBe(`store: ${why}: every input file is cleaned again into a new store, in batches; the store stays as it was until that finishes`);
        // (batches landed before the one that failed)
        expect(lines.filter((line) => /^store rebuild: batch [23] of \d+ /.test(line)).length).toBe(2);
        expect(await storeState(store)).toEqual(before);
        if (kind === 'DuckDB') expect(readdirSync(join(store, '..')).sort()).toEqual(['store.duckdb', 'store.duckdb.rows']);
        // the file whole again: the same run rebuilds the store, then reports from it
        writeFileSync(join(input, cut.name), cut.content);
        rmSync(join(input, `${cut.name}.gz`));
        lines.length = 0;
        const run = await cleanThroughStore(store, input, config, effects, { week: 'latest' }, batching);
        expect(lines[0]).toBe(`store: ${why}: every input file is cleaned again into a new store, in batches; the store stays as it was until that finishes`);
        const batches = lines.filter((line) => line.startsWith('store rebuild: batch'));
        expect(batches.length).toBeGreaterThan(3);
        // no batch read every file: each read its own, and the run itself none
        expect(lines.some((line) => line.includes(`(all: ${why}`))).toBe(false);
        expect(run.summary).toEqual({ read: 0, skipped: logFiles, removed: 0 });
        const scratch = await cleanInput(input, config, { now });
        expect(JSON.stringify(run.report!.metrics)).toBe(JSON.stringify(computeMetrics(scratch, config, 'latest')));
        const again = await cleanThroughStore(store, input, config, { now }, {}, batching);
        expect(again.summary).toEqual({ read: 0, skipped: logFiles, removed: 0 });
        expect(outcome(again.data)).toBe(outcome(scratch));
        if (kind === 'DuckDB') expect(readdirSync(join(store, '..')).sort()).toEqual(['store.duckdb', 'store.duckdb.rows']);
      });
    }
  }

  it('after an upgrade, a run with other cleaning settings stops with exit 4 and leaves the store as it was, instead of rebuilding it', async () => {
    const { input, store } = await filledStore({ seed: 6, users: 30, weeks: 3 });
    const older = await openStore(store);
    await leftByAnOlderBuild(older);
    await older.close();
    const before = await storeState(store);
    const other = parseConfig({ cleaning: { stitchGapMin: 25 } });
    await expect(cleanThroughStore(store, input, other, { now: NOW }, {}, { batchBytes: 20_000, above: 10_000 })).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('uptake store rebuild') });
    expect(await storeState(store)).toEqual(before);
    expect(before.files).toBeGreaterThan(0);
  });

  it('a rebuild that fails before it finishes leaves the store as it was, its blobs too; one that finishes takes its place', async () => {
    const { files, input, logFiles, store } = await filledStore({ seed: 8, users: 20, weeks: 3 });
    const blobs = readdirSync(`${store}.rows`).sort();
    const kept = async () => {
      const engine = await openStore(store);
      try {
        return { files: (await engine.all('SELECT count(*) AS files FROM store_files'))[0].files, run: (await cleanWithStore(engine, input, config, { now: NOW })).summary };
      } finally {
        await engine.close();
      }
    };
    // a gzipped log cut short (a copy that stopped half-way): the rebuild stops with exit 3, in its last batch
    await rebuildStoppedByACutFile(store, files, input);
    expect(readdirSync(`${store}.rows`)).toEqual(expect.arrayContaining(blobs));
    expect(readdirSync(join(store, '..')).sort()).toEqual(['store.duckdb', 'store.duckdb.rows']);
    expect(await kept()).toEqual({ files: files.length, run: { read: 0, skipped: logFiles, removed: 0 } });
    // a rebuild that cleaned every file but was not finished (its input changed meanwhile: exit 3) neither
    // changes the store; one that finishes, without a file, takes its place, its blob with it
    const gone = files.find((file) => file.name.startsWith('manual_logs_'))!;
    rmSync(join(input, gone.name));
    const unfinished = await openStore(store, { rebuild: true });
    try {
      expect(await rebuildStore(unfinished, input, config, { now: NOW })).toEqual({ read: logFiles - 1, skipped: 0, removed: 0 });
    } finally {
      await unfinished.close();
    }
    // (besides, at most a value no table names: the next run drops it)
    expect(readdirSync(`${store}.rows`)).toEqual(expect.arrayContaining(blobs));
    const finished = await openStore(store, { rebuild: true });
    try {
      await rebuildStore(finished, input, config, { now: NOW });
      await finishRebuild(finished);
      expect(await finished.all('SELECT count(*) AS files FROM store_files')).toEqual([{ files: files.length - 1 }]);
    } finally {
      await finished.close();
    }
    expect(readdirSync(`${store}.rows`).length).toBe(blobs.length - 1);
    expect(await kept()).toEqual({ files: files.length - 1, run: { read: 0, skipped: logFiles - 1, removed: 0 } });
    // what a rebuild killed before its end left beside the store goes with the next run to open it
    for (const left of ['store.duckdb.rebuilding', 'store.duckdb.rebuilding.wal']) writeFileSync(join(store, '..', left), 'left by a killed rebuild');
    await (await openStore(store)).close();
    expect(readdirSync(join(store, '..')).sort()).toEqual(['store.duckdb', 'store.duckdb.rows']);
  });

  it('emptying a store is one transaction: stopped part-way, the store keeps every table and its settings', async () => {
    await withFilledStore({ seed: 7, users: 20, weeks: 2 }, async (engine) => {
      const count = async () => (await engine.all("SELECT (SELECT count(*) FROM store_files) AS files, (SELECT count(*) FROM store_meta WHERE key IN ('reader', 'config_hash')) AS settings"))[0];
      const before = await count();
      // a run stopped after the settings' table went, before the ledger's
      const stopping: StoreEngine = { ...engine, run: (sql, params) => (sql.includes('DROP TABLE IF EXISTS store_files') ? Promise.reject(new Error('stopped')) : engine.run(sql, params)) };
      await expect(emptyStore(stopping)).rejects.toThrow('stopped');
      expect(await count()).toEqual(before);
      expect(before).toMatchObject({ settings: 2 });
    });
  });
});
