import { expect, test } from 'vitest';
import { clean } from '../helpers/clean.js';
import { csv } from '../helpers/input-folder.js';

test('durations from ended_at or duration columns; over 8 h or unknown still count without a duration', async () => {
  const header = 'task_id,user_id,team,task_type,started_at,ended_at,duration_s,duration_min,duration_ms';
  const { manual, data } = await clean({
    'manual_logs_1.csv': csv(header,
      'm1,u1,Finance,report,2026-11-16T09:00:00Z,2026-11-16T09:30:00Z,,,',
      'm2,u1,Finance,report,2026-11-16T10:00:00Z,,90,,',
      'm3,u1,Finance,report,2026-11-16T11:00:00Z,,,45,',
      'm4,u1,Finance,report,2026-11-16T12:00:00Z,,,,1500',
      'm5,u1,Finance,report,2026-11-16T13:00:00Z,,,540,',
      'm6,u1,Finance,report,2026-11-16T14:00:00Z,,,,'),
  });
  expect(manual.map((t) => t.duration_ms)).toEqual([1_800_000, 90_000, 2_700_000, 1500, null, null]);
  expect(data.durationsDropped).toEqual({ unknown: 1, too_long: 1 });
  expect(data.accounting.manual_logs.tasks).toBe(6);
});

test('the maximum is configurable', async () => {
  const header = 'task_id,user_id,task_type,started_at,duration_min';
  const { manual } = await clean({ 'manual_logs_1.csv': csv(header, 'm1,u1,report,2026-11-16T09:00:00Z,540') }, { cleaning: { maxDurationHours: 10 } });
  expect(manual[0].duration_ms).toBe(540 * 60_000);
});
