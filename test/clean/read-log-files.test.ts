import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { AI_HEADER, MANUAL_HEADER } from '../helpers/clean.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { writeGzipBomb } from '../helpers/gzip-bomb.js';
import { csv, inputFolder, ROSTER_HEADER } from '../helpers/input-folder.js';
// Worker threads run compiled JavaScript, so this file tests the build (npm test builds first).
import { cleanInput } from '../../dist/clean/clean-input.js';
import { parseConfig } from '../../dist/config/read-config.js';
import { plausibleWindow } from '../../dist/clean/quarantine.js';
import { readLogFiles, type LogFile } from '../../dist/clean/read-log-files.js';
import { discoverFiles } from '../../dist/ingest/discover-files.js';
import { UptakeError } from '../../dist/errors.js';

const config = parseConfig({ timezone: 'UTC' });
// The run's clock, pinned: both readings must agree on everything, the clock included.
const NOW = Date.UTC(2026, 11, 4, 22);

// Dirty rows of every kind, pass-through columns that differ by file, naive times read in roster zones, a gzipped file.
const files = {
  'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,Europe/Berlin,yes,10,5', 'u2,legal,2026-11,America/New_York,perhaps,3,1'),
  'ai_logs_1.csv': csv(`${AI_HEADER},channel`,
    'e1,u1,Finance,Report Drafting,2026-11-16 09:00:00,2026-11-16 09:20:00,done,0.9,no,draft the report,web',
    'e2,u2,,budget_recon,2026-11-16T10:00:00-05:00,,failed,,maybe,,',
    ',u1,Finance,report,2026-11-16T09:00:00Z,,done,,,,',
    'e4,u1,Finance,report,2026-11-16T11:00:00Z,,done,0.5,,"a, ""quoted"" prompt",cli,surplus',
    'e5,u1,Finance,report,2026-11-16T12:00:00Z,,done,0.5,,"bad"quote,web',
    'e1,u1,Finance,Report Drafting,2026-11-16 09:00:00,2026-11-16 09:20:00,done,0.9,no,draft the report,web'),
  'ai_logs_2.csv.gz': csv('log-id,uid,task-type,start-ts,duration-s,state,accuracy,harmful,query,tz,region',
    'e6,u2,budget_reconciliation,2026-11-17 08:00:00,600,completed,0.95,n,reconcile Q3,Mars/Base,EMEA',
    'e7,u1,report_drafting,1794819600,60,timeout,,y,"multi\nline prompt",Asia/Tokyo,',
    'e8,u1,report_drafting,2026-02-30T10:00:00Z,60,completed,,,,,'),
  'ai_logs_3.csv': csv(AI_HEADER, 'e9,u2,Legal,contract_review,2026-11-18T09:00:00.250Z,2026-11-18T09:10:00Z,success,1,false,review'),
  'manual_logs_1.csv': csv(`${MANUAL_HEADER},site`, 't1,u1,Finance,report drafting,2026-11-16 08:00:00,2026-11-16 09:00:00,HQ', 't2,,Finance,report,2026-11-16T08:00:00Z,,'),
  'manual_logs_2.csv': csv(MANUAL_HEADER, 't3,u2,Legal,budget_recon,2026-11-17T07:00:00Z,2026-11-17T06:00:00Z', 't1,u1,Finance,report drafting,2026-11-16 08:00:00,2026-11-16 09:00:00'),
};

/** Everything cleanInput returns, as plain data. */
const plain = (data: Awaited<ReturnType<typeof cleanInput>>) => ({ ...data, quarantine: data.quarantine.records(), tasks: data.tasks.objects() as Array<Record<string, unknown>>, roster: data.roster.objects() });

