import { describe, expect, it } from 'vitest';
import { coverageSummary, loggingCoverageChart } from '../../../src/render/charts/logging-coverage.js';
import { at, chartDoc } from './fixture-doc.js';

describe('loggingCoverageChart', () => {
  it('shows only the newest month\'s users below the threshold, with the threshold line', () => {
    const spec = loggingCoverageChart(chartDoc());
    expect(at(spec, 'title')).toBe('Logging blind spots, 2026-10');
    expect(at(spec, 'data', 'values')).toEqual([{ user_id: 'u1', team: '', coverage: 0.5, logged_ai_tasks: 5, reported_ai_tasks: 10 }]);
    expect(at(spec, 'layer', 1, 'encoding', 'x', 'datum')).toBe(0.8);
    expect(at(spec, 'layer', 0, 'encoding', 'x', 'scale', 'domain')).toEqual([0, 1]);
    expect(at(spec, 'layer', 2, 'encoding', 'text', 'value')).toBe('threshold 80 %');
    // The threshold rule and its label carry one datum each, so they are drawn once.
    expect(at(spec, 'layer', 1, 'data')).toEqual({ values: [{}] });
  });

  it('has no data when nobody is below the threshold, and the summary says so instead', () => {
    const doc = chartDoc({
      logging_coverage: [1, 0.95, 1.2].map((coverage, index) => ({ month: '2026-10', user_id: `u${index}`, logged_ai_tasks: 10, reported_ai_tasks: 10, coverage, flagged: false })),
    });
    expect(at(loggingCoverageChart(doc), 'data', 'values')).toEqual([]);
    expect(coverageSummary(doc)).toBe('All 3 users logged at least 80 % of the AI tasks they reported in 2026-10: no logging blind spots.');
    expect(coverageSummary(chartDoc(), { coverageThreshold: 0.7 })).toBe('1 of 2 users logged less than 70 % of the AI tasks they reported in 2026-10: their AI use is under-counted.');
    expect(coverageSummary(chartDoc({ logging_coverage: [] }))).toBeNull();
  });

  it('writes counts of users with thousands separators, as the tables do', () => {
    const rows = Array.from({ length: 2706 }, (_, index) => ({
      month: '2026-10',
      user_id: `u${index}`,
      logged_ai_tasks: index < 178 ? 5 : 10,
      reported_ai_tasks: 10,
      coverage: index < 178 ? 0.5 : 1,
      flagged: index < 178,
    }));
    const doc = chartDoc({ logging_coverage: rows });
    expect(coverageSummary(doc)).toBe('178 of 2,706 users logged less than 80 % of the AI tasks they reported in 2026-10: their AI use is under-counted.');
    expect(at(loggingCoverageChart(chartDoc({ logging_coverage: rows.map((row) => ({ ...row, coverage: 0.5 })) }), { maxUsers: 30 }), 'title')).toBe(
      'Logging blind spots, 2026-10 (lowest 30 of 2,706)',
    );
    expect(coverageSummary(chartDoc({ logging_coverage: rows.map((row) => ({ ...row, coverage: 1 })) }))).toBe(
      'All 2,706 users logged at least 80 % of the AI tasks they reported in 2026-10: no logging blind spots.',
    );
  });

  it('keeps the lowest coverages when more users are below the threshold than fit', () => {
    const rows = [0.55, 0.5, 1, 0.7, 0.75].map((coverage, index) => ({
      month: '2026-10',
      user_id: `u${index}`,
      logged_ai_tasks: coverage * 20,
      reported_ai_tasks: 20,
      coverage,
      flagged: coverage < 0.8,
    }));
    const spec = loggingCoverageChart(chartDoc({ logging_coverage: rows }), { maxUsers: 3 });
    expect(at(spec, 'title')).toBe('Logging blind spots, 2026-10 (lowest 3 of 4)');
    expect(at(spec, 'data', 'values').map((row: any) => row.user_id)).toEqual(['u1', 'u0', 'u3']);
  });
});
