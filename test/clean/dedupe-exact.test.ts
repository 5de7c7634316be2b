import { expect, test } from 'vitest';
import { AI_HEADER, MANUAL_HEADER, clean } from '../helpers/clean.js';
import { csv } from '../helpers/input-folder.js';

test('the same event_id in two overlapping exports is one row; the most complete copy is kept', async () => {
  const { ai, data } = await clean({
    'ai_logs_2026-W46.csv': csv(AI_HEADER, 'e1,u1,,report,2026-11-15T22:00:00Z,2026-11-15T22:10:00Z,done,,,hi'),
    'ai_logs_2026-W47.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-15T22:00:00Z,2026-11-15T22:10:00Z,done,0.95,no,hi',
      'e2,u1,Finance,report,2026-11-16T09:00:00Z,,done,,,other'),
  });
  expect(ai.map((t) => [t.task_id, t.accuracy, t.team])).toEqual([['e1', 0.95, 'Finance'], ['e2', null, 'Finance']]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 3, exact_duplicates: 1, rows_in_tasks: 2, tasks: 2 });
});

test('equal completeness keeps the first in input order; manual logs dedupe on task_id', async () => {
  const { manual, data } = await clean({
    'manual_logs_a.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:30:00Z'),
    'manual_logs_b.csv': csv(MANUAL_HEADER, 'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:45:00Z'),
  });
  expect(manual.map((t) => [t.task_id, t.duration_ms])).toEqual([['m1', 30 * 60_000]]);
  expect(data.accounting.manual_logs).toMatchObject({ rows_read: 2, exact_duplicates: 1, rows_in_tasks: 1 });
});
