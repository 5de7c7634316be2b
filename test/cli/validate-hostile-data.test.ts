import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, expect, test } from 'vitest';
import { csv, inputFolder, ROSTER_HEADER } from '../helpers/input-folder.js';

// Runs the built CLI as a user would (npm test builds dist first). The CLI's clock is the real one: every
// ordinary row below is from 2026-11, and the implausible ones are in 2100 and 9999.
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const AI = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';

test('validate on hostile values: far-future rows are one quarantined row each, conflicts counted and named, the identity holds', () => {
  const input = inputFolder({
    'ai_logs_a.csv': csv(AI,
      'e1,u1,Finance,請求書照合,2026-11-16T09:00:00Z,2026-11-16T09:05:00Z,done,0.9,no,"prompt with a NUL\u0000"',
      'e2,u1,Finance,契約レビュー,2026-11-17T09:00:00Z,,done,0x1,no,',
      'e3,u1,Finance,проверка,9999-12-31T23:59:59Z,,done,,,',
      'e4,u1,Finance,Überprüfung,2100-01-04T09:00:00Z,,done,,,',
      'e5,u1,Finance,Überprüfung,2026-11-18T09:00:00Z,,done,,no,'),
    'ai_logs_b.csv': csv(AI, 'e5,u2,Legal,Überprüfung,2026-11-19T09:00:00Z,,done,,yes,'),
    'manual_logs_a.csv': csv('task_id,user_id,team,task_type,started_at,ended_at', 'm1,u3,Finance,проверка,2026-11-16T10:00:00Z,2026-11-16T10:30:00Z'),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,10,5', 'u1,Legal,2026-11,UTC,yes,10,5'),
  });
  folders.push(input);
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', input, '--json', '--quarantine', join(input, 'quarantine.csv')], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report.quarantine_by_reason).toEqual({ invalid_accuracy: 1, implausible_started_at: 2 });
  expect(report.accounting.ai_logs).toEqual({ rows_read: 6, quarantined: 3, exact_duplicates: 1, conflicting_duplicates: 1, retry_duplicates: 0, rows_in_tasks: 2, tasks: 2 });
  expect(report.accounting.user_monthly_summary).toMatchObject({ rows_read: 2, exact_duplicates: 1, conflicting_duplicates: 1 });
  expect(report.balanced).toBe(true);
  expect(report.roster_conflicts).toEqual([{ user_id: 'u1', month: '2026-11', teams: ['Finance', 'Legal'] }]);
  expect(report.loaded_dates).toEqual({ first: '2026-11-16', last: '2026-11-18' });
  expect(report.label_mapping.map((entry: { raw: string; canonical: string }) => [entry.raw, entry.canonical]).sort()).toEqual([
    ['Überprüfung', 'überprüfung'], ['проверка', 'проверка'], ['請求書照合', '請求書照合'],
  ]);
});

test.each([
  ['a gzip file read on the main thread', 'ai_logs_bomb.csv.gz', {}],
  ['a plain file read in chunks on two threads', 'ai_logs_bomb.csv', { UPTAKE_READ_THREADS: '2', UPTAKE_READ_CHUNK_BYTES: String(1024 * 1024) }],
])('a bomb of empty rows (%s) stops with exit 3 naming the file once reading passes the memory it may take, instead of an out-of-memory kill', (_, name, threads) => {
  // 4 M rows of one comma: 8 MB of text (a 35 KB .gz), each row a quarantined record the run would hold
  const bomb = Buffer.concat([Buffer.from('event_id,user_id,task_type,started_at,status\n'), Buffer.alloc(8_000_000, ',\n')]);
  const input = inputFolder({ [name]: bomb });
  folders.push(input);
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', input, '--json', '--quarantine', join(input, 'q.csv')], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, UPTAKE_READ_MEMORY: '300MB', ...threads },
  });
  expect(result.status).toBe(3);
  // (a chunk's line counts from the chunk's start: a thread names the file alone)
  expect(result.stderr).toMatch(
    new RegExp(`uptake: ${join(input, name)}(:\\d+)?: expected the input to fit in memory, but reading it came to \\d+\\.\\d GB of the 0\\.3 GB reading may take \\(UPTAKE_READ_MEMORY\\): a gzip bomb, or more rows than one run holds\\? Nothing was written; split the file into smaller ones\\n$`),
  );
  expect(result.stderr).not.toContain('read whole');
  expect(result.stdout).toBe('');
});

