import { expect, test } from 'vitest';
import { AI_HEADER, MANUAL_HEADER, clean } from '../helpers/clean.js';
import { csv, inputFolder, ROSTER_HEADER } from '../helpers/input-folder.js';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';

test('each fatal problem quarantines its row with file, line, raw text and reason', async () => {
  const { data, ai } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T09:00:00Z,,done,0.9,no,ok',
      ',u1,Finance,report,2026-11-16T09:00:00Z,,done,,,',
      'e3,,Finance,report,2026-11-16T09:00:00Z,,done,,,',
      'e4,u1,Finance,report,,,done,,,',
      'e5,u1,Finance,report,yesterday,,done,,,',
      'e6,u1,Finance,report,2026-11-16T09:00:00Z,,,,,',
      'e7,u1,Finance,report,2026-11-16T09:00:00Z,,pending,,,',
      'e8,u1,Finance,report,2026-11-16T09:00:00Z,,done,high,,',
      'e9,u1,Finance,report,2026-11-16T09:00:00Z,,done,1.2,,',
      'e10,u1,Finance,report,2026-11-16T09:00:00Z,,done,0.5,,hello,surplus',
      'e11,u1,Finance,report,2026-11-16T09:00:00Z,,done,0.5,,"bad"quote'),
  });
  expect(data.quarantine.records().map((q) => [q.line, q.reason])).toEqual([
    [3, 'missing_id'], [4, 'missing_user_id'], [5, 'missing_started_at'], [6, 'invalid_started_at'], [7, 'missing_status'],
    [8, 'unknown_status'], [9, 'invalid_accuracy'], [10, 'accuracy_out_of_range'], [11, 'field_count'], [12, 'parse_error'],
  ]);
  expect(data.quarantine.records()[3]).toMatchObject({ raw: 'e5,u1,Finance,report,yesterday,,done,,,', detail: 'expected `started_at` to be a timestamp, got `yesterday`' });
  expect(data.quarantine.records()[0].file).toMatch(/ai_logs_1\.csv$/);
  expect(data.quarantine.records()[8].detail).toBe("expected at most 10 fields (the header's count), got 11");
  expect(ai.map((t) => t.task_id)).toEqual(['e1']);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 11, quarantined: 10, rows_in_tasks: 1, tasks: 1 });
  expect(data.quarantineByReason.field_count).toBe(1);
});

// `+05:99` once read as +06:39: an offset's minutes run 00-59 (and it lies at most 18 h from UTC), or the time is unreadable
test('a start with an offset out of range is invalid_started_at; such an end is an unreadable ended_at', async () => {
  const { data, ai, manual, iso } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T10:00:00+05:99,,done,,,',
      'e2,u1,Finance,report,2026-11-16T10:10:00+0599,,done,,,',
      'e3,u1,Finance,report,2026-11-16 10:20:00.5-05:60,,done,,,',
      'e4,u1,Finance,report,2026-11-16T10:30:00+18:30,,done,,,',
      'e5,u1,Finance,report,2026-11-16T10:40:00+05:59,2026-11-16T10:50:00+05:99,done,,,',
      'e6,u1,Finance,report,2026-11-16T11:00:00Z,2026-11-16T11:20:00-0075,done,,,'),
    'manual_logs_1.csv': csv(MANUAL_HEADER, 'm1,u2,Finance,report,2026-11-16T09:00:00+01:60,', 'm2,u2,Finance,report,2026-11-16T09:00:00+01:00,2026-11-16T09:30:00+0199'),
  });
  expect(data.quarantine.records().map((q) => [q.file.replace(/.*\//, ''), q.line, q.reason])).toEqual([
    ['ai_logs_1.csv', 2, 'invalid_started_at'], ['ai_logs_1.csv', 3, 'invalid_started_at'], ['ai_logs_1.csv', 4, 'invalid_started_at'],
    ['ai_logs_1.csv', 5, 'invalid_started_at'], ['manual_logs_1.csv', 2, 'invalid_started_at'],
  ]);
  expect(data.quarantine.records()[0].detail).toBe('expected `started_at` to be a timestamp, got `2026-11-16T10:00:00+05:99`');
  expect(data.quarantineByReason).toEqual({ invalid_started_at: 5 });
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 6, quarantined: 4, rows_in_tasks: 2 });
  expect(data.accounting.manual_logs).toMatchObject({ rows_read: 2, quarantined: 1, rows_in_tasks: 1 });
  expect(data.repairs).toMatchObject({ clock_skew: 0, unreadable_ended_at: 3 });
  expect([...ai, ...manual].map((t) => [t.task_id, iso(t.started_at), t.duration_ms])).toEqual([
    ['e5', '2026-11-16T04:41:00.000Z', null], ['e6', '2026-11-16T11:00:00.000Z', null], ['m2', '2026-11-16T08:00:00.000Z', null],
  ]);
});

