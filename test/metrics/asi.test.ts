import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { isAboveTarget, isEvaluatedAiTask } from '../../src/metrics/asi.js';
import { makeCleanedData, testConfig, type TaskSpec } from './make-cleaned-data.js';

const tasks: TaskSpec[] = [
  { user_id: 'a', team: 'Finance', started_at: '2026-09-10T09:00:00Z', accuracy: 0.95 },
  { source: 'manual_logs', user_id: 'a', team: 'Finance', started_at: '2026-10-10T09:00:00Z' },
  { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z', accuracy: 0.9 }, // at target: above
  { user_id: 'a', team: 'Finance', started_at: '2026-11-17T09:00:00Z', accuracy: 0.85 },
  { user_id: 'a', team: 'Finance', started_at: '2026-11-17T10:00:00Z', accuracy: null }, // not evaluated
  { user_id: 'a', team: 'Finance', started_at: '2026-11-17T11:00:00Z', accuracy: 0.99, status: 'abandoned' }, // not an AI task
  { user_id: 'b', team: 'Legal', started_at: '2026-11-18T09:00:00Z', accuracy: 0.5 },
  { user_id: 'c', team: null, started_at: '2026-11-18T09:00:00Z', accuracy: 0.99 },
  { user_id: 'a', team: 'Finance', started_at: '2026-11-25T09:00:00Z', accuracy: 0.95 }, // same month, after the week
  { user_id: 'a', team: 'Finance', started_at: '2026-12-01T09:00:00Z', accuracy: 0.1 }, // later month
];

describe('accuracy_stability', () => {
  it('the rules: evaluated is an AI task with an accuracy; above target is evaluated and at or above the target', () => {
    expect([isEvaluatedAiTask(true, 0), isEvaluatedAiTask(true, null), isEvaluatedAiTask(false, 0.5)]).toEqual([true, false, false]);
    expect([isAboveTarget(true, 0.9, 0.9), isAboveTarget(true, 0.89, 0.9), isAboveTarget(false, 1, 0.9), isAboveTarget(true, null, 0)]).toEqual([true, false, false, false]);
  });

  it('per month from the first evaluated month to the report week\'s month, "*" every month', () => {
    const document = computeMetrics(makeCleanedData({ tasks }), testConfig(), '2026-W47');
    const rows = document.tables.accuracy_stability.map(({ month, team, evaluated, above_target }) => ({ month, team, evaluated, above_target }));
    expect(rows).toEqual([
      { month: '2026-09', team: '*', evaluated: 1, above_target: 1 },
      { month: '2026-09', team: 'Finance', evaluated: 1, above_target: 1 },
      { month: '2026-10', team: '*', evaluated: 0, above_target: 0 },
      { month: '2026-11', team: '*', evaluated: 5, above_target: 3 },
      { month: '2026-11', team: 'Finance', evaluated: 3, above_target: 2 },
      { month: '2026-11', team: 'Legal', evaluated: 1, above_target: 0 },
    ]);
    expect(document.tables.accuracy_stability.map((row) => row.asi)).toEqual([1, 1, null, 3 / 5, 2 / 3, 0]);
  });

  it('honours a configured target and the report time zone', () => {
    // 2026-10-01T02:00Z is still September 30 in New York
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '2026-10-01T02:00:00Z', accuracy: 0.8 },
        { user_id: 'a', team: 'Finance', started_at: '2026-10-02T12:00:00Z', accuracy: 0.7 },
      ],
    });
    const document = computeMetrics(data, testConfig({ timezone: 'America/New_York', metrics: { accuracyTarget: 0.75 } }), '2026-W40');
    expect(document.tables.accuracy_stability.filter((row) => row.team === '*').map((row) => [row.month, row.evaluated, row.asi])).toEqual([
      ['2026-09', 1, 1],
      ['2026-10', 1, 0],
    ]);
  });
});
