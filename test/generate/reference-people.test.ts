import { describe, expect, it } from 'vitest';
import { computeReferencePeople } from '../../src/generate/reference-people.js';
import type { ReferenceRosterRow, ReferenceTask } from '../../src/generate/types.js';

// A tiny organisation whose people KPIs were worked out by hand from the lead's definitions.
// a (Finance): licensed Sep-Nov, AI tasks Sep 2, Oct 5, six on Nov 24.
// b (Finance): no roster row in Sep, unlicensed in Oct, licensed in Nov; first AI task Nov 11 12:00, two on Nov 24.
// c (Legal): licensed Sep-Nov, manual work only (an idle seat).
// d (Legal): licensed Sep-Nov, AI tasks Sep 15 and Oct 6 only (lapsed).
// e: no roster row at all, one AI task on Nov 26 logged under team Ops.
const roster: ReferenceRosterRow[] = [
  ...['2026-09', '2026-10', '2026-11'].flatMap((month) => [
    { userId: 'a', team: 'Finance', month, timezone: 'UTC', licensed: true, tasksTotal: null, aiTasksTotal: null },
    { userId: 'c', team: 'Legal', month, timezone: 'UTC', licensed: true, tasksTotal: null, aiTasksTotal: null },
    { userId: 'd', team: 'Legal', month, timezone: 'UTC', licensed: true, tasksTotal: null, aiTasksTotal: null },
  ]),
  { userId: 'b', team: 'Finance', month: '2026-10', timezone: 'UTC', licensed: false, tasksTotal: null, aiTasksTotal: null },
  { userId: 'b', team: 'Finance', month: '2026-11', timezone: 'UTC', licensed: true, tasksTotal: null, aiTasksTotal: null },
];
let serial = 0;
const task = (userId: string, team: string, at: string, source: 'ai_logs' | 'manual_logs' = 'ai_logs', status: 'completed' | 'abandoned' = 'completed'): ReferenceTask => ({
  source,
  taskId: `t${++serial}`,
  userId,
  team,
  taskType: 'report_drafting',
  startedAt: Date.parse(at),
  durationMs: 60_000,
  status,
  accuracy: null,
  harmful: null,
});
const tasks: ReferenceTask[] = [
  task('c', 'Legal', '2026-09-01T09:00:00Z', 'manual_logs'),
  task('a', 'Finance', '2026-09-02T10:00:00Z'),
  task('d', 'Legal', '2026-09-15T00:00:00Z'),
  task('a', 'Finance', '2026-10-05T10:00:00Z'),
  task('d', 'Legal', '2026-10-06T00:00:00Z'),
  task('b', 'Finance', '2026-11-11T12:00:00Z'),
  ...[1, 2, 3, 4, 5, 6].map((hour) => task('a', 'Finance', `2026-11-24T0${hour}:00:00Z`)),
  task('a', 'Finance', '2026-11-25T10:00:00Z', 'ai_logs', 'abandoned'),
  task('b', 'Finance', '2026-11-24T10:00:00Z'),
  task('b', 'Finance', '2026-11-24T11:00:00Z'),
  task('e', 'Ops', '2026-11-26T08:00:00Z'),
];
const people = computeReferencePeople(tasks, roster, '2026-W48');

