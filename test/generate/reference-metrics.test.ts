import { describe, expect, it } from 'vitest';
import { computeReferenceTables, median, percentile, referenceBaselines } from '../../src/generate/reference-metrics.js';
import type { ReferenceRosterRow, ReferenceTask } from '../../src/generate/types.js';

const MINUTE = 60_000;
let serial = 0;
// One task at a UTC time; defaults describe a completed AI task of Finance's u1.
function task(at: string, overrides: Partial<ReferenceTask> = {}): ReferenceTask {
  return {
    source: 'ai_logs',
    taskId: `t${++serial}`,
    userId: 'u1',
    team: 'Finance',
    taskType: 'data_entry',
    startedAt: Date.parse(at),
    durationMs: 10 * MINUTE,
    status: 'completed',
    accuracy: null,
    harmful: null,
    ...overrides,
  };
}
const manual = (at: string, overrides: Partial<ReferenceTask> = {}): ReferenceTask =>
  task(at, { source: 'manual_logs', accuracy: null, harmful: null, ...overrides });
function rosterRow(userId: string, team: string, month: string, licensed: boolean, aiTasksTotal: number): ReferenceRosterRow {
  return { userId, team, month, timezone: 'UTC', licensed, tasksTotal: aiTasksTotal, aiTasksTotal };
}

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([40, 10, 60, 20])).toBe(30);
    expect(median([])).toBeNull();
  });
  it('interpolates percentiles linearly like numpy', () => {
    // positions: (5 - 1) * 0.99 = 3.96 -> 4 + 0.96 * (100 - 4) = 96.16
    expect(percentile([1, 2, 3, 4, 100], 0.99)).toBeCloseTo(96.16, 10);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe('computeReferenceTables', () => {
  // Report week 2026-W44 is Mon Oct 26 .. Sun Nov 1; its Thursday (Oct 29) picks the October roster.
  const previousWeek = [
    task('2026-10-19T09:00:00Z'),
    manual('2026-10-19T10:00:00Z', { durationMs: 10 * MINUTE }),
    manual('2026-10-20T10:00:00Z', { durationMs: 20 * MINUTE }),
    manual('2026-10-21T10:00:00Z', { durationMs: null }),
  ];
  const reportWeek = [
    task('2026-10-26T09:00:00Z', { durationMs: 12 * MINUTE, accuracy: 0.95, harmful: true }),
    task('2026-10-27T09:00:00Z', { durationMs: null, accuracy: 0.5 }),
    task('2026-10-28T09:00:00Z', { userId: 'u2', durationMs: 2 * MINUTE }),
    task('2026-10-28T11:00:00Z', { userId: 'u2', status: 'abandoned' }),
    manual('2026-10-29T10:00:00Z', { userId: 'u3', durationMs: 40 * MINUTE }),
    manual('2026-10-30T10:00:00Z', { userId: 'u3', durationMs: 60 * MINUTE }),
    task('2026-11-01T23:30:00Z', { userId: 'u4', team: 'Legal', taskType: 'contract_review' }),
  ];
  const afterReport = [manual('2026-11-02T10:00:00Z', { durationMs: 600 * MINUTE })];
  const tasks = [...previousWeek, ...reportWeek, ...afterReport];
  const roster = [
    rosterRow('u1', 'Finance', '2026-10', true, 10),
    rosterRow('u2', 'Finance', '2026-10', true, 3),
    rosterRow('u3', 'Finance', '2026-10', false, 0),
    rosterRow('u5', 'Finance', '2026-10', true, 0),
    rosterRow('u4', 'Legal', '2026-10', true, 1),
    rosterRow('u1', 'Finance', '2026-11', false, 0),
  ];
  const tables = computeReferenceTables(tasks, roster, '2026-W44');

  it('computes adoption, delta, user adoption and the extra columns per team, "*" first', () => {
    const finance = tables.adoption_by_team.find((row) => row.team === 'Finance')!;
    // report week: 3 completed AI (u1 x2, u2), 2 manual (u3) -> 3/5; previous: 1 AI, 3 manual -> 1/4
    expect(finance).toEqual({
      team: 'Finance',
      ai_tasks: 3,
      manual_tasks: 2,
      adoption_rate: 0.6,
      delta_pts: 100 * (0.6 - 0.25),
      // u1 and u2 used AI; licensed in October: u1, u2, u5
      user_adoption_rate: 2 / 3,
      abandonment_rate: 1 / 4,
      // u1 2/2, u2 1/1, u3 0/2
      user_weighted_adoption_rate: (1 + 1 + 0) / 3,
      users: 3,
    });
    expect(tables.adoption_by_team.map((row) => row.team)).toEqual(['*', 'Finance', 'Legal']);
    const all = tables.adoption_by_team[0];
    expect(all.ai_tasks).toBe(4);
    expect(all.user_adoption_rate).toBe(3 / 4);
    // the previous week has no Legal task, so Legal's delta is null
    expect(tables.adoption_by_team[2].delta_pts).toBeNull();
  });

  it('takes the baseline as the median of manual minutes up to the report week and applies it to every week', () => {
    // data_entry manual minutes up to W44: 10, 20, 40, 60 (null skipped, 600 starts after W44)
    expect(referenceBaselines(tasks, '2026-W44').get('data_entry')).toBe(30);
    expect(referenceBaselines(tasks, '2026-W45').get('data_entry')).toBe(40);
    const saved = tables.time_saved.filter((row) => row.team === 'Finance');
    // W43: one AI task of 10 min -> (30 - 10) / 60; W44: 12 and 2 min (the null duration is skipped)
    expect(saved.map((row) => row.week)).toEqual(['2026-W43', '2026-W44']);
    expect(saved[0].hours_saved).toBeCloseTo(20 / 60, 12);
    expect(saved[1].hours_saved).toBeCloseTo((30 - 12) / 60 + (30 - 2) / 60, 12);
    expect(saved[1].cumulative_hours_saved).toBeCloseTo(20 / 60 + 18 / 60 + 28 / 60, 12);
    // contract_review has no manual task, so Legal saves nothing
    expect(tables.time_saved.find((row) => row.team === 'Legal')!.hours_saved).toBe(0);
  });

  it('counts harm and accuracy stability on completed AI tasks only', () => {
    expect(tables.harm[0]).toEqual({ team: '*', ai_tasks: 4, harmful: 1, harm_rate: 0.25 });
    const october = tables.accuracy_stability.filter((row) => row.month === '2026-10');
    expect(october).toEqual([
      { month: '2026-10', team: '*', evaluated: 2, above_target: 1, asi: 0.5 },
      { month: '2026-10', team: 'Finance', evaluated: 2, above_target: 1, asi: 0.5 },
    ]);
  });

  it('lists adoption by task type with team "*"', () => {
    expect(tables.adoption_by_task_type.map((row) => [row.task_type, row.team, row.ai_tasks, row.manual_tasks])).toEqual([
      ['contract_review', '*', 1, 0],
      ['data_entry', '*', 3, 2],
    ]);
  });
});

describe('gaps: zero tasks on a date whose same-weekday median is at least 5', () => {
  // Three Mondays: Nov 2, 9, 16 (report week 2026-W47 holds Nov 16). Legal has 6, 6, 0; HR has 6, 0, 0.
  const tasks: ReferenceTask[] = [];
  for (const [date, legal, hr] of [['2026-11-02', 6, 6], ['2026-11-09', 6, 0], ['2026-11-16', 0, 0]] as const) {
    for (let index = 0; index < legal; index++) tasks.push(task(`${date}T0${index}:00:00Z`, { team: 'Legal', userId: `l${index}` }));
    for (let index = 0; index < hr; index++) tasks.push(task(`${date}T0${index}:00:00Z`, { team: 'HR', userId: `h${index}` }));
  }
  tasks.push(manual('2026-11-22T10:00:00Z', { team: 'Legal' }));

  it('flags Legal (median 6) but not HR (median 0), and only AI logs', () => {
    const tables = computeReferenceTables(tasks, [], '2026-W47');
    expect(tables.gaps).toEqual([{ source: 'ai_logs', team: 'Legal', date: '2026-11-16' }]);
  });

  it('counts zero-count days in the median', () => {
    // Drop one Legal Monday to 0: medians of [6, 0, 0] = 0, no gap anywhere.
    const fewer = tasks.filter((candidate) => !(candidate.team === 'Legal' && new Date(candidate.startedAt).toISOString().startsWith('2026-11-09')));
    expect(computeReferenceTables(fewer, [], '2026-W47').gaps).toEqual([]);
  });
});

describe('logging coverage', () => {
  it('lists only months fully inside the loaded dates and ended by the report Sunday', () => {
    const tasks = [
      task('2026-09-28T09:00:00Z'),
      ...Array.from({ length: 7 }, (_, day) => task(`2026-10-0${day + 1}T09:00:00Z`, { userId: 'u2' })),
      task('2026-10-15T09:00:00Z', { userId: 'u3', status: 'error' }),
      task('2026-11-22T09:00:00Z'),
    ];
    const roster = [
      rosterRow('u2', 'Finance', '2026-10', true, 10),
      rosterRow('u3', 'Finance', '2026-10', true, 0),
      rosterRow('u4', 'Finance', '2026-10', true, 2),
      rosterRow('u2', 'Finance', '2026-11', true, 50),
    ];
    const tables = computeReferenceTables(tasks, roster, '2026-W47');
    // September starts before the first loaded date; November ends after Nov 22
    expect(tables.logging_coverage).toEqual([
      { month: '2026-10', user_id: 'u2', logged_ai_tasks: 7, reported_ai_tasks: 10, coverage: 0.7, flagged: true },
      { month: '2026-10', user_id: 'u4', logged_ai_tasks: 0, reported_ai_tasks: 2, coverage: 0, flagged: true },
    ]);
    // a report week ending before October does not list October
    expect(computeReferenceTables(tasks, roster, '2026-W43').logging_coverage).toEqual([]);
  });
});

describe('power users', () => {
  it('flags users above the 99th percentile of weekly AI-task counts', () => {
    const tasks: ReferenceTask[] = [];
    // 20 user-weeks of 2 tasks in W46, and u9 with 9 tasks in W47
    for (let user = 0; user < 20; user++) {
      for (let index = 0; index < 2; index++) tasks.push(task(`2026-11-1${index}T0${index}:00:00Z`, { userId: `v${user}` }));
    }
    for (let index = 0; index < 9; index++) tasks.push(task(`2026-11-17T0${index}:00:00Z`, { userId: 'u9', team: 'HR' }));
    tasks.push(task('2026-11-18T09:00:00Z', { userId: 'v1' }));
    // counts: twenty 2s, one 9, one 1 -> p99 at position 20.79 of sorted [1, 2 x20, 9]: 2 + 0.79 * 7 = 7.53
    expect(computeReferenceTables(tasks, [], '2026-W47').power_users).toEqual([{ week: '2026-W47', user_id: 'u9', team: 'HR', ai_tasks: 9 }]);
  });
});
