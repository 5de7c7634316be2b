import { describe, expect, test } from 'vitest';
import { headerLacking, normalizeHeaderName, repeatedHeader, resolveHeader } from '../../src/ingest/normalize-headers.js';

test('header spellings normalise to snake_case', () => {
  expect(['Task Type', 'taskType', 'task-type', ' TASK_TYPE ', 'userID'].map(normalizeHeaderName)).toEqual(['task_type', 'task_type', 'task_type', 'task_type', 'user_id']);
});

test('aliases resolve and unknown columns are drift kept as pass-through', () => {
  const header = resolveHeader('ai_logs', ['ID', 'uid', 'Department', 'Task Category', 'start_time', 'finished_at', 'outcome', 'accuracy_pct', 'is_harmful', 'query', 'client_os']);
  expect(Object.fromEntries(header.index)).toEqual({
    event_id: 0, user_id: 1, team: 2, task_type: 3, started_at: 4, ended_at: 5, status: 6, accuracy_pct: 7, harmful: 8, prompt: 9,
  });
  expect(header.drift).toEqual(['client_os']);
  expect(Object.fromEntries(header.passThrough)).toEqual({ client_os: 10 });
  expect(header.missingRequired).toEqual([]);
});

test('a column named as the contract names it wins over an alias of it, wherever the two stand', () => {
  // an export with a row number `id` before its `event_id`: the row numbers (1, 2, ... in every file) were the ids
  const header = resolveHeader('ai_logs', ['id', 'event_id', 'user_id', 'timestamp', 'started_at', 'task', 'outcome', 'status']);
  expect(Object.fromEntries(header.index)).toEqual({ event_id: 1, user_id: 2, started_at: 4, task_type: 5, status: 7 });
  // the columns left unread are listed as drift, saying which column is read instead
  expect(header.drift).toEqual([
    'id (not read: event_id is read from column 2)',
    'timestamp (not read: started_at is read from column 5)',
    'outcome (not read: status is read from column 8)',
  ]);
  expect(resolveHeader('ai_logs', ['event_id', 'user_id', 'task_type', 'started_at', 'status', 'Status']).drift).toEqual(['Status (not read: status is read from column 5)']);
  expect(Object.fromEntries(resolveHeader('manual_logs', ['ID', 'Task ID', 'user', 'task', 'start_time']).index)).toEqual({ task_id: 1, user_id: 2, task_type: 3, started_at: 4 });
  expect(Object.fromEntries(resolveHeader('user_monthly_summary', ['user_id', 'tz', 'month', 'Time Zone', 'timezone']).index)).toEqual({ user_id: 0, month: 2, timezone: 4 });
});

test('a header lacking a required column says which', () => {
  const header = resolveHeader('ai_logs', ['event_id', 'user_id', 'started_at']);
  expect(header.missingRequired).toEqual(['task_type', 'status']);
});

// an escape sequence in a column name went to the terminal with the schema drift (`\x1b[2J` cleared it), and
// into the warehouse's `extra` keys; a NUL kept `user\u0000_id` from being the user_id column
test('header names lose their control characters (tabs and line breaks become a space); a lacking header shows them as \\xNN', () => {
  const header = resolveHeader('ai_logs', ['event_id', 'user\u0000_id', 'task_type', 'started_at', 'status', '\u001b[2Jclient\u001b[0m', 'Client\r\nRegion']);
  expect(Object.fromEntries(header.index)).toEqual({ event_id: 0, user_id: 1, task_type: 2, started_at: 3, status: 4 });
  expect(header.drift).toEqual(['[2Jclient[0m', 'Client Region']);
  expect(Object.fromEntries(header.passThrough)).toEqual({ '[2_jclient[0m': 5, client_region: 6 });
  const fields = ['event_id', '\u001b[2Juser', 'task_type'];
  expect(headerLacking(resolveHeader('ai_logs', fields), fields, 'ai_logs_a.csv', 1).message).toBe(
    'ai_logs_a.csv:1: expected a header with `user_id`, `started_at`, `status` (or an alias), got `event_id`, `\\x1b[2Juser`, `task_type`',
  );
});

test('manual logs and roster have their own aliases', () => {
  expect(Object.fromEntries(resolveHeader('manual_logs', ['ticket_id', 'user_email', 'task', 'started', 'duration_minutes']).index)).toEqual({
    task_id: 0, user_id: 1, task_type: 2, started_at: 3, duration_min: 4,
  });
  expect(Object.fromEntries(resolveHeader('user_monthly_summary', ['userid', 'dept', 'month', 'time_zone', 'licensed']).index)).toEqual({
    user_id: 0, team: 1, month: 2, timezone: 3, licensed: 4,
  });
});

describe('repeatedHeader', () => {
  test('a record naming every required column, in any order and spelling, is a header; its mapping is returned', () => {
    const header = repeatedHeader('ai_logs', ['Status', ' Task Type ', 'uid', 'start_time', 'ID', 'client']);
    expect(header && Object.fromEntries(header.index)).toEqual({ status: 0, task_type: 1, user_id: 2, started_at: 3, event_id: 4 });
    expect(header?.drift).toEqual(['client']);
    expect(repeatedHeader('user_monthly_summary', ['month', 'userId'])?.index.get('user_id')).toBe(1);
  });

  test('a record lacking a required column, or holding a digit, is not', () => {
    expect(repeatedHeader('ai_logs', ['event_id', 'user_id', 'task_type', 'started_at', 'bogus'])).toBeUndefined();
    expect(repeatedHeader('ai_logs', ['event_id', 'user_id', 'task_type', 'started_at', 'status', 'region2'])).toBeUndefined();
    expect(repeatedHeader('manual_logs', ['e1', 'u1', 'report', '2026-11-16T09:00:00Z'])).toBeUndefined();
  });
});

test('a column without a name is named by its position in the drift, not shown as an empty name', () => {
  const header = resolveHeader('ai_logs', ['event_id', 'user_id', 'task_type', 'started_at', '', 'status', '  ']);
  expect(header.drift).toEqual(['column 5 (no name)', 'column 7 (no name)']);
});

test('rows that cannot be a header (`a`, `,,,,`, `x,y,z,w,v`) are none, and a header repeated in any spelling still is one (the speed is in BENCHMARKS, not timed here)', () => {
  // each was resolved as a header (7 µs a row): 5,000,000 rows `a` under a valid header took validate 92 s
  const rows = [['a'], ['', '', '', '', ''], ['x', 'y', 'z', 'w', 'v']];
  let headers = 0;
  for (let index = 0; index < 30_000; index += 1) if (repeatedHeader('ai_logs', rows[index % 3]) !== undefined) headers += 1;
  expect(headers).toBe(0);
  // a header repeated in any spelling is still one
  expect(repeatedHeader('ai_logs', ['Event ID', 'uid', 'task', 'start_time', 'outcome', ''])?.index.get('status')).toBe(4);
  expect(repeatedHeader('user_monthly_summary', ['user', 'month'])?.index.get('month')).toBe(1);
});
