import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, testConfig, type TaskSpec } from './make-cleaned-data.js';

// W46 = Nov 9..15, W47 = Nov 16..22 (2026), W48 starts Nov 23.
const tasks: TaskSpec[] = [
  // manual baselines: drafting 10, 20, 40 (median 20); review 30, 50 (median 40)
  { source: 'manual_logs', user_id: 'm1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-10T09:00:00Z', duration_min: 10 },
  { source: 'manual_logs', user_id: 'm2', team: 'Legal', task_type: 'drafting', started_at: '2026-11-17T09:00:00Z', duration_min: 20 },
  { source: 'manual_logs', user_id: 'm1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-22T23:00:00Z', duration_min: 40 },
  { source: 'manual_logs', user_id: 'm2', team: 'Legal', task_type: 'review', started_at: '2026-11-11T09:00:00Z', duration_min: 30 },
  { source: 'manual_logs', user_id: 'm1', team: 'Finance', task_type: 'review', started_at: '2026-11-18T09:00:00Z', duration_min: 50 },
  // not in the baseline: no duration; after the report week
  { source: 'manual_logs', user_id: 'm1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-18T09:00:00Z', duration_min: null },
  { source: 'manual_logs', user_id: 'm1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-23T09:00:00Z', duration_min: 100 },
  // AI tasks
  { user_id: 'a1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-10T10:00:00Z', duration_min: 5 }, // +0.25 h
  { user_id: 'a1', team: 'Finance', task_type: 'review', started_at: '2026-11-12T10:00:00Z', duration_min: 70 }, // -0.5 h
  { user_id: 'a2', team: 'Legal', task_type: 'drafting', status: 'abandoned', started_at: '2026-11-13T10:00:00Z', duration_min: 5 },
  { user_id: 'a1', team: 'Finance', task_type: 'drafting', started_at: '2026-11-17T10:00:00Z', duration_min: null },
  { user_id: 'a2', team: 'Legal', task_type: 'coding', started_at: '2026-11-17T11:00:00Z', duration_min: 10 }, // no baseline
  { user_id: 'a2', team: 'Legal', task_type: 'drafting', started_at: '2026-11-18T11:00:00Z', duration_min: 14 }, // +0.1 h
  { user_id: 'a3', team: null, task_type: 'drafting', started_at: '2026-11-19T11:00:00Z', duration_min: 8 }, // +0.2 h, "*" only
];

const document = computeMetrics(makeCleanedData({ tasks }), testConfig(), '2026-W47');

describe('baselines', () => {
  it('is the median manual duration per type up to the end of the report week', () => {
    expect(document.tables.baselines).toEqual([
      { task_type: 'drafting', baseline_min: 20, manual_tasks_with_duration: 3 },
      { task_type: 'review', baseline_min: 40, manual_tasks_with_duration: 2 },
    ]);
  });
});

describe('time_saved', () => {
  it('sums (baseline - duration) / 60 over completed AI tasks with a duration, unclamped', () => {
    const rows = document.tables.time_saved.map((row) => [row.week, row.team, row.hours_saved, row.cumulative_hours_saved]);
    const expected = [
      ['2026-W46', '*', 0.25 - 0.5, 0.25 - 0.5],
      ['2026-W46', 'Finance', 0.25 - 0.5, 0.25 - 0.5],
      ['2026-W46', 'Legal', 0, 0],
      ['2026-W47', '*', 0.1 + 0.2, 0.25 - 0.5 + 0.1 + 0.2],
      ['2026-W47', 'Finance', 0, 0.25 - 0.5],
      ['2026-W47', 'Legal', 0.1, 0.1],
    ];
    expect(rows.map((row) => [row[0], row[1]])).toEqual(expected.map((row) => [row[0], row[1]]));
    rows.forEach((row, index) => {
      expect(row[2]).toBeCloseTo(expected[index][2] as number, 12);
      expect(row[3]).toBeCloseTo(expected[index][3] as number, 12);
    });
    expect(document.tables.time_saved.map((row) => row.timed_ai_tasks)).toEqual([2, 2, 0, 2, 0, 1]);
  });

  it('uses one baseline for every week: reporting W46 gives a different baseline', () => {
    const earlier = computeMetrics(makeCleanedData({ tasks }), testConfig(), '2026-W46');
    // up to W46: drafting {10} -> 10; review {30} -> 30. W46 Finance: (10-5)/60 + (30-70)/60
    expect(earlier.tables.baselines).toEqual([
      { task_type: 'drafting', baseline_min: 10, manual_tasks_with_duration: 1 },
      { task_type: 'review', baseline_min: 30, manual_tasks_with_duration: 1 },
    ]);
    const finance = earlier.tables.time_saved.find((row) => row.team === 'Finance');
    expect(finance?.hours_saved).toBeCloseTo(5 / 60 - 40 / 60, 12);
    expect(earlier.tables.time_saved.map((row) => row.week)).toEqual(['2026-W46', '2026-W46', '2026-W46']);
  });
});
