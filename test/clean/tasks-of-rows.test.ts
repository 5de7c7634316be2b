import { expect, test } from 'vitest';
import { readInput, settleTasks, tasksOfRows } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER } from '../helpers/clean.js';
import { csv, inputFolder } from '../helpers/input-folder.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const files = {
  'ai_logs_1.csv': csv(AI_HEADER,
    'e1,u1,,audit,2026-11-16T09:00:00Z,2026-11-16T09:05:00Z,completed,0.9,,p1',
    'e1,u1,,audit,2026-11-16T09:00:00Z,2026-11-16T09:05:00Z,completed,0.7,,p1',
    'e2,u1,,audit,2026-11-16T09:00:20Z,2026-11-16T09:06:00Z,error,,,p1',
    'e3,u2,,audit,2026-11-16T10:05:00Z,2026-11-16T10:00:00Z,completed,,,p3'),
};

test('the rules over a subset of the rows: what became of each row, and the tasks before durations and teams', async () => {
  const config = parseConfig({});
  const parsed = await readInput(inputFolder(files), config, { now: NOW });
  // rows 0-2 only (e3 is someone else's, cleaned elsewhere)
  const built = await tasksOfRows(parsed, config, { only: { ai_logs: Int32Array.of(0, 1, 2), manual_logs: new Int32Array(0) } });
  // e1's second copy is an exact duplicate (and disagrees on accuracy); e2 retries e1 within 30 s and loses to its status
  expect(Array.from(built.fates.ai_logs.exactKept)).toEqual([0, 2]);
  expect(Array.from(built.fates.ai_logs.inTasks)).toEqual([0]);
  expect(built.fates.ai_logs.conflicting).toEqual([0]);
  expect(built.accounting.ai_logs).toEqual({ rows_read: 4, quarantined: 0, exact_duplicates: 1, conflicting_duplicates: 1, retry_duplicates: 1, rows_in_tasks: 1, tasks: 1 });
  // the clock-skew swap runs over every row read (e3's end came first)
  expect(built.clockSkew).toBe(1);
  const data = settleTasks(parsed, config, built);
  expect(data.tasks.objects()).toMatchObject([{ task_id: 'e1', user_id: 'u1', task_type: 'audit', accuracy: 0.9, duration_ms: 300_000 }]);
});
