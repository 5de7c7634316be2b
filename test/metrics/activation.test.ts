import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Row } from '../../src/metrics/kpi.js';
import { makeCleanedData, testConfig, type RosterSpec, type TaskSpec } from './make-cleaned-data.js';

// Licensed in October: a, b, c (Legal), d (Finance); e is listed unlicensed. November adds f (Finance).
const roster: RosterSpec[] = [
  ...['a', 'b', 'c'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-10' })),
  { user_id: 'd', team: 'Finance', month: '2026-10' },
  { user_id: 'e', team: 'Finance', month: '2026-10', licensed: false },
  ...['a', 'b', 'c'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-11' })),
  { user_id: 'd', team: 'Finance', month: '2026-11' },
  { user_id: 'f', team: 'Finance', month: '2026-11' },
];

const tasks: TaskSpec[] = [
  { user_id: 'a', team: 'Legal', started_at: '2026-10-05T09:00:00Z' }, // W41, 4.375 days after 1 Oct
  { user_id: 'e', team: 'Finance', started_at: '2026-10-06T09:00:00Z' }, // unlicensed: never counted
  { user_id: 'd', team: 'Finance', started_at: '2026-10-20T06:00:00Z' }, // W43, 19.25 days
  { user_id: 'd', team: 'Finance', status: 'abandoned', started_at: '2026-10-02T06:00:00Z' }, // not an AI task
  { user_id: 'a', team: 'Legal', started_at: '2026-11-03T09:00:00Z' }, // W45, not new
  { user_id: 'f', team: 'Finance', started_at: '2026-11-04T12:00:00Z' }, // W45, 3.5 days after 1 Nov
  { user_id: 'b', team: 'Legal', started_at: '2026-11-10T12:00:00Z' }, // W46, 40.5 days after 1 Oct
  { user_id: 'g', team: 'Legal', started_at: '2026-11-11T12:00:00Z' }, // not on the roster
];

// [team, licensed_users, new_ai_users, activation_rate, median_days_to_first_ai_task] of one period
function period(rows: Row[], grain: string, label: string): unknown[][] {
  return rows.filter((row) => row.grain === grain && row.period === label).map((row) => [row.team, row.licensed_users, row.new_ai_users, row.activation_rate, row.median_days_to_first_ai_task]);
}

describe('activation', () => {
  const rows = computeMetrics(makeCleanedData({ tasks, roster }), testConfig(), '2026-W46').tables.activation;

  it('counts licensed users whose first AI task falls in the month, against those not active before it', () => {
    expect(period(rows, 'month', '2026-10')).toEqual([
      ['*', 4, 2, 0.5, 11.8], // a and d of a, b, c, d; median of 4.375 and 19.25 days
      ['Finance', 1, 1, 1, 19.3],
      ['Legal', 3, 1, 1 / 3, 4.4],
    ]);
    expect(period(rows, 'month', '2026-11')).toEqual([
      ['*', 5, 2, 2 / 3, 22], // b and f; a and d were active before November
      ['Finance', 2, 1, 1, 3.5],
      ['Legal', 3, 1, 0.5, 40.5], // b's licence counts from October, its first listed month
    ]);
  });

  it('carries the rate\'s denominator, the licensed users with no AI task before the period, beside licensed_users', () => {
    const denominators = (grain: string, label: string) => rows.filter((row) => row.grain === grain && row.period === label).map((row) => [row.team, row.licensed_users, row.not_yet_active_users, row.new_ai_users]);
    // November: a and d were active before it, so 3 of the 5 licensed users (b, c, f) could start; 2 did (2 / 3)
    expect(denominators('month', '2026-11')).toEqual([['*', 5, 3, 2], ['Finance', 2, 1, 1], ['Legal', 3, 2, 1]]);
    expect(denominators('month', '2026-10')).toEqual([['*', 4, 4, 2], ['Finance', 1, 1, 1], ['Legal', 3, 3, 1]]);
    expect(denominators('week', '2026-W45')).toEqual([['*', 5, 3, 1], ['Finance', 2, 1, 1], ['Legal', 3, 2, 0]]);
  });

  it('runs its months up to the report week\'s month (its Thursday\'s), not into the month its Sunday reaches', () => {
    // 2026-W44 is Monday 26 October to Sunday 1 November: its month is October. c starts on that Sunday.
    const data = makeCleanedData({ tasks: [...tasks, { user_id: 'c', team: 'Legal', started_at: '2026-11-01T10:00:00Z' }], roster });
    const doc = computeMetrics(data, testConfig(), '2026-W44');
    expect([...new Set(doc.tables.activation.filter((row) => row.grain === 'month').map((row) => row.period))]).toEqual(['2026-10']);
    expect(period(doc.tables.activation, 'week', '2026-W44')).toEqual([['*', 4, 1, 0.5, 31.4], ['Finance', 1, 0, null, null], ['Legal', 3, 1, 0.5, 31.4]]);
    expect([...new Set(doc.tables.retention.map((row) => row.month))]).toEqual(['2026-10']);
  });

  it('lists every week holding tasks up to the report week, by the roster month of its Thursday', () => {
    expect(rows.filter((row) => row.grain === 'week' && row.team === '*').map((row) => row.period)).toEqual(['2026-W40', '2026-W41', '2026-W43', '2026-W45', '2026-W46']);
    expect(period(rows, 'week', '2026-W41')).toEqual([
      ['*', 4, 1, 0.25, 4.4],
      ['Finance', 1, 0, 0, null],
      ['Legal', 3, 1, 1 / 3, 4.4],
    ]);
    expect(period(rows, 'week', '2026-W45')).toEqual([
      ['*', 5, 1, 1 / 3, 3.5],
      ['Finance', 2, 1, 1, 3.5],
      ['Legal', 3, 0, 0, null],
    ]);
  });

  it('suppresses teams with fewer licensed users than privacy.minGroupSize, never the all-teams row', () => {
    const small = computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ privacy: { minGroupSize: 3 } }), '2026-W46').tables.activation;
    expect(small.filter((row) => row.period === '2026-11').map((row) => [row.team, row.suppressed, row.new_ai_users])).toEqual([
      ['*', false, 2],
      ['Finance', true, null],
      ['Legal', false, 1],
    ]);
    // a suppressed team's blank row is not a month missing from the roster
    expect(computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ privacy: { minGroupSize: 3 } }), '2026-W46').tables.people_caveats).toEqual([]);
  });

  it('leaves licence figures blank for a month the roster does not list, and says so', () => {
    const december = [...tasks, { user_id: 'a', team: 'Legal', started_at: '2026-12-01T09:00:00Z' }];
    const document = computeMetrics(makeCleanedData({ tasks: december, roster }), testConfig(), '2026-W49');
    expect(period(document.tables.activation, 'week', '2026-W49')).toEqual([['*', null, null, null, null]]);
    expect(period(document.tables.activation, 'month', '2026-12')).toEqual([['*', null, null, null, null]]);
    expect(document.tables.people_caveats).toEqual([{ caveat: 'no roster for 2026-12: licence figures are blank' }]);
  });
});
