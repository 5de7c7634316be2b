import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, repeat, testConfig, type TaskSpec } from './make-cleaned-data.js';

// Loaded dates: Monday 2026-10-26 .. Sunday 2026-11-22 (W44..W47, four of each weekday).
const tasks: TaskSpec[] = [
  // Finance AI, Mondays: 6, 6, 6, then 0 on Nov 16 -> median 6 -> gap
  ...['2026-10-26', '2026-11-02', '2026-11-09'].flatMap((date) => repeat(6, { user_id: 'a', team: 'Finance', started_at: `${date}T12:00:00Z` })),
  // Tuesdays: 5, 0, 5, 0 -> median 2.5 -> no gap on Nov 17
  ...['2026-10-27', '2026-11-10'].flatMap((date) => repeat(5, { user_id: 'a', team: 'Finance', started_at: `${date}T12:00:00Z` })),
  // Wednesdays: 5, 5, 5, 0 -> median 5 (>= 5) -> gap on Nov 18
  ...['2026-10-28', '2026-11-04', '2026-11-11'].flatMap((date) => repeat(5, { user_id: 'a', team: 'Finance', started_at: `${date}T12:00:00Z` })),
  // Thursdays, abandoned AI tasks count too: 5, 5, 5, 0 -> gap on Nov 19
  ...['2026-10-29', '2026-11-05', '2026-11-12'].flatMap((date) =>
    repeat(5, { user_id: 'a', team: 'Finance', status: 'abandoned', started_at: `${date}T12:00:00Z` }),
  ),
  // Legal manual, every Thursday including Nov 19 -> no gap
  ...['2026-10-29', '2026-11-05', '2026-11-12', '2026-11-19'].flatMap((date) =>
    repeat(5, { source: 'manual_logs', user_id: 'b', team: 'Legal', started_at: `${date}T12:00:00Z` }),
  ),
  // no team, Fridays except Nov 20: ignored
  ...['2026-10-30', '2026-11-06', '2026-11-13'].flatMap((date) => repeat(9, { user_id: 'c', team: null, started_at: `${date}T12:00:00Z` })),
  { source: 'manual_logs', user_id: 'b', team: 'Legal', started_at: '2026-11-22T12:00:00Z' },
];

describe('gaps', () => {
  it('flags report-week dates with zero tasks where the same-weekday median is >= 5', () => {
    const rows = computeMetrics(makeCleanedData({ tasks }), testConfig(), '2026-W47').tables.gaps;
    expect(rows).toEqual([
      { source: 'ai_logs', team: 'Finance', date: '2026-11-16', expected_tasks: 6 },
      { source: 'ai_logs', team: 'Finance', date: '2026-11-18', expected_tasks: 5 },
      { source: 'ai_logs', team: 'Finance', date: '2026-11-19', expected_tasks: 5 },
    ]);
  });

  it('only checks report-week dates inside the loaded dates, and honours gapMinMedian', () => {
    const data = makeCleanedData({ tasks, loadedDates: { first: '2026-10-26', last: '2026-11-18' } });
    // Wednesday medians now over Oct 28, Nov 4, Nov 11, Nov 18: 5,5,5,0 -> 5; Thursday Nov 19 is outside
    expect(computeMetrics(data, testConfig(), '2026-W47').tables.gaps.map((row) => row.date)).toEqual(['2026-11-16', '2026-11-18']);
    expect(computeMetrics(makeCleanedData({ tasks }), testConfig({ metrics: { gapMinMedian: 6 } }), '2026-W47').tables.gaps.map((row) => row.date)).toEqual([
      '2026-11-16',
    ]);
  });
});
