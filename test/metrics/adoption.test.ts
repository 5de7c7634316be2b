import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';

// Weeks: 2026-W44 = Oct 26..Nov 1 (Thursday Oct 29), W46 = Nov 9..15, W47 = Nov 16..22 (Thursday Nov 19).
const tasks: TaskSpec[] = [
  { source: 'manual_logs', user_id: 'alice', team: 'Finance', started_at: '2026-10-27T09:00:00Z' },
  // W46
  ...repeat(2, { user_id: 'alice', team: 'Finance', started_at: '2026-11-10T09:00:00Z' }),
  ...repeat(2, { source: 'manual_logs', user_id: 'bob', team: 'Finance', started_at: '2026-11-11T09:00:00Z' }),
  { user_id: 'carol', team: 'Legal', started_at: '2026-11-12T09:00:00Z' },
  // W47
  ...repeat(3, { user_id: 'alice', team: 'Finance', task_type: 'budget_reconciliation', started_at: '2026-11-16T09:00:00Z' }),
  { user_id: 'alice', team: 'Finance', status: 'abandoned', started_at: '2026-11-17T09:00:00Z' },
  { source: 'manual_logs', user_id: 'bob', team: 'Finance', started_at: '2026-11-18T09:00:00Z' },
  ...repeat(3, { source: 'manual_logs', user_id: 'carol', team: 'Legal', started_at: '2026-11-18T10:00:00Z' }),
  { user_id: 'dave', team: 'Legal', status: 'error', started_at: '2026-11-19T10:00:00Z' },
  { user_id: 'erin', team: null, started_at: '2026-11-22T23:30:00Z' },
  // after the report week: must not count anywhere in it
  ...repeat(4, { user_id: 'alice', team: 'Finance', started_at: '2026-11-23T09:00:00Z' }),
];

const roster = [
  { user_id: 'alice', team: 'Finance', month: '2026-11', licensed: true },
  { user_id: 'bob', team: 'Finance', month: '2026-11', licensed: true },
  { user_id: 'frank', team: 'Finance', month: '2026-11', licensed: false },
  { user_id: 'carol', team: 'Legal', month: '2026-11', licensed: true },
  { user_id: 'dave', team: 'Legal', month: '2026-11', licensed: true },
  { user_id: 'gina', team: 'Legal', month: '2026-11', licensed: null },
  { user_id: 'alice', team: 'Finance', month: '2026-10', licensed: true },
  { user_id: 'hank', team: 'Finance', month: '2026-10', licensed: true },
];

const document = computeMetrics(makeCleanedData({ tasks, roster }), testConfig(), '2026-W47');

describe('adoption_by_team', () => {
  const byTeam = Object.fromEntries(document.tables.adoption_by_team.map((row) => [row.team, row]));

  it('lists teams with a task in the week, "*" first, null-team tasks only in "*"', () => {
    expect(document.tables.adoption_by_team.map((row) => row.team)).toEqual(['*', 'Finance', 'Legal']);
  });

  it('counts completed AI tasks against manual tasks', () => {
    // Finance: 3 completed AI (abandoned one excluded), 1 manual -> 3/4
    expect(byTeam.Finance).toMatchObject({ ai_tasks: 3, manual_tasks: 1, adoption_rate: 0.75 });
    // Legal: the error task is not an AI task -> 0/3
    expect(byTeam.Legal).toMatchObject({ ai_tasks: 0, manual_tasks: 3, adoption_rate: 0 });
    // "*": 3 + 0 + erin's 1 = 4 AI, 1 + 3 = 4 manual
    expect(byTeam['*']).toMatchObject({ ai_tasks: 4, manual_tasks: 4, adoption_rate: 0.5 });
  });

  it('delta_pts is 100 * (rate - previous week rate)', () => {
    // Finance W46: 2/(2+2) = 0.5 -> +25; Legal W46: 1/1 -> -100; "*" W46: 3/5 = 0.6 -> -10
    expect(byTeam.Finance.delta_pts).toBeCloseTo(25, 9);
    expect(byTeam.Legal.delta_pts).toBeCloseTo(-100, 9);
    expect(byTeam['*'].delta_pts).toBeCloseTo(-10, 9);
    expect(byTeam['*'].previous_adoption_rate).toBeCloseTo(0.6, 12);
  });

  it('user adoption: AI users over licensed roster rows of the Thursday month', () => {
    // November roster. Finance: alice of {alice, bob} licensed (frank is not) -> 1/2
    expect(byTeam.Finance).toMatchObject({ user_adoption_rate: 0.5, ai_users: 1, licensed_users: 2 });
    // Legal: dave only errored; licensed carol, dave (gina null) -> 0/2
    expect(byTeam.Legal).toMatchObject({ user_adoption_rate: 0, ai_users: 0, licensed_users: 2 });
    // "*": alice and erin (no team) over 4 licensed rows in November
    expect(byTeam['*']).toMatchObject({ user_adoption_rate: 0.5, ai_users: 2, licensed_users: 4 });
  });

  it('abandonment rate is abandoned over all stitched AI tasks', () => {
    expect(byTeam.Finance.abandonment_rate).toBe(0.25); // 1 of 4
    expect(byTeam.Legal.abandonment_rate).toBe(0); // 0 of 1 (error)
    expect(byTeam['*'].abandonment_rate).toBeCloseTo(1 / 6, 12); // 1 of alice 4 + dave 1 + erin 1
  });

  it('user-weighted rate is the mean of per-user rates over users with an AI or manual task', () => {
    // Finance: alice 3/3 = 1, bob 0/1 = 0 -> 0.5
    expect(byTeam.Finance).toMatchObject({ user_weighted_adoption_rate: 0.5, users: 2 });
    // Legal: carol 0/3; dave has only an error task, so he is left out
    expect(byTeam.Legal).toMatchObject({ user_weighted_adoption_rate: 0, users: 1 });
    // "*": alice 1, bob 0, carol 0, erin 1 -> 0.5
    expect(byTeam['*']).toMatchObject({ user_weighted_adoption_rate: 0.5, users: 4 });
  });
});

