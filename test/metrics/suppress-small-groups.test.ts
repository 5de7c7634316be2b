import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';

// W46: Finance and Legal both 100% AI. W47: Finance 3 users; Legal 2 users (erin only abandoned).
const tasks: TaskSpec[] = [
  ...['alice', 'bob', 'carol'].map((user) => ({ user_id: user, team: 'Finance', started_at: '2026-11-10T09:00:00Z' })),
  ...['dave', 'erin'].map((user) => ({ user_id: user, team: 'Legal', started_at: '2026-11-10T09:00:00Z' })),
  ...repeat(2, { user_id: 'alice', team: 'Finance', task_type: 'review', started_at: '2026-11-16T09:00:00Z' }),
  { user_id: 'bob', team: 'Finance', task_type: 'review', started_at: '2026-11-16T09:00:00Z' },
  { source: 'manual_logs', user_id: 'carol', team: 'Finance', task_type: 'review', started_at: '2026-11-16T09:00:00Z' },
  ...repeat(3, { source: 'manual_logs', user_id: 'dave', team: 'Legal', task_type: 'filing', started_at: '2026-11-17T09:00:00Z' }),
  { user_id: 'erin', team: 'Legal', task_type: 'filing', status: 'abandoned', started_at: '2026-11-17T09:00:00Z' },
];

const document = computeMetrics(makeCleanedData({ tasks }), testConfig({ privacy: { minGroupSize: 3 } }), '2026-W47');

describe('small-group suppression', () => {
  it('keeps the keys, nulls the measures and marks the row', () => {
    const legal = document.tables.adoption_by_team.find((row) => row.team === 'Legal');
    expect(legal).toEqual({
      team: 'Legal',
      ai_tasks: null,
      manual_tasks: null,
      adoption_rate: null,
      delta_pts: null,
      previous_adoption_rate: null,
      user_adoption_rate: null,
      ai_users: null,
      licensed_users: null,
      abandonment_rate: null,
      abandoned_tasks: null,
      ai_tasks_any_status: null,
      user_weighted_adoption_rate: null,
      users: null,
      suppressed: true,
    });
    expect(document.tables.adoption_by_team.find((row) => row.team === 'Finance')).toMatchObject({ ai_tasks: 3, manual_tasks: 1, suppressed: false });
  });

  it('never drops a small group from the "*" row', () => {
    // "*" = Finance 3 AI + 1 manual, Legal 0 AI + 3 manual
    expect(document.tables.adoption_by_team[0]).toMatchObject({ team: '*', ai_tasks: 3, manual_tasks: 4, suppressed: false });
  });

  it('counts users per period in the trend, and per task type in the task-type table', () => {
    const trend = document.tables.adoption_trend.map((row) => [row.week, row.team, row.suppressed, row.ai_tasks]);
    expect(trend).toEqual([
      ['2026-W46', '*', false, 5],
      ['2026-W46', 'Finance', false, 3],
      ['2026-W46', 'Legal', true, null],
      ['2026-W47', '*', false, 3],
      ['2026-W47', 'Finance', false, 3],
      ['2026-W47', 'Legal', true, null],
    ]);
    // filing: dave and erin (2 users) -> suppressed; review: alice, bob, carol -> kept; team stays "*"
    expect(document.tables.adoption_by_task_type.map((row) => [row.task_type, row.team, row.suppressed, row.ai_tasks])).toEqual([
      ['filing', '*', true, null],
      ['review', '*', false, 3],
    ]);
  });

  it('suppressed groups raise no alert, and k = 0 turns suppression off', () => {
    expect(document.tables.alerts.filter((alert) => alert.team === 'Legal')).toEqual([]);
    const open = computeMetrics(makeCleanedData({ tasks }), testConfig({ privacy: { minGroupSize: 0 } }), '2026-W47');
    const legal = open.tables.adoption_by_team.find((row) => row.team === 'Legal');
    expect(legal).toMatchObject({ ai_tasks: 0, manual_tasks: 3, adoption_rate: 0, suppressed: false });
    expect(legal?.delta_pts).toBeCloseTo(-100, 9);
    expect(open.tables.alerts.filter((alert) => alert.team === 'Legal').map((alert) => alert.rule)).toEqual(['adoption_drop']);
  });
});