test('reading on worker threads gives exactly what reading on one thread gives', async () => {
  const dir = inputFolder(files);
  const progress: string[] = [];
  const single = plain(await cleanInput(dir, config, { now: NOW, workers: 0 }));
  const threaded = plain(await cleanInput(dir, config, { now: NOW, workers: 2, onProgress: (message) => progress.push(message) }));
  expect(threaded).toEqual(single);
  // the file order decides every tie-break and the order of the quarantine, whatever thread finished first
  expect(single.quarantine.map((record) => [record.file.split('/').pop(), record.line, record.reason])).toEqual([
    ['ai_logs_1.csv', 4, 'missing_id'],
    ['ai_logs_1.csv', 5, 'field_count'],
    ['ai_logs_1.csv', 6, 'parse_error'],
    ['ai_logs_2.csv.gz', 5, 'invalid_started_at'],
    ['manual_logs_1.csv', 3, 'missing_user_id'],
  ]);
  expect(single.accounting.ai_logs).toEqual({ rows_read: 10, quarantined: 4, exact_duplicates: 1, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 5, tasks: 5 });
  expect(single.accounting.manual_logs).toMatchObject({ rows_read: 4, quarantined: 1, exact_duplicates: 1, rows_in_tasks: 2, tasks: 2 });
  expect(Object.keys(single.repairs)).toEqual(['clock_skew', 'unreadable_licensed', 'unreadable_harmful', 'unreadable_tz']);
  expect(single.tasks.map((task) => [task.task_id, task.started_at, task.channel ?? null, task.region ?? null])).toEqual([
    ['e1', Date.UTC(2026, 10, 16, 8), 'web', null], // naive: Berlin (roster), UTC+1
    ['e2', Date.UTC(2026, 10, 16, 15), null, null],
    ['e6', Date.UTC(2026, 10, 17, 13), null, 'EMEA'], // naive: New York (roster), UTC-5
    ['e7', 1794819600000, null, null],
    ['e9', Date.UTC(2026, 10, 18, 9, 0, 0, 250), null, null],
    ['t1', Date.UTC(2026, 10, 16, 7), null, null],
    ['t3', Date.UTC(2026, 10, 17, 6), null, null],
  ]);
  expect(progress.slice(0, 2)).toEqual([`found 6 input files in ${dir}`, 'reading 5 log files on 2 threads']);
});

// Text is parsed a byte a character and only records with other bytes are decoded; a value with a character
// above U+00FF crosses threads apart from the others. Neither may change a character.
test('text outside ASCII reads the same on threads and on one thread, whatever the file around it', async () => {
  const dir = inputFolder({
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,Europe/Berlin,yes,10,5'),
    'ai_logs_1.csv': `\ufeff${csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,plain prompt',
      'e2-会,u1,Finance,report,2026-11-16T10:00:00Z,,done,,,"会议纪要 📈, ""quoted"""',
      'e3,u1,Fïnance,report,2026-11-16T11:00:00Z,,done,,,à\u00a0Å … ü',
      'e4,u1,Finance,report,2026-11-16T12:00:00Z,,done,,,مرحبا')}`,
    'manual_logs_1.csv': csv(MANUAL_HEADER, 't1,u1,Finance,report,2026-11-16T08:00:00Z,'),
  });
  const single = plain(await cleanInput(dir, config, { now: NOW, workers: 0 }));
  const threaded = plain(await cleanInput(dir, config, { now: NOW, workers: 2 }));
  expect(threaded).toEqual(single);
  expect(single.tasks.map((task) => [task.task_id, task.team, task.prompt])).toEqual([
    ['e1', 'Finance', 'plain prompt'],
    ['e2-会', 'Finance', '会议纪要 📈, "quoted"'],
    ['e3', 'Fïnance', 'à\u00a0Å … ü'],
    ['e4', 'Finance', 'مرحبا'],
    ['t1', 'Finance', null],
  ]);
});

