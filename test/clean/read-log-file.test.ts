import { rmSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import type { CleanedData, SourceAccounting } from '../../src/clean/types.js';
import { parseConfig } from '../../src/config/read-config.js';
import { inputFolder, ROSTER_HEADER } from '../helpers/input-folder.js';

const setting = process.env.UPTAKE_CSV_READER;
afterEach(() => {
  if (setting === undefined) delete process.env.UPTAKE_CSV_READER;
  else process.env.UPTAKE_CSV_READER = setting;
});

/** cleanInput of the files with each reader: what both gave (they must agree), as plain data. */
async function cleanWithEitherReader(files: Record<string, string>): Promise<{ data: Omit<CleanedData, 'tasks' | 'roster'>; tasks: Array<Record<string, unknown>>; progress: string[] }> {
  const dir = inputFolder(files);
  try {
    const results = [];
    for (const reader of ['papaparse', 'csv-parse'] as const) {
      process.env.UPTAKE_CSV_READER = reader;
      const progress: string[] = [];
      const { tasks, roster: _roster, ...data } = await cleanInput(dir, parseConfig({}), { now: Date.UTC(2026, 11, 4), workers: 0, onProgress: (message) => progress.push(message) });
      results.push({ data, tasks: tasks.objects() as Array<Record<string, unknown>>, progress: progress.filter((message) => message.includes('trying csv-parse')) });
    }
    expect({ ...results[0], progress: [] }).toEqual({ ...results[1], progress: [] });
    return results[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const balanced = (count: SourceAccounting) => count.rows_read === count.quarantined + count.exact_duplicates + count.retry_duplicates + count.rows_in_tasks;

describe('line endings that change within a file', () => {
  test('a CRLF header and LF rows: every row is its own record, on its own line', async () => {
    const header = 'event_id,user_id,team,task_type,started_at,status\r\n';
    const rows = ['e1,u1,Finance,report,2026-11-16T09:00:00Z,done', 'e2,u1,Finance,report,2026-11-16T10:00:00Z,done', 'e3,u2,Legal,review,2026-11-16T11:00:00Z,failed', 'e4,u2,Legal,review,2026-11-16T12:00:00Z,x'];
    const { data, tasks, progress } = await cleanWithEitherReader({ 'ai_logs_a.csv': `${header}${rows.join('\n')}\n` });
    expect(data.accounting.ai_logs).toEqual({ rows_read: 4, quarantined: 1, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 3, tasks: 3 });
    expect(balanced(data.accounting.ai_logs)).toBe(true);
    expect(tasks.map((task) => [task.task_id, task.team, task.status])).toEqual([['e1', 'Finance', 'completed'], ['e2', 'Finance', 'completed'], ['e3', 'Legal', 'error']]);
    expect(data.quarantine.records().map((record) => [record.line, record.reason, record.raw])).toEqual([[5, 'unknown_status', rows[3]]]);
    expect(progress).toEqual([expect.stringMatching(/ai_logs_a\.csv: trying csv-parse, as line endings change within the file \(line 2\)$/)]);
  });

  test('LF, CRLF and CR line endings mixed, with line breaks inside quotes kept', async () => {
    const text = 'event_id,user_id,task_type,started_at,status,prompt\ne1,u1,report,2026-11-16T09:00:00Z,done,"a\r\nb"\r\ne2,u1,report,2026-11-16T10:00:00Z,done,plain\re3,u1,report,2026-11-16T11:00:00Z,done,"c\nd"\n';
    const { data, tasks } = await cleanWithEitherReader({ 'ai_logs_a.csv': text });
    expect(data.accounting.ai_logs.rows_read).toBe(3);
    expect(tasks.map((task) => task.task_id)).toEqual(['e1', 'e2', 'e3']);
    expect(balanced(data.accounting.ai_logs)).toBe(true);
  });
});

describe('a header repeated in the middle of a file', () => {
  const first = 'event_id,user_id,team,task_type,started_at,status';
  test('switches the mapping for the rows after it (another order, other spellings) and is reported as drift, not quarantined', async () => {
    const text = [
      first,
      'e1,u1,Finance,report,2026-11-16T09:00:00Z,done',
      // the second export's header: other order, aliases and spellings, and a column the first did not have
      'Status, Task Type ,dept,uid,start_time,ID,client',
      'done,review,Legal,u2,2026-11-16T10:00:00Z,e2,web',
      'failed,review,Legal,u2,2026-11-16T11:00:00Z,e3,cli',
      // the first header again, exactly
      first,
      'e4,u1,Finance,report,2026-11-16T12:00:00Z,done',
      '',
    ].join('\n');
    const { data, tasks } = await cleanWithEitherReader({ 'ai_logs_a.csv': text });
    expect(tasks.map((task) => [task.task_id, task.user_id, task.team, task.task_type, task.status])).toEqual([
      ['e1', 'u1', 'Finance', 'report', 'completed'],
      ['e2', 'u2', 'Legal', 'review', 'completed'],
      ['e3', 'u2', 'Legal', 'review', 'error'],
      ['e4', 'u1', 'Finance', 'report', 'completed'],
    ]);
    expect(data.accounting.ai_logs).toEqual({ rows_read: 4, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 4, tasks: 4 });
    expect(data.quarantine.records()).toEqual([]);
    expect(data.files.find((file) => file.kind === 'ai_logs')?.drift).toEqual(['client', 'header repeated on line 3, columns in another order', 'header repeated on line 6, columns in another order']);
  });

  test('the same header again is drift without a column change; a roster header repeated switches the roster too', async () => {
    const { data } = await cleanWithEitherReader({
      'ai_logs_a.csv': `${first}\ne1,u1,Finance,report,2026-11-16T09:00:00Z,done\n${first}\ne2,u1,Finance,report,2026-11-16T10:00:00Z,done\n`,
      'user_monthly_summary_2026-11.csv': `${ROSTER_HEADER}\nu1,Finance,2026-11,Europe/Berlin,yes,10,5\nmonth,user_id,team\n2026-11,u2,Legal\n`,
    });
    expect(data.files.map((file) => [file.kind, file.rows, file.drift])).toEqual([
      ['user_monthly_summary', 2, ['header repeated on line 3, columns in another order']],
      ['ai_logs', 2, ['header repeated on line 3']],
      ['manual_logs', 0, []],
    ]);
    expect(data.accounting.user_monthly_summary).toMatchObject({ rows_read: 2, quarantined: 0, rows_in_tasks: 2 });
    expect(data.accounting.ai_logs).toMatchObject({ rows_read: 2, quarantined: 0, rows_in_tasks: 2 });
  });

  test('a record naming only some of the columns is a row like any other, quarantined', async () => {
    const { data } = await cleanWithEitherReader({ 'ai_logs_a.csv': `${first}\ne1,u1,Finance,report,2026-11-16T09:00:00Z,done\nevent_id,user_id,team,task_type,started_at,bogus\n` });
    expect(data.quarantine.records().map((record) => [record.line, record.reason])).toEqual([[3, 'invalid_started_at']]);
    expect(balanced(data.accounting.ai_logs)).toBe(true);
  });
});
