import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { accountingBalances } from '../../src/clean/quality-report.js';
import { plausibleWindow } from '../../src/clean/quarantine.js';
import { readLogFiles, type LogFile } from '../../src/clean/read-log-files.js';
import { parseConfig } from '../../src/config/read-config.js';
import { discoverFiles } from '../../src/ingest/discover-files.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { AI_HEADER, MANUAL_HEADER } from '../helpers/clean.js';
import { csv, inputFolder } from '../helpers/input-folder.js';
import { Quarantine } from '../../src/clean/quarantine-list.js';

// The run's clock, pinned: Friday 2026-12-04, 22:00 UTC.
const NOW = Date.UTC(2026, 11, 4, 22);
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = inputFolder(files);
  folders.push(dir);
  return dir;
}

// Ordinary weeks W46 and W47 (Nov 9..22), with a week of data before and a day after.
const ordinary = [
  'e1,u1,Finance,report,2026-11-10T09:00:00Z,2026-11-10T09:10:00Z,done,0.9,no,',
  'e2,u1,Finance,report,2026-11-17T09:00:00Z,2026-11-17T09:10:00Z,done,0.9,no,',
  'e3,u1,Finance,report,2026-11-23T09:00:00Z,2026-11-23T09:10:00Z,done,0.9,no,',
];

test('a start far in the future or before cleaning.earliest is quarantined as implausible_started_at', async () => {
  const input = folder({
    'ai_logs_1.csv': csv(AI_HEADER, ...ordinary,
      'f1,u1,Finance,report,9999-12-31T23:59:59Z,,done,,,',
      'f2,u1,Finance,report,2100-01-04T09:00:00Z,,done,,,',
      'f3,u1,Finance,report,2026-12-06T09:00:00Z,,done,,,',
      'f4,u1,Finance,report,1999-12-31T23:59:59Z,,done,,,',
      'f5,u1,Finance,report,0,,done,,,',
      'f6,u1,Finance,report,999999999999999,,done,,,',
      'f7,u1,Finance,report,2026-12-05T21:00:00Z,,done,,,'),
    'manual_logs_1.csv': csv(MANUAL_HEADER, 'm1,u2,Finance,report,2026-11-17T10:00:00Z,2026-11-17T10:30:00Z', 'm2,u2,Finance,report,9999-12-31 23:59:59,'),
  });
  const data = await cleanInput(input, parseConfig({}), { now: NOW });
  expect(data.asOf).toBe(NOW);
  expect(data.quarantine.records().map((q) => [q.line, q.reason])).toEqual([
    [5, 'implausible_started_at'], [6, 'implausible_started_at'], [7, 'implausible_started_at'], [8, 'implausible_started_at'],
    [9, 'implausible_started_at'], [10, 'implausible_started_at'], [3, 'implausible_started_at'],
  ]);
  // each names the bound it breaks, and only a start after the window names the run's clock
  expect(data.quarantine.records()[0].detail).toBe("expected `started_at` at or before 2026-12-05T22:00:00.000Z (cleaning.maxFutureDays after the run's clock), got `9999-12-31T23:59:59Z`");
  expect(data.quarantine.records()[3].detail).toBe('expected `started_at` at or after 2000-01-01T00:00:00.000Z (cleaning.earliest), got `1999-12-31T23:59:59Z`');
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 10, quarantined: 6, rows_in_tasks: 4 });
  expect(data.accounting.manual_logs).toMatchObject({ rows_read: 2, quarantined: 1, rows_in_tasks: 1 });
  expect(Object.values(data.accounting).every(accountingBalances)).toBe(true);
  expect(data.loadedDates).toEqual({ first: '2026-11-10', last: '2026-12-05' });

  // latest: W49 (Nov 30..Dec 6) holds f7 but is not over by the clock; W48 (Nov 23..29) is
  const metrics = computeMetrics(data, parseConfig({}), 'latest');
  expect(metrics.week).toBe('2026-W48');
  expect(metrics.tables.gaps).toEqual([]);
});

test('the settings move the window: cleaning.earliest and cleaning.maxFutureDays', async () => {
  const input = folder({
    'ai_logs_1.csv': csv(AI_HEADER, ...ordinary, 'f1,u1,Finance,report,2026-12-06T09:00:00Z,,done,,,', 'f2,u1,Finance,report,2026-11-01T09:00:00Z,,done,,,'),
  });
  const data = await cleanInput(input, parseConfig({ cleaning: { earliest: '2026-11-05', maxFutureDays: 3 } }), { now: NOW });
  expect(data.quarantine.records().map((q) => [q.line, q.reason])).toEqual([[6, 'implausible_started_at']]);
  expect(data.tasks.numRows()).toBe(4);
  expect(() => parseConfig({ cleaning: { earliest: '2026-02-30' } })).toThrow(/cleaning\.earliest/);
  expect(() => parseConfig({ cleaning: { maxFutureDays: -1 } })).toThrow(/cleaning\.maxFutureDays/);
});