test('accuracy_pct is divided by 100 and checked against [0, 100]', async () => {
  const header = 'event_id,user_id,task_type,started_at,status,accuracy_pct';
  const { data, ai } = await clean({
    'ai_logs_1.csv': csv(header, 'e1,u1,report,2026-11-16T09:00:00Z,done,87.5', 'e2,u1,report,2026-11-16T10:00:00Z,done,101'),
  });
  expect(ai.map((t) => t.accuracy)).toEqual([0.875]);
  expect(data.quarantine.records().map((q) => q.reason)).toEqual(['accuracy_out_of_range']);
});

test('a file with both accuracy and accuracy_pct reads accuracy, and accuracy_pct where a row leaves accuracy empty', async () => {
  const header = 'event_id,user_id,task_type,started_at,status,accuracy,accuracy_pct';
  const { data, ai } = await clean({
    'ai_logs_1.csv': csv(header,
      'e1,u1,report,2026-11-16T09:00:00Z,done,0.5,95',
      'e2,u1,report,2026-11-16T10:00:00Z,done,,95',
      'e3,u1,report,2026-11-16T11:00:00Z,done,,',
      'e4,u1,report,2026-11-16T12:00:00Z,done,,x'),
  });
  expect(ai.map((t) => [t.task_id, t.accuracy])).toEqual([['e1', 0.5], ['e2', 0.95], ['e3', null]]);
  expect(data.quarantine.records().map((q) => [q.reason, q.detail])).toEqual([['invalid_accuracy', 'expected `accuracy_pct` to be a number, got `x`']]);
});

test('hostile prompts are data: commas, quotes, newlines, markup and formulas survive intact', async () => {
  const hostile = '<script>alert(1)</script>, "quoted"\nnext line =HYPERLINK("http://x") ünïcödé';
  const quoted = `"${hostile.replace(/"/g, '""')}"`;
  const { ai, data } = await clean({ 'ai_logs_1.csv': csv(AI_HEADER, `e1,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,${quoted}`) });
  expect(ai[0].prompt).toBe(hostile);
  expect(data.quarantine.records()).toEqual([]);
});

test('a header without a required column is an error naming the file and the columns', async () => {
  await expect(clean({ 'ai_logs_1.csv': csv('event_id,user_id,started_at', 'e1,u1,2026-11-16T09:00:00Z') }))
    .rejects.toThrow(/ai_logs_1\.csv:1: expected a header with `task_type`, `status` \(or an alias\), got `event_id`, `user_id`, `started_at`/);
});

test('a header of 100,000 columns (or of a column name of 100 KB) lacking a required one is an error of one short line: 20 names shown, each cut at 80 characters, the rest counted', async () => {
  const wide = ['event_id', 'user_id', 'started_at', ...Array.from({ length: 100_000 }, (_, column) => `c${column}`)].join(',');
  await expect(clean({ 'ai_logs_1.csv': csv(wide, 'e1,u1,2026-11-16T09:00:00Z') }))
    .rejects.toThrow(/ai_logs_1\.csv:1: expected a header with `task_type`, `status` \(or an alias\), got `event_id`, `user_id`, `started_at`, `c0`, .*, `c16` and 99983 more$/);
  const roster = clean({ 'user_monthly_summary_2026-11.csv': csv(`user_id,${'x'.repeat(100_000)}`, 'u1,2026-11') });
  await expect(roster).rejects.toThrow(new RegExp(`user_monthly_summary_2026-11\\.csv:1: expected a header with \`month\` \\(or an alias\\), got \`user_id\`, \`${'x'.repeat(80)}… \\(100000 characters\\)\`$`));
});

test('an empty file is an error naming it', async () => {
  await expect(clean({ 'ai_logs_1.csv': '' })).rejects.toThrow(/ai_logs_1\.csv: expected a header row and data, but the file is empty/);
});