test('a failing file stops the threaded read with the error the single-threaded read gives', async () => {
  const dir = inputFolder(files);
  writeFileSync(join(dir, 'ai_logs_2b.csv'), Buffer.concat([Buffer.from(`${AI_HEADER}\ne10,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,caf`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
  writeFileSync(join(dir, 'manual_logs_0.csv'), 'task_id,user_id,started_at\nt9,u1,2026-11-16T09:00:00Z\n');
  const failure = async (workers: number) => cleanInput(dir, config, { workers }).then(() => null, (error: unknown) => error);
  const single = await failure(0);
  const threaded = await failure(2);
  expect(single).toBeInstanceOf(UptakeError);
  expect((single as Error).message).toMatch(/ai_logs_2b\.csv:2: expected UTF-8 text/);
  expect(threaded).toBeInstanceOf(UptakeError);
  expect({ ...(threaded as UptakeError), message: (threaded as Error).message }).toEqual({ ...(single as UptakeError), message: (single as Error).message });
});

// Each thread holds at most a record's cap of the bomb: the threads stop on it as the main thread does.
test('a gzip bomb stops the threaded read at the configured record cap, as the single-threaded read', async () => {
  const dir = inputFolder(files);
  try {
    const bomb = join(dir, 'ai_logs_2b.csv.gz');
    await writeGzipBomb(bomb, `${AI_HEADER}\ne10,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,"`, 64);
    const capped = parseConfig({ timezone: 'UTC', inputLimits: { maxRecordBytes: 256 * 1024 } });
    const failure = async (workers: number) => cleanInput(dir, capped, { workers }).then(() => null, (error: unknown) => error);
    const single = await failure(0);
    const threaded = await failure(2);
    expect(single).toBeInstanceOf(UptakeError);
    expect((single as Error).message).toBe(`${bomb}:2: expected a record of at most 256 KiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`);
    expect({ ...(threaded as UptakeError), message: (threaded as Error).message }).toEqual({ ...(single as UptakeError), message: (single as Error).message });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The threads start while the roster is read: a roster that cannot be read must stop them with its error, and
// leave nothing running (a process that reads again and again, such as `uptake watch`, would gather threads).
test('a roster that cannot be read stops the threaded read with the error the single-threaded read gives, and its threads', async () => {
  const dir = inputFolder({ ...files, 'user_monthly_summary_2026-11.csv': 'team,month\nFinance,2026-11\n' });
  const single = await cleanInput(dir, config, { now: NOW, workers: 0 }).then(() => null, (error: unknown) => error);
  expect(single).toBeInstanceOf(UptakeError);
  expect((single as Error).message).toMatch(/user_monthly_summary_2026-11\.csv:1: expected a header with `user_id`/);
  // in a process of its own, which ends only when no thread is left
  const script = `
    const { cleanInput } = await import(${JSON.stringify(new URL('../../dist/clean/clean-input.js', import.meta.url).href)});
    const { parseConfig } = await import(${JSON.stringify(new URL('../../dist/config/read-config.js', import.meta.url).href)});
    const error = await cleanInput(${JSON.stringify(dir)}, parseConfig({ timezone: 'UTC' }), { workers: 2 }).then(() => null, (error) => error);
    console.log(JSON.stringify({ ...error, message: error?.message }));`;
  const scriptFile = join(dir, 'read.mjs'); // a file, not --eval: threads take the process's flags
  writeFileSync(scriptFile, script);
  const run = spawnSync(process.execPath, [scriptFile], { encoding: 'utf8', timeout: 60_000 });
  expect(run.signal).toBeNull();
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify({ ...(single as UptakeError), message: (single as Error).message })));
});

test('UPTAKE_READ_THREADS chooses the thread count; a value that is not a whole number is a config error', async () => {
  const dir = inputFolder(files);
  const progress: string[] = [];
  try {
    process.env.UPTAKE_READ_THREADS = '3';
    await cleanInput(dir, config, { onProgress: (message) => progress.push(message) });
    expect(progress[1]).toBe('reading 5 log files on 3 threads');
    process.env.UPTAKE_READ_THREADS = 'many';
    await expect(cleanInput(dir, config)).rejects.toMatchObject({ kind: 'config', message: 'expected UPTAKE_READ_THREADS to be a whole number (0 reads on the main thread), got `many`' });
  } finally {
    delete process.env.UPTAKE_READ_THREADS;
  }
});

// A large file is cut into chunks at record boundaries and its chunks are read side by side: the result
// must be the file read whole, lines, repeated headers and quarantine included. UPTAKE_READ_CHUNK_BYTES makes
// small files large here.
test('a file read in chunks, on threads or on one thread, gives exactly what reading it whole gives', async () => {
  const dataset = generateDataset({ seed: 5, users: 30, weeks: 3, endWeek: '2026-W47' });
  // inputFolder gzips .gz names itself
  const generated = dataset.files.map((file) => ({ ...file, content: file.name.endsWith('.gz') ? gunzipSync(file.content) : file.content }));
  const bigAi = generated.find((file) => file.name.startsWith('ai_logs') && !file.name.endsWith('.gz'))!;
  const gzipped = generated.find((file) => file.name.endsWith('.gz'))!;
  const prompts = Array.from({ length: 300 }, (_, index) => `e${index},u${index % 3 === 0 ? 1 : 2},Finance,report,2026-11-16T09:${String(index % 60).padStart(2, '0')}:00Z,,done,0.5,,"line one\nline ""two"", with a comma ${index}"`);
  const dir = inputFolder({
    ...Object.fromEntries(generated.map((file) => [file.name, file.content])),
    // the same header again half way down, and a row that is quarantined after it
    'ai_logs_9a.csv': csv(AI_HEADER, ...prompts.slice(0, 150), AI_HEADER, ...prompts.slice(150), ',u1,Finance,report,2026-11-16T09:00:00Z,,done,,,'),
  });
  const whole = await readChunked(dir, 0);
  const chunkedThreads = await readChunked(dir, 2, 2048);
  const chunkedOneThread = await readChunked(dir, 0, 2048);
  expect(chunkedThreads.data).toEqual(whole.data);
  expect(chunkedOneThread.data).toEqual(whole.data);
  const chunks = (name: string) => Number(chunkedThreads.progress.find((line) => line.startsWith(`${name}: read in `))?.match(/read in (\d+) chunks/)?.[1] ?? 0);
  expect(chunks(bigAi.name)).toBeGreaterThan(20);
  expect(chunks(gzipped.name)).toBeGreaterThan(20);
  expect(chunks('ai_logs_9a.csv')).toBeGreaterThan(10);
  const report = whole.data.files.find((entry) => entry.file.endsWith('ai_logs_9a.csv'))!;
  expect(report.drift).toEqual(['header repeated on line 302']);
  expect(whole.data.quarantine.filter((record) => record.file.endsWith('ai_logs_9a.csv')).map((record) => [record.line, record.reason])).toEqual([[603, 'missing_id']]);
});

// cleanInput on `workers` threads, with files over `chunkBytes` of text read in chunks (UPTAKE_READ_CHUNK_BYTES, restored after).
async function readChunked(dir: string, workers: number, chunkBytes?: number): Promise<{ data: ReturnType<typeof plain>; progress: string[] }> {
  const progress: string[] = [];
  const setting = process.env.UPTAKE_READ_CHUNK_BYTES;
  if (chunkBytes !== undefined) process.env.UPTAKE_READ_CHUNK_BYTES = String(chunkBytes);
  try {
    return { data: plain(await cleanInput(dir, config, { now: NOW, workers, onProgress: (message) => progress.push(message) })), progress };
  } finally {
    if (setting === undefined) delete process.env.UPTAKE_READ_CHUNK_BYTES;
    else process.env.UPTAKE_READ_CHUNK_BYTES = setting;
  }
}

// A chunk read with the wrong header, or quoting that only csv-parse reads right, sends the file to be read whole.
test('a header repeated in another column order, or broken quoting, far down a chunked file reads as it does whole', async () => {
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, index) => `e${from + index},u1,Finance,report,2026-11-16T09:00:00Z,,done,0.5,,"prompt ${from + index}"`);
  const reordered = AI_HEADER.split(',').reverse().join(',');
  const dir = inputFolder({
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,Europe/Berlin,yes,10,5'),
    'ai_logs_1.csv': csv(AI_HEADER, ...rows(0, 200), reordered, ...rows(200, 100).map((row) => row.split(',').reverse().join(','))),
    'ai_logs_2.csv': csv(AI_HEADER, ...rows(1000, 200), 'e9,u1,Finance,report,2026-11-16T09:00:00Z,,done,0.5,,"bad"quote', ...rows(1200, 50)),
    'manual_logs_1.csv': csv(MANUAL_HEADER, 't1,u1,Finance,report,2026-11-16T08:00:00Z,'),
  });
  const whole = await readChunked(dir, 0);
  const chunked = await readChunked(dir, 2, 2048);
  expect(chunked.data).toEqual(whole.data);
  expect(whole.data.tasks.filter((task) => String(task.task_id).startsWith('e2')).length).toBeGreaterThan(50);
  expect(chunked.progress).toContain('ai_logs_2.csv: trying csv-parse, as papaparse reports InvalidQuotes near line 202');
  expect(chunked.progress).toContain('ai_logs_1.csv: read whole, as a header repeated in it has other columns');
  expect(whole.data.files.find((entry) => entry.file.endsWith('ai_logs_1.csv'))!.drift).toEqual(['header repeated on line 202, columns in another order']);
});

// A store reads a file again while any of its times lies after the run's clock: the count crosses threads and
// sums over a file's chunks.
test('the starts and ends after the run\'s clock are counted alike whole, in chunks and on threads', async () => {
  const rows = Array.from({ length: 400 }, (_, index) => {
    const start = index % 50 === 0 ? '2026-12-09T09:00:00Z' : index % 50 === 1 ? '1999-11-16T09:00:00Z' : '2026-11-16T09:00:00Z';
    const end = index % 70 === 0 ? '2026-12-10T09:00:00Z' : index % 70 === 1 ? 'later' : '';
    return `e${index},u1,Finance,report,${start},${end},done,0.5,,"prompt ${index}"`;
  });
  const dir = inputFolder({ 'ai_logs_1.csv': csv(AI_HEADER, ...rows), 'ai_logs_2.csv.gz': csv(AI_HEADER, ...rows.slice(0, 120)), 'manual_logs_1.csv': csv(MANUAL_HEADER, 't1,u1,Finance,report,2026-11-16T08:00:00Z,') });
  const files = (await discoverFiles(dir)).filter((file): file is LogFile => file.kind !== 'user_monthly_summary');
  const counts = async (workers: number, chunkBytes?: number) => {
    const afterClock: Array<[string, number]> = [];
    await readLogFiles(files, { zones: new Map(), defaultZone: 'UTC', plausible: plausibleWindow(config.cleaning, NOW), workers, chunkBytes, onProgress() {}, onFileRead: (read) => afterClock.push([read.file.name, read.result.afterClock]) });
    return afterClock;
  };
  // ai_logs_1: the starts of e0, e50 .. e350 (8) and the ends of e70, e140, e210, e280 (e0's and e350's rows are quarantined for their starts)
  const whole = await counts(0);
  expect(whole).toEqual([['ai_logs_1.csv', 12], ['ai_logs_2.csv.gz', 4], ['manual_logs_1.csv', 0]]);
  expect(await counts(2)).toEqual(whole);
  expect(await counts(2, 2048)).toEqual(whole);
  expect(await counts(0, 2048)).toEqual(whole);
});

// A stop signal (a run aborted) ends the reading threads where they are: a large file's parse took seconds, and the
// run's abort waited for it.
test('a stop signal ends the reading at once, mid-file, and gives nothing back', async () => {
  const rows = Array.from({ length: 400_000 }, (_, index) => `e${index},u${index % 977},Finance,report_drafting,2026-11-16 09:${String(index % 60).padStart(2, '0')}:00,2026-11-16 10:00:00,done,0.5,no,"draft report number ${index}, with a comma"`);
  const dir = inputFolder({ 'ai_logs_big.csv': `${AI_HEADER}\n${rows.join('\n')}\n` });
  try {
    const files = (await discoverFiles(dir)).filter((file): file is LogFile => file.kind !== 'user_monthly_summary');
    expect(files[0].bytes).toBeGreaterThan(40_000_000);
    const stop = new AbortController();
    const progress: string[] = [];
    // one thread reads the file whole (no chunks): its parse is one long call
    const reading = readLogFiles(files, { zones: new Map(), defaultZone: 'UTC', plausible: plausibleWindow(config.cleaning, NOW), workers: 1, chunkBytes: 1024 ** 3, onProgress: (line) => progress.push(line), signal: stop.signal });
    const outcome = reading.then(() => 'read whole', (error: Error) => error.message);
    await new Promise((started) => setTimeout(started, 1500));
    const stoppedAt = Date.now();
    stop.abort('SIGTERM');
    expect(await outcome).toBe('reading the log files was stopped');
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

/** `count` column names the contract does not name and that hold no digit (so that a repeat of them reads as a header), from `from`. */
const extraColumns = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `x_${(from + index).toString(26).replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)])}`);
const aiRow = (id: string, extras: number) => `${id},u1,Finance,report,2026-11-16T09:00:00Z,,done,,,${',x'.repeat(extras)}`;

// Each column the contract does not name is kept as a pass-through column, for every row of the input: a 120 KB file of one row and
// 20,000 such columns, beside the sample's 19,000 rows, took 25 s and 2.3 GB; a few more and the run ran out of memory.
test('more than 256 columns beyond the contract\'s, in one file or over several, stop the read naming the file (and the header\'s line)', async () => {
  const wide = inputFolder({ 'ai_logs_wide.csv': csv(`${AI_HEADER},${extraColumns(257).join(',')}`, aiRow('e1', 257)) });
  for (const workers of [0, 2]) {
    await expect(cleanInput(wide, config, { now: NOW, workers })).rejects.toThrow(/ai_logs_wide\.csv:1: expected at most 256 columns that the contract does not name .* got 257/);
  }
  const repeated = inputFolder({ 'ai_logs_repeated.csv': csv(`${AI_HEADER},${extraColumns(200).join(',')}`, aiRow('e1', 200), `${AI_HEADER},${extraColumns(100, 200).join(',')}`, aiRow('e2', 100)) });
  await expect(cleanInput(repeated, config, { now: NOW, workers: 0 })).rejects.toThrow(/ai_logs_repeated\.csv:3: expected at most 256 columns that the contract does not name .* got 300/);
  const several = inputFolder({
    'ai_logs_a.csv': csv(`${AI_HEADER},${extraColumns(200).join(',')}`, aiRow('e1', 200)),
    'ai_logs_b.csv': csv(`${AI_HEADER},${extraColumns(200).join(',')}`, aiRow('e2', 200)),
    'manual_logs_c.csv': csv(`${MANUAL_HEADER},${extraColumns(100, 190).join(',')}`, `t1,u1,Finance,report,2026-11-16T09:00:00Z,${',x'.repeat(100)}`),
  });
  for (const workers of [0, 2]) {
    await expect(cleanInput(several, config, { now: NOW, workers })).rejects.toThrow(/manual_logs_c\.csv: expected at most 256 columns that the contract does not name over all log files .* got 290/);
  }
  // at the cap, or with the same columns in every file, the rows read and keep their columns
  const shared = inputFolder({
    'ai_logs_a.csv': csv(`${AI_HEADER},${extraColumns(256).join(',')}`, aiRow('e1', 256)),
    'manual_logs_b.csv': csv(`${MANUAL_HEADER},${extraColumns(256).join(',')}`, `t1,u1,Finance,report,2026-11-16T09:00:00Z,${',x'.repeat(256)}`),
  });
  const data = await cleanInput(shared, config, { now: NOW, workers: 0 });
  expect(data.tasks.numRows()).toBe(2);
  expect(data.tasks.columnNames().filter((name) => name.startsWith('x_'))).toHaveLength(256);
});

// Schema drift was gathered with push(...names): a header of some 150,000 names the report lists as drift (unknown
// roster columns, a column named again and again) overflowed the stack: "unexpected failure: RangeError: Maximum call stack size exceeded".
test('a roster header, or a log header repeated, of 200,000 names listed as drift is read, its drift listed once each', async () => {
  const many = Array.from({ length: 200_000 }, (_, index) => `c${index}`).join(',');
  const input = inputFolder({
    'ai_logs_1.csv': csv(AI_HEADER, aiRow('e1', 0), `${AI_HEADER}${',status'.repeat(200_000)}`, aiRow('e2', 0)),
    'user_monthly_summary_2026-11.csv': csv(`${ROSTER_HEADER},${many}`, `u1,Finance,2026-11,UTC,yes,1,1${',x'.repeat(200_000)}`),
  });
  const data = await cleanInput(input, config, { now: NOW, workers: 0 });
  expect(data.accounting.ai_logs.rows_in_tasks).toBe(2);
  expect(data.roster.numRows()).toBe(1);
  const drift = (name: string) => data.files.find((file) => file.file.endsWith(name))!.drift;
  expect(drift('user_monthly_summary_2026-11.csv')).toHaveLength(200_000);
  expect(drift('ai_logs_1.csv')).toEqual(['status (not read: status is read from column 7)', 'header repeated on line 3, columns in another order']);
});