// A task in a year before 1000 has a week with no label (`999-W22`): it stopped every command with exit 1. And
// `0050-06-01` read as 1950-06-01 (Date.UTC's years 0-99), a plausible start at an earliest of 1900.
test('cleaning.earliest is from 1900-01-01 on, and a start in the year 50 is implausible at that bound', async () => {
  expect(() => parseConfig({ cleaning: { earliest: '0001-01-01' } })).toThrow('`cleaning.earliest`: expected a date from 1900-01-01 on, got `"0001-01-01"`');
  expect(() => parseConfig({ cleaning: { earliest: '1899-12-31' } })).toThrow(/cleaning\.earliest/);
  const input = folder({
    'ai_logs_1.csv': csv(AI_HEADER, ...ordinary, 'y1,u1,Finance,report,0050-06-01T10:00:00Z,,done,,,', 'y2,u1,Finance,report,1900-01-01T00:00:00Z,,done,,,'),
  });
  const data = await cleanInput(input, parseConfig({ cleaning: { earliest: '1900-01-01' } }), { now: NOW });
  expect(data.quarantine.records().map((q) => [q.line, q.reason, q.detail])).toEqual([
    [5, 'implausible_started_at', 'expected `started_at` at or after 1900-01-01T00:00:00.000Z (cleaning.earliest), got `0050-06-01T10:00:00Z`'],
  ]);
  expect(computeMetrics(data, parseConfig({ cleaning: { earliest: '1900-01-01' } }), '2026-W47').tables.adoption_trend.map((row) => row.week)).toContain('1900-W01');
});

test('an implausible end is unreadable, not swapped into the start', async () => {
  const input = folder({
    'ai_logs_1.csv': csv(AI_HEADER, 'e1,u1,Finance,report,2026-11-17T09:00:00Z,1970-01-01T00:00:00Z,done,,,', 'e2,u1,Finance,report,2026-11-18T09:00:00Z,9999-01-01T00:00:00Z,done,,,'),
  });
  const data = await cleanInput(input, parseConfig({}), { now: NOW });
  const tasks = data.tasks.objects() as Array<Record<string, unknown>>;
  expect(tasks.map((task) => [new Date(task.started_at as number).toISOString(), task.duration_ms])).toEqual([
    ['2026-11-17T09:00:00.000Z', null], ['2026-11-18T09:00:00.000Z', null],
  ]);
  expect(data.repairs).toMatchObject({ clock_skew: 0, unreadable_ended_at: 2 });
});

// A store reads a file again on every run only while one of its times lies after the run's clock: such a
// time may be plausible at a later clock; one before cleaning.earliest, or one that cannot be read, never is.
test('the reader counts, per file, the starts and ends implausible only because of the run\'s clock', async () => {
  const input = folder({
    'ai_logs_early.csv': csv(AI_HEADER, ...ordinary,
      'x1,u1,Finance,report,1999-12-31T23:59:59Z,,done,,,',
      'x2,u1,Finance,report,2026-11-10T10:00:00Z,1970-01-01T00:00:00Z,done,,,',
      'x3,u1,Finance,report,2026-11-10T11:00:00Z,yesterday,done,,,',
      // after the clock, but quarantined first for its status: it stays quarantined at any clock
      'x4,u1,Finance,report,2026-11-10T12:00:00Z,9999-01-01T00:00:00Z,bogus,,,'),
    'ai_logs_future.csv': csv(AI_HEADER,
      'f1,u1,Finance,report,9999-12-31T23:59:59Z,,done,,,',
      'f2,u1,Finance,report,2026-11-10T10:00:00Z,2026-12-06T09:00:00Z,done,,,',
      'f3,u1,Finance,report,2026-12-05T21:00:00Z,2026-12-05T22:00:00Z,done,,,',
      'f4,u1,Finance,report,1999-12-31T23:59:59Z,2100-01-01T00:00:00Z,done,,,'),
    'manual_logs_1.csv': csv(MANUAL_HEADER, 'm1,u2,Finance,report,2026-11-17T10:00:00Z,2026-11-17T10:30:00Z', 'm2,u2,Finance,report,2026-12-06 00:00:00,'),
  });
  const files = (await discoverFiles(input)).filter((file): file is LogFile => file.kind !== 'user_monthly_summary');
  const afterClock = new Map<string, number>();
  const read = await readLogFiles(files, {
    zones: new Map(), defaultZone: 'UTC', plausible: plausibleWindow(parseConfig({}).cleaning, NOW), workers: 0, onProgress() {},
    onFileRead: (file) => afterClock.set(file.file.name, file.result.afterClock),
  });
  // f1 (start), f2 (end), m2 (start); f3 lies within the day after the clock, f4's start is before 2000
  expect(Object.fromEntries(afterClock)).toEqual({ 'ai_logs_early.csv': 0, 'ai_logs_future.csv': 2, 'manual_logs_1.csv': 1 });
  expect(read.unreadable.get('ended_at')).toBe(3);
  expect(new Quarantine(read.quarantine).records().map((record) => [record.file.split('/').pop(), record.line, record.reason])).toEqual([
    ['ai_logs_early.csv', 5, 'implausible_started_at'], ['ai_logs_early.csv', 8, 'unknown_status'],
    ['ai_logs_future.csv', 2, 'implausible_started_at'], ['ai_logs_future.csv', 5, 'implausible_started_at'],
    ['manual_logs_1.csv', 3, 'implausible_started_at'],
  ]);
});
