import { describe, expect, it } from 'vitest';
import { retentionHeatmapChart } from '../../../src/render/charts/retention-heatmap.js';
import { chartDoc } from './fixture-doc.js';

const cohort = (month: string, users: number, m1: number | null, m2: number | null) => ({ month, team: '*', cohort_users: users, retained_m1: m1, retained_m2: m2, suppressed: false });

describe('retentionHeatmapChart', () => {
  // 2,704 of 2,705 people back a month later: the People sentence said '>99 %', the cell '100 %'
  it('labels each cell as the People sentence writes the share (formatPercent)', () => {
    const spec = retentionHeatmapChart(chartDoc({ retention: [cohort('2026-10', 2705, 2704 / 2705, 1 / 2705), cohort('2026-11', 40, 0.5, null)] }));
    const values = (spec.data as { values: Array<{ cohort: string; later: string; label: string }> }).values;
    expect(values.map((value) => [value.cohort, value.label])).toEqual([
      ['2026-10 (2,705 people)', '>99 %'],
      ['2026-10 (2,705 people)', '<1 %'],
      ['2026-11 (40 people)', '50 %'],
    ]);
  });
});