// The roster is read by papaparse too; a roster file papaparse might read differently goes whole to csv-parse.
// What papaparse read before it gave up counts for nothing (u1's unreadable `licensed` is counted once).
test('a roster row that breaks quoting is quarantined with its line; the file is read once, by csv-parse', async () => {
  const progress: string[] = [];
  const dir = inputFolder({
    'ai_logs_1.csv': csv(AI_HEADER, 'e1,u1,,report,2026-11-16T09:00:00Z,,done,,,ok'),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,"Fin, ""EU""",2026-11,UTC,perhaps,1,1', 'u2,"bad"team,2026-11,UTC,yes,1,1', 'u3,Legal,2026-11,UTC,yes,1,1'),
  });
  const data = await cleanInput(dir, parseConfig({}), { onProgress: (message) => progress.push(message) });
  expect(progress).toContain('user_monthly_summary_2026-11.csv: trying csv-parse, as papaparse reports InvalidQuotes near line 3');
  expect(data.quarantine.records().map((record) => [record.file.split('/').pop(), record.line, record.reason])).toEqual([['user_monthly_summary_2026-11.csv', 3, 'parse_error']]);
  expect(data.accounting.user_monthly_summary).toMatchObject({ rows_read: 3, quarantined: 1, tasks: 2 });
  expect(data.repairs.unreadable_licensed).toBe(1);
  expect((data.roster.objects() as Array<Record<string, unknown>>).map((row) => [row.user_id, row.team])).toEqual([['u1', 'Fin, "EU"'], ['u3', 'Legal']]);
  expect(data.tasks.objects()[0]).toMatchObject({ task_id: 'e1', team: 'Fin, "EU"' }); // filled from the roster
});

test('numbers are decimal only wherever one is read: accuracy, accuracy_pct, durations, epoch times, roster counts', async () => {
  const header = 'event_id,user_id,task_type,started_at,status,accuracy,duration_s';
  const pctHeader = 'event_id,user_id,task_type,started_at,status,accuracy_pct';
  const { data, ai } = await clean({
    'ai_logs_1.csv': csv(header,
      'e1,u1,report,2026-11-16T09:00:00Z,done,0x1,',
      'e2,u1,report,2026-11-16T09:10:00Z,done,Infinity,',
      'e3,u1,report,2026-11-16T09:20:00Z,done,NaN,',
      'e4,u1,report,0x6A0D1C00,done,,',
      'e5,u1,report,2026-11-16T09:40:00Z,done,.5,0b11',
      'e6,u1,report,2026-11-16T09:50:00Z,done,1e-3,1e2',
      'e7,u1,report,2026-11-16T11:50:00Z,done,,1e307'),
    'ai_logs_2.csv': csv(pctHeader, 'p1,u2,report,2026-11-17T09:00:00Z,done,0o1', 'p2,u2,report,2026-11-17T10:00:00Z,done,-infinity', 'p3,u2,report,2026-11-17T11:00:00Z,done,50'),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,0x10,0b1', 'u2,Finance,2026-11,UTC,yes,12,4'),
  });
  expect(data.quarantine.records().map((q) => [q.file.replace(/.*\//, ''), q.line, q.reason])).toEqual([
    ['ai_logs_1.csv', 2, 'invalid_accuracy'], ['ai_logs_1.csv', 3, 'invalid_accuracy'], ['ai_logs_1.csv', 4, 'invalid_accuracy'],
    ['ai_logs_1.csv', 5, 'invalid_started_at'], ['ai_logs_2.csv', 2, 'invalid_accuracy'], ['ai_logs_2.csv', 3, 'invalid_accuracy'],
  ]);
  expect(data.quarantine.records()[0].detail).toBe('expected `accuracy` to be a number, got `0x1`');
  expect(ai.map((t) => [t.task_id, t.accuracy, t.duration_ms])).toEqual([['e5', 0.5, null], ['e6', 0.001, 100_000], ['e7', null, null], ['p3', 0.5, null]]);
  expect(data.repairs).toMatchObject({ unreadable_duration_s: 2, unreadable_tasks_total: 1, unreadable_ai_tasks_total: 1 });
  expect((data.roster.objects() as Array<Record<string, unknown>>).map((row) => [row.user_id, row.tasks_total, row.ai_tasks_total])).toEqual([['u1', null, null], ['u2', 12, 4]]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 10, quarantined: 6, exact_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 4 });
});

test('control characters are removed from every value before any sink; tab and line breaks in quoted fields stay', async () => {
  const header = `${AI_HEADER},channel`;
  const { ai, data } = await clean({
    'ai_logs_1.csv': csv(header,
      'e\u00001,u\u00011,Fin\u0000ance,Re\u0000port,2026-11-16T09:00:00Z,,do\u0000ne,0.\u00009,n\u0000o,"line one\u0000\n\tline two\u0085\u001b[31m",we\u007fb',
      'e2,u1,Finance,report,2026-11-16T10:00:00Z,,done,,,"\u0000",\u0000'),
    'user_monthly_summary_1.csv': csv(ROSTER_HEADER, 'u1,Fin\u0000ance,2026-11,UTC,y\u0000es,1\u00000,5'),
  });
  expect(ai.map((task) => [task.task_id, task.user_id, task.team, task.task_type, task.status, task.accuracy, task.harmful, task.prompt, task.channel])).toEqual([
    ['e1', 'u1', 'Finance', 'report', 'completed', 0.9, false, 'line one\n\tline two[31m', 'web'],
    ['e2', 'u1', 'Finance', 'report', 'completed', null, null, null, null],
  ]);
  expect(data.labelMapping.map((entry) => entry.raw).sort()).toEqual(['Report', 'report']);
  expect((data.roster.objects() as Array<Record<string, unknown>>)[0]).toMatchObject({ team: 'Finance', licensed: true, tasks_total: 10 });
  expect(data.quarantine.records()).toEqual([]);
  expect(data.repairs).toMatchObject({ clock_skew: 0 });
  expect(Object.keys(data.repairs).filter((key) => key.startsWith('unreadable_'))).toEqual([]);
});

// A quote never closed takes every line after it into its record: the quarantine says which lines went with it.
test('a record whose quote is never closed is quarantined once, with the lines it took in named', async () => {
  const { data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T09:00:00Z,,done,0.9,no,ok',
      'e2,u1,Finance,report,2026-11-16T10:00:00Z,,done,,,"p2 oops',
      'e3,u1,Finance,report,2026-11-16T11:00:00Z,,done,,,',
      'e4,u1,Finance,report,2026-11-16T12:00:00Z,,done,,,',
      'e5,u1,Finance,report,2026-11-16T13:00:00Z,,done,,,'),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Finance,2026-11,UTC,yes,1,1', 'u2,"Legal,2026-11,UTC,yes,1,1', 'u3,Legal,2026-11,UTC,yes,1,1'),
  });
  expect(data.quarantine.records().map((record) => [record.file.split('/').pop(), record.line, record.reason, record.detail?.replace(/^.*?; /, '')])).toEqual([
    ['user_monthly_summary_2026-11.csv', 3, 'parse_error', 'the record runs over lines 3 to 4 (2 lines, quarantined as one: a quote never closed takes in the lines after it)'],
    ['ai_logs_1.csv', 3, 'parse_error', 'the record runs over lines 3 to 6 (4 lines, quarantined as one: a quote never closed takes in the lines after it)'],
  ]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 2, quarantined: 1 });
});

