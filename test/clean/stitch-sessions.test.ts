import { expect, test } from 'vitest';
import { AI_HEADER, clean } from '../helpers/clean.js';
import { csv } from '../helpers/input-folder.js';

test('a task fragmented across two weekly files is stitched into one', async () => {
  const { ai, data, iso } = await clean({
    'ai_logs_2026-W47.csv': csv(AI_HEADER, 'e1,u1,Finance,report,2026-11-22T23:50:00Z,2026-11-22T23:58:00Z,abandoned,0.7,yes,draft'),
    'ai_logs_2026-W48.csv': csv(AI_HEADER, 'e2,u1,Finance,report,2026-11-23T00:05:00Z,2026-11-23T00:15:00Z,completed,,no,final'),
  });
  expect(ai).toHaveLength(1);
  expect(ai[0]).toMatchObject({ task_id: 'e1', status: 'completed', accuracy: 0.7, harmful: true, prompt: 'final', fragments: 2, duration_ms: 18 * 60_000 });
  expect(iso(ai[0].started_at)).toBe('2026-11-22T23:50:00.000Z');
  expect(data.stitchedFragments).toBe(1);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 2, rows_in_tasks: 2, tasks: 1 });
});

test('gaps over 10 minutes, overlaps, other task types and rows without an end start new tasks', async () => {
  const { ai } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'a1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:10:00Z,completed,,,p1',
      'a2,u1,Finance,report,2026-11-16T09:20:01Z,2026-11-16T09:30:00Z,completed,,,p2',
      'a3,u1,Finance,report,2026-11-16T09:25:00Z,2026-11-16T09:40:00Z,completed,,,p3',
      'b1,u1,Finance,summary,2026-11-16T09:41:00Z,,completed,,,p4',
      'b2,u1,Finance,summary,2026-11-16T09:42:00Z,2026-11-16T09:50:00Z,completed,,,p5'),
  });
  expect(ai.map((t) => [t.task_id, t.fragments])).toEqual([['a1', 1], ['a2', 1], ['a3', 1], ['b1', 1], ['b2', 1]]);
});

test('a stitched task with a row of unknown duration has an unknown duration; the gap is configurable', async () => {
  const rows = csv(AI_HEADER,
    'e1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:10:00Z,completed,,,p1',
    'e2,u1,Finance,report,2026-11-16T09:25:00Z,,completed,,,p2');
  expect((await clean({ 'ai_logs_1.csv': rows })).ai).toHaveLength(2);
  const { ai } = await clean({ 'ai_logs_1.csv': rows }, { cleaning: { stitchGapMin: 15 } });
  expect(ai.map((t) => [t.task_id, t.fragments, t.duration_ms])).toEqual([['e1', 2, null]]);
});

// Repeated strings are codes until the task is built: -1 (empty) must never hide a value or be one.
test('a stitched task takes its first known team and its last known version and pass-through values', async () => {
  const { ai } = await clean({
    'ai_logs_1.csv': csv(`${AI_HEADER},tool_version,channel,region`,
      'e1,u1,,report,2026-11-16T09:00:00Z,2026-11-16T09:10:00Z,completed,,,p1,1.0,web,',
      'e2,u1,Legal,report,2026-11-16T09:12:00Z,2026-11-16T09:20:00Z,completed,,,p2,,cli,',
      'e3,u1,Finance,report,2026-11-16T09:22:00Z,2026-11-16T09:30:00Z,completed,,,p3,,,EMEA',
      'e4,u2,,summary,2026-11-16T09:00:00Z,,completed,,,p4,2.0,,'),
  });
  expect(ai.map((t) => [t.task_id, t.fragments, t.team, t.tool_version, t.channel, t.region])).toEqual([
    ['e1', 3, 'Legal', null, 'cli', 'EMEA'],
    ['e4', 1, null, '2.0', null, null],
  ]);
});
