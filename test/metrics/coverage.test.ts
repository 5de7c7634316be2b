import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';
import { AI_HEADER, clean } from '../helpers/clean.js';
import { csv, ROSTER_HEADER } from '../helpers/input-folder.js';

const october: TaskSpec[] = [
  ...repeat(3, { user_id: 'alice', team: 'Finance', started_at: '2026-10-05T09:00:00Z' }),
  { user_id: 'alice', team: 'Finance', status: 'abandoned', started_at: '2026-10-06T09:00:00Z' },
  ...repeat(2, { user_id: 'bob', team: 'Finance', started_at: '2026-10-07T09:00:00Z' }),
  { user_id: 'dave', team: 'Legal', started_at: '2026-10-08T09:00:00Z' },
  ...repeat(2, { user_id: 'erin', team: 'Legal', started_at: '2026-10-09T09:00:00Z' }),
  ...repeat(2, { user_id: 'greg', team: 'Legal', started_at: '2026-10-09T09:00:00Z' }),
];

const roster = [
  { user_id: 'alice', team: 'Finance', month: '2026-10', ai_tasks_total: 4 },
  { user_id: 'bob', team: 'Finance', month: '2026-10', ai_tasks_total: 2 },
  { user_id: 'carol', team: 'Finance', month: '2026-10', ai_tasks_total: 0 },
  { user_id: 'dave', team: 'Legal', month: '2026-10', ai_tasks_total: null },
  { user_id: 'erin', team: 'Legal', month: '2026-10', ai_tasks_total: 0 },
  { user_id: 'frank', team: 'Legal', month: '2026-10', ai_tasks_total: 5 },
  { user_id: 'alice', team: 'Finance', month: '2026-09', ai_tasks_total: 9 },
  { user_id: 'alice', team: 'Finance', month: '2026-11', ai_tasks_total: 9 },
];

describe('logging_coverage', () => {
  it('covers months fully inside the loaded dates, per roster user with a total or a logged task', () => {
    // loaded 2026-09-15 .. 2026-11-20: only October is complete
    const data = makeCleanedData({
      tasks: [
        { user_id: 'alice', team: 'Finance', started_at: '2026-09-15T09:00:00Z' },
        ...october,
        { user_id: 'alice', team: 'Finance', started_at: '2026-11-20T09:00:00Z' },
      ],
      roster,
    });
    const rows = computeMetrics(data, testConfig(), '2026-W47').tables.logging_coverage;
    expect(rows).toEqual([
      { month: '2026-10', user_id: 'alice', team: 'Finance', logged_ai_tasks: 3, reported_ai_tasks: 4, coverage: 0.75, flagged: true },
      { month: '2026-10', user_id: 'bob', team: 'Finance', logged_ai_tasks: 2, reported_ai_tasks: 2, coverage: 1, flagged: false },
      { month: '2026-10', user_id: 'dave', team: 'Legal', logged_ai_tasks: 1, reported_ai_tasks: null, coverage: null, flagged: false },
      { month: '2026-10', user_id: 'erin', team: 'Legal', logged_ai_tasks: 2, reported_ai_tasks: 0, coverage: null, flagged: false },
      { month: '2026-10', user_id: 'frank', team: 'Legal', logged_ai_tasks: 0, reported_ai_tasks: 5, coverage: 0, flagged: true },
    ]);
  });

  it('leaves out months ending after the report week\'s Sunday, and honours the threshold', () => {
    // loaded 2026-10-01 .. 2026-12-05; report W44 (Oct 26 .. Nov 1): November ends after Nov 1
    const data = makeCleanedData({
      tasks: [
        { user_id: 'alice', team: 'Finance', started_at: '2026-10-01T09:00:00Z' },
        ...october,
        { user_id: 'alice', team: 'Finance', started_at: '2026-10-28T09:00:00Z' },
        { user_id: 'alice', team: 'Finance', started_at: '2026-12-05T09:00:00Z' },
      ],
      roster,
    });
    const rows = computeMetrics(data, testConfig({ metrics: { coverageThreshold: 0.5 } }), '2026-W44').tables.logging_coverage;
    expect(rows.map((row) => row.month)).toEqual(['2026-10', '2026-10', '2026-10', '2026-10', '2026-10']);
    // alice now logged 1 + 3 + 1 = 5 of 4 reported
    expect(rows[0]).toMatchObject({ user_id: 'alice', logged_ai_tasks: 5, coverage: 1.25, flagged: false });
    expect(rows.filter((row) => row.flagged).map((row) => row.user_id)).toEqual(['frank']);
  });

  // A roster total of -5 or 0.5 once became coverage -0.2 or 2: such a count is unreadable, as `abc` is
  it('a roster ai_tasks_total that is negative or not whole is unreadable: no coverage rate from it', async () => {
    const row = (id: string, user: string, day: string) => `${id},${user},Finance,report,2026-10-${day}T09:00:00Z,,done,,,`;
    const { data } = await clean({
      'ai_logs_2026-10.csv': csv(AI_HEADER, row('a1', 'u1', '01'), row('b1', 'u2', '01'), row('c1', 'u3', '01'), row('c2', 'u3', '31'), row('d1', 'u4', '02'), row('e1', 'u5', '03')),
      'user_monthly_summary_2026-10.csv': csv(ROSTER_HEADER,
        'u1,Finance,2026-10,UTC,yes,-10,-5', 'u2,Finance,2026-10,UTC,yes,10.5,0.5', 'u3,Finance,2026-10,UTC,yes,1e1,4', 'u4,Finance,2026-10,UTC,yes,-0,abc', 'u5,Finance,2026-10,UTC,yes,9007199254740993,2.0'),
    });
    expect(data.repairs).toMatchObject({ unreadable_tasks_total: 3, unreadable_ai_tasks_total: 3 });
    expect((data.roster.objects() as Array<Record<string, unknown>>).map((entry) => [entry.user_id, entry.tasks_total, entry.ai_tasks_total])).toEqual([
      ['u1', null, null], ['u2', null, null], ['u3', 10, 4], ['u4', 0, null], ['u5', null, 2],
    ]);
    const rows = computeMetrics(data, testConfig(), '2026-W44').tables.logging_coverage;
    expect(rows.map((entry) => [entry.user_id, entry.logged_ai_tasks, entry.reported_ai_tasks, entry.coverage, entry.flagged])).toEqual([
      ['u1', 1, null, null, false], ['u2', 1, null, null, false], ['u3', 2, 4, 0.5, true], ['u4', 1, null, null, false], ['u5', 1, 2, 0.5, true],
    ]);
  });
});