// A team of 300,000 quotes stopped Chromium laying out the report; one of 3,000,000 exhausted the run's memory.
test('a name longer than 256 characters: a user id or task type quarantines its row (name_too_long), a team is unreadable and filled from the roster', async () => {
  const long = (character: string) => character.repeat(257);
  const dir = inputFolder({
    'ai_logs_1.csv': csv(AI_HEADER,
      `e1,${long('u')},Finance,report,2026-11-16T09:00:00Z,,done,,,`,
      `e2,u1,Finance,${long('r')},2026-11-16T09:00:00Z,,done,,,`,
      `e3,u1,"${long('"').replaceAll('"', '""')}",report,2026-11-16T09:00:00Z,,done,,,`,
      `e4,u1,${'F'.repeat(256)},report,2026-11-16T10:00:00Z,,done,,,`),
    'manual_logs_1.csv': csv(MANUAL_HEADER, `m1,u2,Legal,${long('x')},2026-11-16T09:00:00Z,2026-11-16T09:30:00Z`),
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, 'u1,Legal,2026-11,UTC,yes,1,1', `u2,${long('L')},2026-11,UTC,yes,1,1`, `${long('v')},Legal,2026-11,UTC,yes,1,1`),
  });
  const data = await cleanInput(dir, parseConfig({}));
  expect(data.quarantine.records().map((record) => [record.file.split('/').pop(), record.line, record.reason, record.detail])).toEqual([
    ['user_monthly_summary_2026-11.csv', 4, 'name_too_long', 'expected `user_id` of at most 256 characters, got one of 257'],
    ['ai_logs_1.csv', 2, 'name_too_long', 'expected `user_id` of at most 256 characters, got one of 257'],
    ['ai_logs_1.csv', 3, 'name_too_long', 'expected `task_type` of at most 256 characters, got one of 257'],
    ['manual_logs_1.csv', 2, 'name_too_long', 'expected `task_type` of at most 256 characters, got one of 257'],
  ]);
  expect(data.quarantineByReason).toEqual({ name_too_long: 4 });
  expect(data.repairs.unreadable_team).toBe(2);
  // (e3's team of 257 quotes, filled from the roster; 256 characters is a name)
  expect((data.tasks.objects() as Array<Record<string, unknown>>).map((task) => [task.task_id, task.team])).toEqual([['e3', 'Legal'], ['e4', 'F'.repeat(256)]]);
  expect((data.roster.objects() as Array<Record<string, unknown>>).map((row) => [row.user_id, row.team])).toEqual([['u1', 'Legal'], ['u2', null]]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 4, quarantined: 2, tasks: 2 });
});