describe('adoption_by_task_type', () => {
  it('one row per task type over all teams, team "*", delta against the same type', () => {
    expect(document.tables.adoption_by_task_type).toHaveLength(2);
    const [budget, drafting] = document.tables.adoption_by_task_type;
    expect(budget).toMatchObject({ task_type: 'budget_reconciliation', team: '*', ai_tasks: 3, manual_tasks: 0, adoption_rate: 1, delta_pts: null });
    // drafting W47: erin 1 AI; bob 1 + carol 3 manual -> 0.2. W46: 3 AI, 2 manual -> 0.6
    expect(drafting).toMatchObject({ task_type: 'drafting', team: '*', ai_tasks: 1, manual_tasks: 4 });
    expect(drafting.adoption_rate).toBeCloseTo(0.2, 12);
    expect(drafting.delta_pts).toBeCloseTo(-40, 9);
  });
});

describe('adoption_trend', () => {
  it('lists weeks holding a task, first to report week, skipping empty weeks', () => {
    const keys = document.tables.adoption_trend.map((row) => `${row.week} ${row.team}`);
    expect(keys).toEqual([
      '2026-W44 *',
      '2026-W44 Finance',
      '2026-W46 *',
      '2026-W46 Finance',
      '2026-W46 Legal',
      '2026-W47 *',
      '2026-W47 Finance',
      '2026-W47 Legal',
    ]);
    expect(document.tables.adoption_trend[0]).toMatchObject({ ai_tasks: 0, manual_tasks: 1, adoption_rate: 0 });
    expect(document.tables.adoption_trend[2]).toMatchObject({ ai_tasks: 3, manual_tasks: 2 });
    expect(document.tables.adoption_trend[2].adoption_rate).toBeCloseTo(0.6, 12);
    expect(document.tables.adoption_trend[5]).toMatchObject({ ai_tasks: 4, manual_tasks: 4, adoption_rate: 0.5 });
  });
});

describe('user adoption month', () => {
  it('uses the month holding the Thursday, not the Sunday', () => {
    // W44: Thursday Oct 29 (Sunday Nov 1). October licensed Finance: alice, hank.
    const data = makeCleanedData({
      tasks: [{ user_id: 'alice', team: 'Finance', started_at: '2026-10-31T12:00:00Z' }],
      roster,
    });
    const row = computeMetrics(data, testConfig(), '2026-W44').tables.adoption_by_team.find((entry) => entry.team === 'Finance');
    expect(row).toMatchObject({ user_adoption_rate: 0.5, licensed_users: 2 });
  });

  it('is null when the team has no licensed roster row that month', () => {
    const data = makeCleanedData({ tasks: [{ user_id: 'zed', team: 'Ops', started_at: '2026-11-18T12:00:00Z' }], roster });
    const row = computeMetrics(data, testConfig(), '2026-W47').tables.adoption_by_team.find((entry) => entry.team === 'Ops');
    expect(row).toMatchObject({ user_adoption_rate: null, ai_users: 1, licensed_users: 0 });
  });
});
