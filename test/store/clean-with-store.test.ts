import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { configHash } from '../../src/store/store-settings.js';
import { parseConfig } from '../../src/config/read-config.js';
import { openStore } from '../../src/store/open-store.js';
import { NOW, config, landInBatches, outcome, tempDir, weekOf } from './land-in-batches.js';
import { CROSS_FILE_LANDINGS, LABEL_CHANGE_LANDINGS, SMALL, landInSteps, type Landing } from './land-in-steps.js';


// A log file's parsed rows kept beside the store file: the blob under the key (their bytes' SHA-256) its ledger row names.
async function keptRowsOf(store: string, name: string): Promise<{ blob: string; key: string }> {
  const engine = await openStore(store);
  const [{ parts_key: key }] = await engine.all('SELECT parts_key FROM store_file_rows WHERE name = $1', [name]);
  await engine.close();
  return { blob: join(`${store}.rows`, String(key)), key: String(key) };
}
// Of the generated files of W45 and W47 (seeds 1 to 3), those holding a November time without an offset read in
// the roster's zone: all but ai_logs_2026-W45.csv, whose rows name their zone in a tz column.
const NOVEMBER_NAIVE: Record<number, number> = { 1: 3, 2: 3, 3: 3 };

describe('cleanWithStore: a run through the store equals a run from scratch', () => {
  for (const seed of [1, 2, 3]) {
    const { files } = generateDataset({ seed, users: 30, weeks: 6, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    it(`seed ${seed}: weeks landing in order, one at a time, read only the new week's two files`, async () => {
      const summaries = await landInBatches(files, weeks, 1);
      expect(summaries).toEqual(weeks.map((_, index) => ({ read: 2, skipped: 2 * index })));
    });
    it(`seed ${seed}: weeks landing backwards, two at a time`, async () => {
      const summaries = await landInBatches(files, [...weeks].reverse(), 2);
      expect(summaries).toEqual([{ read: 4, skipped: 0 }, { read: 4, skipped: 4 }, { read: 4, skipped: 8 }]);
    });
    it(`seed ${seed}: weeks landing shuffled, three at a time, with a roster month arriving last (the stored files with naive November times read again)`, async () => {
      const shuffled = [weeks[3], weeks[0], weeks[5], weeks[1], weeks[4], weeks[2]];
      const summaries = await landInBatches(files, shuffled, 3, ['user_monthly_summary_2026-11.csv']);
      // the first three weeks (W45, W42, W47): W42 is in October; of W45's and W47's four files, those with a
      // naive time (read in the roster's November zone, or the default zone before it) are read again
      expect(summaries).toEqual([{ read: 6, skipped: 0 }, { read: 6 + NOVEMBER_NAIVE[seed], skipped: 6 - NOVEMBER_NAIVE[seed] }]);
    });
  }

  it('a changed file is read again and a removed one drops what it gave; nothing changed reads nothing', async () => {
    const { files } = generateDataset({ seed: 4, users: 30, weeks: 4, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-input-');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const store = join(tempDir('uptake-store-'), 'store.duckdb');
    const run = async (folder = input) => {
      const engine = await openStore(store);
      try {
        const { data, summary } = await cleanWithStore(engine, folder, config, { now: NOW });
        expect(outcome(data)).toBe(outcome(await cleanInput(folder, config, { now: NOW })));
        return summary;
      } finally {
        await engine.close();
      }
    };
    expect(await run()).toEqual({ read: 8, skipped: 0, removed: 0 });
    expect(await run()).toEqual({ read: 0, skipped: 8, removed: 0 });
    const changed = files.find((file) => file.name.startsWith('ai_logs') && !file.name.endsWith('.gz'))!;
    const text = Buffer.from(changed.content).toString('utf8').split('\n');
    writeFileSync(join(input, changed.name), [...text.slice(0, 2), ...text.slice(12)].join('\n'));
    expect(await run()).toEqual({ read: 1, skipped: 7, removed: 0 });
    // the blobs beside the store: one file's parsed rows per log file and one value of facts per week (4 weeks)
    expect(readdirSync(`${store}.rows`).length).toBe(8 + 4);
    unlinkSync(join(input, files.find((file) => file.name.startsWith('manual_logs') && file.name.includes('W46'))!.name));
    expect(await run()).toEqual({ read: 0, skipped: 7, removed: 1 });
    // the removed file's parsed rows go with it; W46's facts are replaced (its manual tasks went)
    expect(readdirSync(`${store}.rows`).length).toBe(7 + 4);
    // the same files in another folder (another spelling of the input): known by name and bytes, named by the new path
    const moved = tempDir('uptake-store-moved-');
    for (const name of readdirSync(input)) copyFileSync(join(input, name), join(moved, name));
    expect(await run(moved)).toEqual({ read: 0, skipped: 7, removed: 0 });
    // rows parsed by another build of the reader are not trusted: every file is read again
    const engine = await openStore(store);
    await engine.run("UPDATE store_meta SET value = 'an older build' WHERE key = 'reader'");
    await engine.close();
    expect(await run(moved)).toEqual({ read: 7, skipped: 0, removed: 0, rereadAll: 'this build of uptake reads files differently from the one that filled the store' });
    expect(await run(moved)).toEqual({ read: 0, skipped: 7, removed: 0 });
    // a damaged stored value is read again from its file
    const damaging = await openStore(store);
    await damaging.run("UPDATE store_file_rows SET result = $1 WHERE name = $2", [new Uint8Array([1, 2, 3]), files[0].name]);
    await damaging.close();
    expect(await run(moved)).toEqual({ read: 1, skipped: 6, removed: 0 });
    // the roster the store keeps: written again only when it changed
    const rosterRows = async () => {
      const engine = await openStore(store);
      try {
        return (await engine.all("SELECT user_id, team FROM store_roster WHERE month = '2026-11' ORDER BY user_id")).map((row) => `${row.user_id} ${row.team}`);
      } finally {
        await engine.close();
      }
    };
    const before = await rosterRows();
    expect(before.length).toBeGreaterThan(20);
    expect(await run(moved)).toEqual({ read: 0, skipped: 7, removed: 0 });
    expect(await rosterRows()).toEqual(before);
    const rosterFile = join(moved, 'user_monthly_summary_2026-11.csv');
    const [first] = before;
    const lines = readFileSync(rosterFile, 'utf8').split('\n');
    const user = first.split(' ')[0];
    writeFileSync(rosterFile, lines.map((line) => (line.startsWith(`${user},`) ? line.replace(/^([^,]*),([^,]*),/, '$1,Moved Team,') : line)).join('\n'));
    await run(moved);
    expect(await rosterRows()).toEqual(before.map((row) => (row === first ? `${user} Moved Team` : row)));
  });

  it('label rules written otherwise (synonyms reordered or spelled otherwise, the catalogue reordered) are the same cleaning: no rebuild asked; another mapping asks for one', async () => {
    const { files } = generateDataset({ seed: 4, users: 30, weeks: 2, endWeek: '2026-W47' });
    const input = tempDir('uptake-store-input-');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const store = join(tempDir('uptake-store-'), 'store.duckdb');
    const run = async (cleaning: Record<string, unknown>) => {
      const runConfig = parseConfig({ cleaning });
      const engine = await openStore(store);
      try {
        const { data, summary } = await cleanWithStore(engine, input, runConfig, { now: NOW });
        expect(outcome(data, runConfig)).toBe(outcome(await cleanInput(input, runConfig, { now: NOW }), runConfig));
        return summary;
      } finally {
        await engine.close();
      }
    };
    const written = { synonyms: { 'Email Triage': 'mail', report_drafting: 'Writing' }, catalogue: ['mail', 'writing', 'data_entry', 'contract_review'] };
    expect(await run(written)).toEqual({ read: 4, skipped: 0, removed: 0 });
    const otherwise = { synonyms: { 'Report Drafting': 'writing', email_triage: 'Mail' }, catalogue: ['Contract Review', 'data_entry', 'writing', 'mail', 'mail'] };
    expect(await run(otherwise)).toEqual({ read: 0, skipped: 4, removed: 0 });
    await expect(run({ ...otherwise, synonyms: { email_triage: 'writing' } })).rejects.toThrow(/expected a store cleaned with this config's cleaning, timezone and inputLimits settings/);
    // (the defaults hash as written did before: a store kept by an earlier build is not asked for a rebuild)
    expect(configHash(parseConfig({}))).toBe(createHash('sha256').update(JSON.stringify({ cleaning: parseConfig({}).cleaning, timezone: 'UTC', inputLimits: parseConfig({}).inputLimits })).digest('hex'));
  });

  it('a start or an end too far after the run\'s clock is read again once the clock has moved on; an earlier clock reads everything again', async () => {
    const header = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';
    const input = tempDir('uptake-store-input-');
    writeFileSync(join(input, 'ai_logs_a.csv'), `${header}\ne1,u1,Finance,invoice_matching,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,0.9,false,p1\n`);
    // starts on Dec 3 (implausible at NOW = Nov 30 + 1 day), ends on Dec 4
    writeFileSync(join(input, 'ai_logs_b.csv'), `${header}\ne2,u1,Finance,invoice_matching,2026-12-03T09:00:00Z,2026-12-03T09:10:00Z,success,0.9,false,p2\n`);
    writeFileSync(join(input, 'ai_logs_c.csv'), `${header}\ne3,u2,Finance,invoice_matching,2026-11-30T09:00:00Z,2026-12-04T09:00:00Z,success,0.9,false,p3\n`);
    writeFileSync(join(input, 'manual_logs_a.csv'), 'task_id,user_id,team,task_type,started_at,ended_at\nm1,u1,Finance,invoice_matching,2026-11-24T10:00:00Z,2026-11-24T10:30:00Z\n');
    writeFileSync(join(input, 'user_monthly_summary_2026-11.csv'), 'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total\nu1,Finance,2026-11,UTC,true,3,2\nu2,Finance,2026-11,UTC,true,3,2\n');
    const store = join(tempDir('uptake-store-'), 'store.duckdb');
    const run = async (now: number) => {
      const engine = await openStore(store);
      try {
        const { data, summary } = await cleanWithStore(engine, input, config, { now });
        expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now })));
        return { summary, quarantined: data.accounting.ai_logs.quarantined };
      } finally {
        await engine.close();
      }
    };
    expect(await run(NOW)).toEqual({ summary: { read: 4, skipped: 0, removed: 0 }, quarantined: 1 });
    // b (a start past the window) and c (an end past it) are read again; a and the manual file are kept
    const later = NOW + 5 * 86_400_000;
    expect(await run(later)).toEqual({ summary: { read: 2, skipped: 2, removed: 0 }, quarantined: 0 });
    expect(await run(later)).toEqual({ summary: { read: 0, skipped: 4, removed: 0 }, quarantined: 0 });
    const { summary } = await run(NOW);
    expect(summary).toEqual({ read: 4, skipped: 0, removed: 0, rereadAll: "the run's clock is earlier than the last run's (plausible starts depend on it)" });
  });
  it('a file whose rows can never become plausible (a start before cleaning.earliest, an unreadable end) is kept; one with a start past the clock is read until it is plausible', async () => {
    const header = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';
    const input = tempDir('uptake-store-input-');
    writeFileSync(join(input, 'ai_logs_a.csv'), `${header}\ne1,u1,Finance,invoice_matching,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,0.9,false,p1\n`);
    // a start in 1999, an end that is no timestamp, an end in 1970: implausible at every clock
    writeFileSync(join(input, 'ai_logs_early.csv'), [
      header,
      'e2,u1,Finance,invoice_matching,1999-12-31T09:00:00Z,,success,0.9,false,p2',
      'e3,u2,Finance,invoice_matching,2026-11-25T09:00:00Z,yesterday,success,0.9,false,p3',
      'e4,u2,Finance,invoice_matching,2026-11-30T09:00:00Z,1970-01-01T00:00:00Z,success,0.9,false,p4',
    ].join('\n') + '\n');
    // starts on Dec 3: after the window at NOW (Nov 30 12:00, plus a day)
    writeFileSync(join(input, 'ai_logs_future.csv'), `${header}\ne5,u1,Finance,invoice_matching,2026-12-03T09:00:00Z,2026-12-03T09:10:00Z,success,0.9,false,p5\n`);
    writeFileSync(join(input, 'manual_logs_a.csv'), 'task_id,user_id,team,task_type,started_at,ended_at\nm1,u1,Finance,invoice_matching,2026-11-24T10:00:00Z,2026-11-24T10:30:00Z\n');
    writeFileSync(join(input, 'user_monthly_summary_2026-11.csv'), 'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total\nu1,Finance,2026-11,UTC,true,3,2\nu2,Finance,2026-11,UTC,true,3,2\n');
    const store = join(tempDir('uptake-store-'), 'store.duckdb');
    const run = async (now: number) => {
      const engine = await openStore(store);
      try {
        const lines: string[] = [];
        const { data, summary } = await cleanWithStore(engine, input, config, { now, onProgress: (message) => lines.push(message) });
        expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now })));
        const reread = Object.fromEntries((await engine.all('SELECT name, reread FROM store_files ORDER BY name')).map((row) => [String(row.name), row.reread]));
        const tasks = (data.tasks.objects() as Array<{ task_id: string }>).map((task) => task.task_id);
        return { line: lines.find((message) => message.startsWith('store ')), read: summary.read, reread, tasks, quarantine: data.quarantine.records().map((record) => record.detail) };
      } finally {
        await engine.close();
      }
    };
    const early = 'expected `started_at` at or after 2000-01-01T00:00:00.000Z (cleaning.earliest), got `1999-12-31T09:00:00Z`';
    const flags = (future: boolean) => ({ 'ai_logs_a.csv': false, 'ai_logs_early.csv': false, 'ai_logs_future.csv': future, 'manual_logs_a.csv': false, 'user_monthly_summary_2026-11.csv': false });
    expect(await run(NOW)).toEqual({
      line: `store ${store}: new store, all 4 log files to read`, read: 4, reread: flags(true), tasks: ['e1', 'e3', 'e4', 'm1'],
      quarantine: [early, "expected `started_at` at or before 2026-12-01T12:00:00.000Z (cleaning.maxFutureDays after the run's clock), got `2026-12-03T09:00:00Z`"],
    });
    // the same clock, a day on: only the file with a start past the clock is read again
    const dayOn = NOW + 86_400_000;
    expect(await run(dayOn)).toMatchObject({ line: `store ${store}: skipped 3 of 4 log files (unchanged since the last run); 1 to read`, read: 1, reread: flags(true), tasks: ['e1', 'e3', 'e4', 'm1'] });
    // once the clock has passed e5's start it is a task, and nothing is flagged any more
    const later = NOW + 5 * 86_400_000;
    expect(await run(later)).toEqual({ line: `store ${store}: skipped 3 of 4 log files (unchanged since the last run); 1 to read`, read: 1, reread: flags(false), tasks: ['e1', 'e3', 'e4', 'e5', 'm1'], quarantine: [early] });
    expect(await run(later)).toMatchObject({ line: `store ${store}: skipped 4 of 4 log files (unchanged since the last run); 0 to read`, read: 0, reread: flags(false) });
  });
});