describe('computeReferencePeople', () => {
  it('activation: licensed users whose first AI task falls in the period, over those without one before it', () => {
    const week46 = people.activation_by_week.filter((row) => row.week === '2026-W46');
    expect(week46).toEqual([
      { week: '2026-W46', team: '*', licensed_users: 4, new_ai_users: 1, activation_rate: 0.5, median_days_to_first_ai_task: 10.5 },
      { week: '2026-W46', team: 'Finance', licensed_users: 2, new_ai_users: 1, activation_rate: 1, median_days_to_first_ai_task: 10.5 },
      { week: '2026-W46', team: 'Legal', licensed_users: 2, new_ai_users: 0, activation_rate: 0, median_days_to_first_ai_task: null },
    ]);
    expect(people.activation_by_week.map((row) => row.week)[0]).toBe('2026-W36');
    const star = (month: string) => people.activation_by_month.find((row) => row.month === month && row.team === '*');
    // a after 1.42 days, d after 14 days: median 7.7
    expect(star('2026-09')).toEqual({ month: '2026-09', team: '*', licensed_users: 3, new_ai_users: 2, activation_rate: 2 / 3, median_days_to_first_ai_task: 7.7 });
    expect(star('2026-10')).toEqual({ month: '2026-10', team: '*', licensed_users: 3, new_ai_users: 0, activation_rate: 0, median_days_to_first_ai_task: null });
    expect(star('2026-11')).toEqual({ month: '2026-11', team: '*', licensed_users: 4, new_ai_users: 1, activation_rate: 0.5, median_days_to_first_ai_task: 10.5 });
    // e's first AI task is in the report week, but e is not licensed
    expect(people.new_ai_users_report_week).toEqual([]);
  });

  it('retention: cohorts by first AI month, null for a month not fully loaded', () => {
    expect(people.retention).toEqual([
      { cohort_month: '2026-09', team: '*', cohort_users: 2, retained_m1: 1, retained_m2: null },
      { cohort_month: '2026-09', team: 'Finance', cohort_users: 1, retained_m1: 1, retained_m2: null },
      { cohort_month: '2026-09', team: 'Legal', cohort_users: 1, retained_m1: 1, retained_m2: null },
      { cohort_month: '2026-10', team: '*', cohort_users: 0, retained_m1: null, retained_m2: null },
      { cohort_month: '2026-11', team: '*', cohort_users: 2, retained_m1: null, retained_m2: null },
      { cohort_month: '2026-11', team: 'Finance', cohort_users: 1, retained_m1: null, retained_m2: null },
      { cohort_month: '2026-11', team: 'Ops', cohort_users: 1, retained_m1: null, retained_m2: null },
    ]);
    expect(people.active_retention.filter((row) => row.team === '*')).toEqual([
      { month: '2026-09', team: '*', active_users: 2, retained_users: 2, active_retention: 1 },
      { month: '2026-10', team: '*', active_users: 2, retained_users: null, active_retention: null },
      { month: '2026-11', team: '*', active_users: 3, retained_users: null, active_retention: null },
    ]);
  });

  it('usage tiers: licensed users plus anyone with an AI task, by AI tasks that week', () => {
    const week48 = people.usage_tiers.filter((row) => row.week === '2026-W48');
    expect(week48.map(({ team, people: count, none, light, moderate, heavy }) => ({ team, count, none, light, moderate, heavy }))).toEqual([
      { team: '*', count: 5, none: 2, light: 2, moderate: 1, heavy: 0 },
      { team: 'Finance', count: 2, none: 0, light: 1, moderate: 1, heavy: 0 },
      { team: 'Legal', count: 2, none: 2, light: 0, moderate: 0, heavy: 0 },
      { team: 'Ops', count: 1, none: 0, light: 1, moderate: 0, heavy: 0 },
    ]);
    expect(week48[0]).toMatchObject({ none_share: 0.4, light_share: 0.4, moderate_share: 0.2, heavy_share: 0 });
    // in W41 (roster month October) b is not licensed, so not counted
    expect(people.usage_tiers.find((row) => row.week === '2026-W41' && row.team === '*')).toMatchObject({ people: 3, none: 1, light: 2 });
  });

  it('idle seats and lapsed users over the last four weeks', () => {
    expect(people.idle_window).toEqual({ first_week: '2026-W45', last_week: '2026-W48' });
    expect(people.idle_seats).toEqual([
      { week: '2026-W48', team: '*', licensed_users: 4, idle_seats: 2, idle_share: 0.5, idle_cost: null, lapsed_users: 1 },
      { week: '2026-W48', team: 'Finance', licensed_users: 2, idle_seats: 0, idle_share: 0, idle_cost: null, lapsed_users: 0 },
      { week: '2026-W48', team: 'Legal', licensed_users: 2, idle_seats: 2, idle_share: 1, idle_cost: null, lapsed_users: 1 },
    ]);
    expect(people.idle_seat_users).toEqual(['c', 'd']);
    expect(people.lapsed_users).toEqual(['d']);
  });

  it('gives null licence figures for a month the roster lacks, and names the month', () => {
    const december = computeReferencePeople([...tasks, task('a', 'Finance', '2026-12-01T09:00:00Z')], roster, '2026-W49');
    expect(december.roster_missing_months).toEqual(['2026-12']);
    expect(december.idle_seats[0]).toMatchObject({ team: '*', licensed_users: null, idle_seats: null, idle_share: null });
    expect(december.activation_by_week.filter((row) => row.week === '2026-W49')).toEqual([
      { week: '2026-W49', team: '*', licensed_users: null, new_ai_users: null, activation_rate: null, median_days_to_first_ai_task: null },
      { week: '2026-W49', team: 'Finance', licensed_users: null, new_ai_users: null, activation_rate: null, median_days_to_first_ai_task: null },
    ]);
    // usage tiers: who is licensed is unknown, so no "none" count and no shares; a's AI task still counts
    expect(december.usage_tiers.filter((row) => row.week === '2026-W49')[0]).toMatchObject({ team: '*', people: null, none: null, light: 1, moderate: 0, heavy: 0, light_share: null });
    expect(people.roster_missing_months).toEqual([]);
  });
});
