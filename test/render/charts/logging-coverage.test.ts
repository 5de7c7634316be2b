import { describe, expect, it } from 'vitest';
import { loggingCoverageChart } from '../../../src/render/charts/logging-coverage.js';
import { at, chartDoc } from './fixture-doc.js';

describe('loggingCoverageChart', () => {
  it('shows the newest month, users with a coverage, blind spots highlighted, threshold line', () => {
    const spec = loggingCoverageChart(chartDoc());
    expect(at(spec, 'title')).toBe('Logging coverage, 2026-10');
    expect(at(spec, 'data', 'values')).toEqual([
      { user_id: 'u1', coverage: 0.5, logged_ai_tasks: 5, reported_ai_tasks: 10, status: 'blind spot' },
      { user_id: 'u2', coverage: 0.9, logged_ai_tasks: 9, reported_ai_tasks: 10, status: 'ok' },
    ]);
    expect(at(spec, 'layer', 0, 'encoding', 'color', 'scale')).toEqual({ domain: ['blind spot', 'ok'], range: ['#d62728', '#9e9e9e'] });
    expect(at(spec, 'layer', 1, 'encoding', 'x', 'datum')).toBe(0.8);
    expect(at(spec, 'layer', 0, 'encoding', 'x', 'scale', 'domain')).toEqual([0, 1]);
    expect(at(spec, 'layer', 2, 'encoding', 'text', 'value')).toBe('threshold 80 %');
  });

  it('widens the axis past 100 % when a user logged more than reported, and quotes a configured threshold', () => {
    const doc = chartDoc({
      logging_coverage: [{ month: '2026-10', user_id: 'u1', logged_ai_tasks: 15, reported_ai_tasks: 10, coverage: 1.5, flagged: false }],
    });
    const spec = loggingCoverageChart(doc, { coverageThreshold: 0.7 });
    expect(at(spec, 'layer', 0, 'encoding', 'x', 'scale', 'domain')).toEqual([0, 1.5]);
    expect(at(spec, 'layer', 1, 'encoding', 'x', 'datum')).toBe(0.7);
  });

  it('keeps the lowest coverages, blind spots first, when there are more users than fit', () => {
    const rows = [0.95, 0.5, 1, 0.7, 0.85].map((coverage, index) => ({
      month: '2026-10',
      user_id: `u${index}`,
      logged_ai_tasks: coverage * 20,
      reported_ai_tasks: 20,
      coverage,
      flagged: coverage < 0.8,
    }));
    const spec = loggingCoverageChart(chartDoc({ logging_coverage: rows }), { maxUsers: 3 });
    expect(at(spec, 'title')).toBe('Logging coverage, 2026-10 (lowest 3 of 5 users)');
    expect(at(spec, 'data', 'values').map((row: any) => [row.user_id, row.status])).toEqual([
      ['u1', 'blind spot'],
      ['u3', 'blind spot'],
      ['u4', 'ok'],
    ]);
    // The threshold rule and its label carry one datum each, so they are drawn once.
    expect(at(spec, 'layer', 1, 'data')).toEqual({ values: [{}] });
    expect(at(spec, 'layer', 2, 'data')).toEqual({ values: [{}] });
  });
});