test('UPTAKE_READ_MEMORY that is not a size is a config error (exit 4)', () => {
  const input = inputFolder({ 'ai_logs_a.csv': csv(AI, 'e1,u1,Finance,review,2026-11-16T09:00:00Z,,done,,,') });
  folders.push(input);
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', input, '--json', '--quarantine', join(input, 'q.csv')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, UPTAKE_READ_MEMORY: 'lots' } });
  expect(result.status).toBe(4);
  expect(result.stderr.split('\n').slice(-2)).toEqual(['uptake: expected UPTAKE_READ_MEMORY to be a size such as 2GB or 500MB, got `lots`', '']);
  expect(result.stderr).not.toContain('rows read');
});

test('records of millions of empty fields (each under inputLimits.maxRecordBytes) are quarantined whole in a small heap, not an out-of-memory abort', () => {
  // 6 MB a record: writing one to the quarantine through csv-stringify took 300 MB of heap (its quotes doubled
  // by replaceAll, a rope of two pieces a quote), so three of them ended a 160 MB heap in V8's abort (exit 134)
  const raws = [0, 1, 2].map((index) => `g${index},u1,Finance,x,2026-11-16T09:00:00Z,1,completed${',""'.repeat(2_000_000)}`);
  const input = inputFolder({ 'ai_logs_wide.csv': csv('event_id,user_id,team,task_type,started_at,duration_ms,status', 'e1,u1,Finance,x,2026-11-16T09:00:00Z,1,completed', ...raws) });
  folders.push(input);
  const quarantine = join(input, 'quarantine.csv');
  const result = spawnSync(process.execPath, ['--max-old-space-size=160', 'dist/cli/main.js', 'validate', '--input', input, '--json', '--quarantine', quarantine], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout).quarantine_by_reason).toEqual({ field_count: 3 });
  const rows = parse(readFileSync(quarantine), { columns: true }) as Array<Record<string, string>>;
  const detail = "expected at most 7 fields (the header's count), got 2000007";
  expect(rows.map((row) => [row.line, row.reason, row.detail])).toEqual([['3', 'field_count', detail], ['4', 'field_count', detail], ['5', 'field_count', detail]]);
  expect(rows.map((row) => row.raw === raws[Number(row.line) - 3])).toEqual([true, true, true]);
});

test('a file of a few large records looks at memory as it goes, not only every 250,000 records: it stops at the record where 64 MB of text was reached', () => {
  // 25 records of 3 MB (a 74 KB gzip), each quarantined with its text: 600 KB of such gzip filled a 4 GB heap
  // (V8's abort) without the reader ever looking, as it looked only every 250,000 records
  const rows = Array.from({ length: 25 }, (_, index) => `g${String(index).padStart(2, '0')},u1,Finance,x,2026-11-16T09:00:00Z,1,completed${',""'.repeat(1_000_000)}`);
  const input = inputFolder({ 'ai_logs_wide.csv.gz': csv('event_id,user_id,team,task_type,started_at,duration_ms,status', ...rows) });
  folders.push(input);
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', '--input', input, '--json', '--quarantine', join(input, 'q.csv')], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, UPTAKE_READ_MEMORY: '1MB' },
  });
  expect(result.status).toBe(3);
  // 22 records are 66,000,924 characters, 23 pass 64 MiB: the 23rd record, on line 24
  expect(result.stderr).toMatch(new RegExp(`uptake: ${join(input, 'ai_logs_wide.csv.gz')}:24: expected the input to fit in memory, but reading it came to \\d+\\.\\d GB of the 0\\.0 GB reading may take \\(UPTAKE_READ_MEMORY\\)`));
});
