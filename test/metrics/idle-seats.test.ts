import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, testConfig, type RosterSpec, type TaskSpec } from './make-cleaned-data.js';

// Roster month of 2026-W47 (16-22 Nov): November
const roster: RosterSpec[] = [
  ...['s1', 's2', 's3', 's4'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-11' })),
  { user_id: 's5', team: 'Finance', month: '2026-11' },
];
const ai = (user_id: string, started_at: string, team = 'Legal'): TaskSpec => ({ user_id, team, started_at });
const tasks: TaskSpec[] = [
  ai('s3', '2026-10-26T09:00:00Z'), // W44 only: idle and lapsed
  ai('l1', '2026-10-27T09:00:00Z', 'Sales'), // W44 only, not on the roster: lapsed in the team of its last task
  ai('s5', '2026-11-03T09:00:00Z', 'Finance'), // W45: before a 2-week window
  ai('s2', '2026-11-10T09:00:00Z'), // W46
  ai('s1', '2026-11-17T09:00:00Z'), // W47
  { user_id: 's4', team: 'Legal', status: 'abandoned', started_at: '2026-11-18T09:00:00Z' }, // s4: no AI task at all
];

const config = { people: { idleWeeks: 2 }, licences: { monthlyCost: 30 }, alerts: { idleSeatShare: 0.5 } };

describe('idle_seats', () => {
  const document = computeMetrics(makeCleanedData({ tasks, roster }), testConfig(config), '2026-W47');

  it('counts licensed users without an AI task in the last people.idleWeeks weeks, their cost, and lapsed users', () => {
    expect(document.tables.idle_seats.map((row) => [row.team, row.licensed_users, row.idle_seats, row.idle_share, row.idle_cost, row.lapsed_users])).toEqual([
      ['*', 5, 3, 0.6, 90, 3],
      ['Finance', 1, 1, 1, 30, 1],
      ['Legal', 4, 2, 0.5, 60, 1],
      ['Sales', 0, 0, null, 0, 1],
    ]);
  });

  it('alerts teams whose idle share reaches alerts.idleSeatShare', () => {
    expect(document.tables.alerts.filter((alert) => alert.rule === 'idle_seats').map((alert) => [alert.team, alert.severity, alert.message])).toEqual([
      ['Finance', 'medium', 'Finance: 1 of 1 licensed seats had no AI task in the 2 weeks to 2026-W47 (100.0 %, alert at 50.0 %)'],
      ['Legal', 'medium', 'Legal: 2 of 4 licensed seats had no AI task in the 2 weeks to 2026-W47 (50.0 %, alert at 50.0 %)'],
    ]);
  });

  it('has no cost without licences.monthlyCost, and a 4-week window by default', () => {
    const rows = computeMetrics(makeCleanedData({ tasks, roster }), testConfig(), '2026-W47').tables.idle_seats;
    // 4 weeks: W44..W47 holds every task, so only s4 is idle and nobody lapsed (Sales has neither seats nor lapsed users)
    expect(rows.map((row) => [row.team, row.idle_seats, row.idle_cost, row.lapsed_users])).toEqual([
      ['*', 1, null, 0],
      ['Finance', 0, null, 0],
      ['Legal', 1, null, 0],
    ]);
  });

  it('is blank, with a caveat, when the data starts after the window\'s first day', () => {
    const late = computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ people: { idleWeeks: 5 } }), '2026-W47');
    expect(late.tables.idle_seats[0]).toMatchObject({ team: '*', licensed_users: 5, idle_seats: null, idle_share: null, lapsed_users: null });
    expect(late.tables.people_caveats).toEqual([
      { caveat: 'no roster for 2026-10: licence figures are blank' }, // W44's roster month, from activation
      { caveat: 'the data starts after 2026-10-19, the first day of the 5-week idle window: idle seats and lapsed users are blank' },
    ]);
  });

  it('takes the longest window people.idleWeeks allows (520 weeks), blank with its caveat', () => {
    const long = computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ people: { idleWeeks: 520 } }), '2026-W47');
    expect(long.tables.idle_seats[0]).toMatchObject({ team: '*', licensed_users: 5, idle_seats: null, lapsed_users: null });
    expect(long.tables.people_caveats.at(-1)).toEqual({ caveat: 'the data starts after 2016-12-05, the first day of the 520-week idle window: idle seats and lapsed users are blank' });
  });

  it('suppresses teams with fewer people than privacy.minGroupSize', () => {
    const rows = computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ ...config, privacy: { minGroupSize: 2 } }), '2026-W47').tables.idle_seats;
    expect(rows.map((row) => [row.team, row.suppressed, row.idle_seats])).toEqual([
      ['*', false, 3],
      ['Finance', true, null],
      ['Legal', false, 2],
      ['Sales', true, null],
    ]);
  });
});
