import { describe, expect, it } from 'vitest';
import { asiByMonthChart } from '../../../src/render/charts/asi-by-month.js';
import { at, chartDoc } from './fixture-doc.js';

describe('asiByMonthChart', () => {
  it('plots ASI per month and team with the target line (default 0.9), the teams below it in colour, the axis zoomed', () => {
    const doc = chartDoc({
      accuracy_stability: [
        ...chartDoc().tables.accuracy_stability,
        { month: '2026-10', team: 'Legal', evaluated: 40, above_target: 38, asi: 0.95 },
        { month: '2026-11', team: 'Legal', evaluated: 40, above_target: 37, asi: 0.925 },
      ],
    });
    const spec = asiByMonthChart(doc);
    expect(at(spec, 'data', 'values').map((row: any) => [row.month, row.team, row.group, row.asi])).toEqual([
      ['2026-10', 'Legal', 'Other teams', 0.95],
      ['2026-11', 'Legal', 'Other teams', 0.925],
      ['2026-10', 'Sales Ops', 'Sales Ops', 0.62],
      ['2026-11', 'Sales Ops', 'Sales Ops', 0.34],
      ['2026-10', 'All teams', 'All teams', 0.85],
      ['2026-11', 'All teams', 'All teams', 0.8],
    ]);
    expect(at(spec, 'layer', 0, 'encoding', 'color', 'scale')).toEqual({ domain: ['All teams', 'Legal', 'Sales Ops', 'Other teams'], range: ['#1b1b1b', '#4c78a8', '#f58518', '#c3c8ce'] });
    expect(at(spec, 'layer', 0, 'encoding', 'color', 'legend', 'values')).toEqual(['All teams', 'Sales Ops', 'Other teams']);
    expect(at(spec, 'layer', 0, 'encoding', 'y', 'scale', 'domain')).toEqual([0.3, 1]);
    expect(at(spec, 'layer', 0, 'encoding', 'y', 'field')).toBe('asi');
    expect(at(asiByMonthChart(chartDoc({ accuracy_stability: [
      { month: '2026-11', team: '*', evaluated: 100, above_target: 88, asi: 0.88 },
      { month: '2026-11', team: 'Legal', evaluated: 40, above_target: 37, asi: 0.925 },
    ] })), 'layer', 0, 'encoding', 'y', 'scale', 'domain')).toEqual([0.85, 1]);
    expect(at(spec, 'layer', 1, 'mark', 'type')).toBe('rule');
    expect(at(spec, 'layer', 1, 'encoding', 'y', 'datum')).toBe(0.9);
    expect(at(spec, 'layer', 2, 'encoding', 'text', 'value')).toBe('target 90 %');
  });

  it('takes the target from the document, and an explicit option over it', () => {
    const doc = chartDoc({}, { thresholds: { accuracy_target: 0.95, coverage_threshold: 0.8, adoption_drop_pts: -10 } });
    expect(at(asiByMonthChart(doc), 'layer', 1, 'encoding', 'y', 'datum')).toBe(0.95);
    expect(at(asiByMonthChart(doc, { accuracyTarget: 0.7 }), 'layer', 2, 'encoding', 'text', 'value')).toBe('target 70 %');
  });
});
