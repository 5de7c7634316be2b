import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';

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
});
