import { describe, expect, it } from 'vitest';
import { asiByMonthChart } from '../../../src/render/charts/asi-by-month.js';
import { at, chartDoc } from './fixture-doc.js';

describe('asiByMonthChart', () => {
  it('plots ASI per month and team with the target line (default 0.9)', () => {
    const spec = asiByMonthChart(chartDoc());
    expect(at(spec, 'data', 'values').map((row: any) => [row.month, row.team, row.asi])).toEqual([
      ['2026-10', 'All teams', 0.85],
      ['2026-10', 'Sales Ops', 0.62],
      ['2026-11', 'All teams', 0.8],
      ['2026-11', 'Sales Ops', 0.34],
    ]);
    expect(at(spec, 'layer', 0, 'encoding', 'y', 'field')).toBe('asi');
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
