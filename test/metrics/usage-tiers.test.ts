import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type RosterSpec, type TaskSpec } from './make-cleaned-data.js';

const roster: RosterSpec[] = [
  { user_id: 'h', team: 'Legal', month: '2026-10' },
  ...['a', 'b', 'c'].map((user_id) => ({ user_id, team: 'Legal', month: '2026-11' })),
  { user_id: 'd', team: 'Finance', month: '2026-11' },
  { user_id: 'h', team: 'Finance', month: '2026-11' }, // changed team in November
  { user_id: 'x', team: 'Finance', month: '2026-11', licensed: false },
];

const tasks: TaskSpec[] = [
  { user_id: 'h', team: 'Legal', started_at: '2026-10-27T09:00:00Z' }, // W44: roster month October (Thursday 29 Oct)
  { user_id: 'a', team: 'Legal', started_at: '2026-11-10T09:00:00Z' }, // W46 from here: 1 task, light
  ...repeat(3, { user_id: 'b', team: 'Legal', started_at: '2026-11-11T09:00:00Z' }), // moderate
  { user_id: 'b', team: 'Legal', status: 'error', started_at: '2026-11-11T10:00:00Z' }, // not counted
  ...repeat(5, { user_id: 'd', team: 'Finance', started_at: '2026-11-12T09:00:00Z' }), // heavy
  ...repeat(2, { user_id: 'h', team: 'Legal', started_at: '2026-11-12T09:00:00Z' }), // light, in Finance (roster)
  ...repeat(2, { user_id: 'x', team: 'Finance', started_at: '2026-11-12T09:00:00Z' }), // unlicensed but active: light
  { user_id: 'g', team: 'Sales', started_at: '2026-11-13T09:00:00Z' }, // not on the roster: light, team of the task
  { source: 'manual_logs', user_id: 'c', team: 'Legal', started_at: '2026-11-13T09:00:00Z' }, // c: none
];

const config = { people: { tiers: { light: 2, moderate: 4 } } };

describe('usage_tiers', () => {
  it('puts licensed users and AI users of the week in none / light / moderate / heavy by their AI tasks', () => {
    const rows = computeMetrics(makeCleanedData({ tasks, roster }), testConfig(config), '2026-W46').tables.usage_tiers;
    expect(rows.map((row) => [row.week, row.team, row.people, row.none, row.light, row.moderate, row.heavy])).toEqual([
      ['2026-W44', '*', 1, 0, 1, 0, 0],
      ['2026-W44', 'Legal', 1, 0, 1, 0, 0],
      ['2026-W46', '*', 7, 1, 4, 1, 1],
      ['2026-W46', 'Finance', 3, 0, 2, 0, 1],
      ['2026-W46', 'Legal', 3, 1, 1, 1, 0],
      ['2026-W46', 'Sales', 1, 0, 1, 0, 0],
    ]);
    expect(rows[2]).toMatchObject({ none_share: 1 / 7, light_share: 4 / 7, moderate_share: 1 / 7, heavy_share: 1 / 7, suppressed: false });
  });

  it('uses the default bounds 5 and 20', () => {
    const heavy = [...repeat(21, { user_id: 'a', team: 'Legal', started_at: '2026-11-10T09:00:00Z' }), ...repeat(6, { user_id: 'b', team: 'Legal', started_at: '2026-11-10T09:00:00Z' })];
    const rows = computeMetrics(makeCleanedData({ tasks: heavy, roster }), testConfig(), '2026-W46').tables.usage_tiers;
    expect(rows.filter((row) => row.team === 'Legal').map((row) => [row.none, row.light, row.moderate, row.heavy])).toEqual([[1, 0, 1, 1]]);
  });

  it('suppresses small teams and blanks the licence-based figures of a month without roster', () => {
    const small = computeMetrics(makeCleanedData({ tasks, roster }), testConfig({ ...config, privacy: { minGroupSize: 3 } }), '2026-W46').tables.usage_tiers;
    expect(small.filter((row) => row.week === '2026-W46').map((row) => [row.team, row.suppressed, row.people])).toEqual([
      ['*', false, 7],
      ['Finance', false, 3],
      ['Legal', false, 3],
      ['Sales', true, null],
    ]);
    const noRoster = computeMetrics(makeCleanedData({ tasks }), testConfig(config), '2026-W46').tables.usage_tiers;
    expect(noRoster.find((row) => row.week === '2026-W46' && row.team === '*')).toMatchObject({ people: 6, none: null, light: 4, moderate: 1, heavy: 1, light_share: null });
  });
});
