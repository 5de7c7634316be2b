import { expect, test } from 'vitest';
import { AI_HEADER, clean } from '../helpers/clean.js';
import { csv } from '../helpers/input-folder.js';

test('an end before its start is swapped and counted as a clock_skew repair', async () => {
  const { ai, data, iso } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T10:00:00Z,2026-11-16T09:30:00Z,done,,,',
      'e2,u1,Finance,summary,2026-11-16T11:00:00Z,2026-11-16T11:20:00Z,done,,,'),
  });
  expect(ai.map((t) => [t.task_id, iso(t.started_at), t.duration_ms])).toEqual([
    ['e1', '2026-11-16T09:30:00.000Z', 30 * 60_000],
    ['e2', '2026-11-16T11:00:00.000Z', 20 * 60_000],
  ]);
  expect(data.repairs.clock_skew).toBe(1);
});
