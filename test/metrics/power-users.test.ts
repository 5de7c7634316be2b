import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';

// Per user-week AI-task counts: W46 u1..u9 one each; W47 u1 1, u2 2, big 20 -> sorted [1 x10, 2, 20]
const tasks: TaskSpec[] = [
  ...Array.from({ length: 9 }, (_, index) => ({ user_id: `u${index + 1}`, team: 'Finance', started_at: '2026-11-10T09:00:00Z' })),
  { user_id: 'u1', team: 'Finance', started_at: '2026-11-17T09:00:00Z' },
  ...repeat(2, { user_id: 'u2', team: 'Legal', started_at: '2026-11-17T09:00:00Z' }),
  ...repeat(12, { user_id: 'big', team: 'Finance', started_at: '2026-11-18T09:00:00Z' }),
  ...repeat(8, { user_id: 'big', team: 'Legal', started_at: '2026-11-18T09:00:00Z' }),
  ...repeat(3, { user_id: 'big', team: 'Legal', status: 'abandoned', started_at: '2026-11-18T09:00:00Z' }),
  ...repeat(30, { source: 'manual_logs', user_id: 'slow', team: 'Legal', started_at: '2026-11-18T09:00:00Z' }),
];

describe('power_users', () => {
  it('flags users above the 99th percentile (linear interpolation) of user-week AI counts', () => {
    // h = (12 - 1) * 0.99 = 10.89 -> 2 + 0.89 * (20 - 2) = 18.02
    const rows = computeMetrics(makeCleanedData({ tasks }), testConfig(), '2026-W47').tables.power_users;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ week: '2026-W47', user_id: 'big', team: 'Finance', ai_tasks: 20 });
    expect(rows[0].threshold).toBeCloseTo(18.02, 10);
  });

  it('uses the configured percentile', () => {
    // median: h = 5.5 -> 1; above it in W47: u2 (2) and big (20)
    const rows = computeMetrics(makeCleanedData({ tasks }), testConfig({ metrics: { powerUserPercentile: 0.5 } }), '2026-W47').tables.power_users;
    expect(rows.map((row) => [row.user_id, row.ai_tasks, row.team])).toEqual([
      ['big', 20, 'Finance'],
      ['u2', 2, 'Legal'],
    ]);
  });
});