describe('cleanWithStore: the cross-row rules across files that land apart', () => {
  const { AI, roster, base } = SMALL;
  const steps = (...landings: Landing[]) => landInSteps(join(tempDir('uptake-store-'), 'store.duckdb'), ...landings);

  it('a stitch, a retry and an exact duplicate across two files, and a file that sorts first landing last', async () => {
    const messages = await steps(...CROSS_FILE_LANDINGS    );
    // e1, e2 and e3, e4 (two pairs) with the new rows; then u1's invoice_matching from e5 on, and e9 under both users
    expect(messages).toEqual([
      'cleaned all 5 rows (no stored rows to keep)',
      're-cleaned 5 rows in 2 user and task-type pairs; 3 stored rows kept',
      're-cleaned 6 rows in 3 user and task-type pairs; 4 stored rows kept',
    ]);
  });

  it('a label whose canonical form changes when new counts arrive, and back when they go', async () => {
    await steps(...LABEL_CHANGE_LANDINGS    );
  });

  it('a roster month whose team changes fills the stored tasks\' blank teams anew; a changed file in the middle splits a stitched task', async () => {
    await steps(
      { ...base, 'ai_logs_a.csv': `${AI}\ne1,u1,,audit,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\ne2,u1,,audit,2026-11-24T09:15:00Z,2026-11-24T09:20:00Z,success,,,\ne3,u1,,audit,2026-11-24T09:25:00Z,2026-11-24T09:30:00Z,success,,,\n` },
      { 'user_monthly_summary_2026-11.csv': roster('Legal') },
      { 'ai_logs_a.csv': `${AI}\ne1,u1,,audit,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\ne3,u1,,audit,2026-11-24T09:25:00Z,2026-11-24T09:30:00Z,success,,,\n` },
    );
  });

  it('a pass-through column that only a later file has, and an end before its start', async () => {
    await steps(
      { ...base, 'ai_logs_a.csv': `${AI}\ne1,u1,,audit,2026-11-24T09:10:00Z,2026-11-24T09:00:00Z,success,,,\n` },
      { 'ai_logs_b.csv': `${AI},client_os\ne2,u1,,audit,2026-11-25T09:00:00Z,2026-11-25T09:10:00Z,success,,,,linux\n` },
    );
  });

  it('a kept file whose stored rows are damaged is read again when the region needs its rows', async () => {
    const a = `${AI}\ne1,u1,,audit,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\n`;
    const messages = await steps(
      { ...base, 'ai_logs_a.csv': a },
      async (store) => {
        const { blob, key } = await keptRowsOf(store, 'ai_logs_a.csv');
        expect(createHash('sha256').update(readFileSync(blob)).digest('hex')).toBe(key);
        writeFileSync(blob, new Uint8Array([1, 2, 3]));
      },
      // e2 continues e1: e1's row is in the region, and a's rows come from the file
      { 'ai_logs_b.csv': `${AI}\ne2,u1,,audit,2026-11-24T09:15:00Z,2026-11-24T09:20:00Z,success,,,\n` },
      { 'ai_logs_c.csv': `${AI}\ne3,u1,,audit,2026-11-24T09:25:00Z,2026-11-24T09:30:00Z,success,,,\n` },
    );
    expect(messages).toEqual([
      'cleaned all 3 rows (no stored rows to keep)',
      're-cleaned 2 rows in 1 user and task-type pairs; 2 stored rows kept',
      're-cleaned 3 rows in 1 user and task-type pairs; 2 stored rows kept',
    ]);
  });

  it('a kept file whose stored rows were altered yet still decode (bit rot, a bad copy) is read again, not cleaned as altered', async () => {
    const a = `${AI}\ne1,u1,,audit,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\n`;
    const messages = await steps(
      { ...base, 'ai_logs_a.csv': a },
      async (store) => {
        // e1 starts (and ends) five hours later in the kept value: without a check, e2 no longer continues it
        const { blob } = await keptRowsOf(store, 'ai_logs_a.csv');
        const parts = deserialize(readFileSync(blob)) as Array<{ start: Float64Array; end: Float64Array }>;
        for (const part of parts) for (const times of [part.start, part.end]) times.forEach((time, row) => (times[row] = time + 5 * 3_600_000));
        writeFileSync(blob, serialize(parts));
      },
      { 'ai_logs_b.csv': `${AI}\ne2,u1,,audit,2026-11-24T09:15:00Z,2026-11-24T09:20:00Z,success,,,\n` },
    );
    expect(messages).toEqual(['cleaned all 3 rows (no stored rows to keep)', 're-cleaned 2 rows in 1 user and task-type pairs; 2 stored rows kept']);
  });

  it('says how many rows it cleaned again of how many stored', async () => {
    const messages = await steps(
      { ...base, 'ai_logs_a.csv': `${AI}\ne1,u1,,audit,2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,success,,,\ne2,u2,,audit,2026-11-03T09:00:00Z,2026-11-03T09:10:00Z,success,,,\n` },
      // e3 joins u1's audit pair after e1: only e3 is cleaned again; e1, e2, m0 and m1 are kept
      { 'ai_logs_b.csv': `${AI}\ne3,u1,,audit,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\n` },
      // nothing new: nothing cleaned
      {},
    );
    expect(messages).toEqual(['cleaned all 4 rows (no stored rows to keep)', 're-cleaned 1 rows in 1 user and task-type pairs; 4 stored rows kept', 'nothing to clean again; 5 stored rows kept']);
  });
});
