import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, testConfig, type RosterSpec, type TaskSpec } from './make-cleaned-data.js';

const roster: RosterSpec[] = [
  ...['u1', 'u2', 'u3', 'u4'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-09' })),
  ...['u1', 'u5'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-10' })),
  { user_id: 'u2', team: 'Finance', month: '2026-10' }, // moves to Finance: the September cohort keeps it in Legal
  ...['u1', 'u3', 'u5'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-11' })),
];

const ai = (user_id: string, started_at: string, team = 'Legal'): TaskSpec => ({ user_id, team, started_at });
const tasks: TaskSpec[] = [
  ...['u1', 'u2', 'u3', 'u4'].map((user) => ai(user, '2026-09-10T09:00:00Z')), // September cohort
  ai('u1', '2026-10-10T09:00:00Z'),
  ai('u2', '2026-10-11T09:00:00Z', 'Finance'),
  ai('u5', '2026-10-12T09:00:00Z'), // October cohort
  ai('u1', '2026-11-10T09:00:00Z'),
  ai('u3', '2026-11-10T09:00:00Z'),
  ai('u5', '2026-11-11T09:00:00Z'),
  ai('u6', '2026-11-12T09:00:00Z', 'Finance'), // November cohort, not on the roster: team of its task
  ai('u1', '2026-12-08T09:00:00Z'), // report week 2026-W50
];
// December is not fully loaded: every share that needs it is null
const loadedDates = { first: '2026-09-01', last: '2026-12-13' };

describe('retention', () => {
  it('follows each first-AI-task cohort into the next two months, and every month\'s active users', () => {
    const rows = computeMetrics(makeCleanedData({ tasks, roster, loadedDates }), testConfig(), '2026-W50').tables.retention;
    expect(rows.map((row) => [row.month, row.team, row.cohort_users, row.retained_m1, row.retained_m2, row.active_users, row.active_retention, row.active_retention_m2])).toEqual([
      ['2026-09', '*', 4, 0.5, 0.5, 4, 0.5, 0.5], // u1, u2 in October; u1, u3 in November
      ['2026-09', 'Legal', 4, 0.5, 0.5, 4, 0.5, 0.5],
      ['2026-10', '*', 1, 1, null, 3, 2 / 3, null],
      ['2026-10', 'Finance', 0, null, null, 1, 0, null], // u2 stopped
      ['2026-10', 'Legal', 1, 1, null, 2, 1, null],
      ['2026-11', '*', 1, null, null, 4, null, null],
      ['2026-11', 'Finance', 1, null, null, 1, null, null],
      ['2026-11', 'Legal', 0, null, null, 3, null, null],
      ['2026-12', '*', 0, null, null, 1, null, null],
      ['2026-12', 'Legal', 0, null, null, 1, null, null],
    ]);
  });

  it('suppresses teams with few active users, and the cohort columns of a small cohort', () => {
    const rows = computeMetrics(makeCleanedData({ tasks, roster, loadedDates }), testConfig({ privacy: { minGroupSize: 2 } }), '2026-W50').tables.retention;
    const october = rows.filter((row) => row.month === '2026-10');
    expect(october.map((row) => [row.team, row.suppressed, row.cohort_users, row.retained_m1, row.active_users, row.active_retention])).toEqual([
      ['*', false, 1, 1, 3, 2 / 3],
      ['Finance', true, null, null, null, null],
      ['Legal', false, null, null, 2, 1],
    ]);
  });
});
