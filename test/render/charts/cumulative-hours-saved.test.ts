import { describe, expect, it } from 'vitest';
import { cumulativeHoursSavedChart } from '../../../src/render/charts/cumulative-hours-saved.js';
import { at, chartDoc } from './fixture-doc.js';

describe('cumulativeHoursSavedChart', () => {
  it('plots the running sum per team by week', () => {
    const spec = cumulativeHoursSavedChart(chartDoc());
    expect(at(spec, 'data', 'values').map((row: any) => [row.week, row.team, row.cumulative_hours_saved])).toEqual([
      ['2026-W46', 'All teams', 10],
      ['2026-W46', 'Legal', 4],
      ['2026-W47', 'All teams', 22.5],
      ['2026-W47', 'Legal', 9],
    ]);
    expect(at(spec, 'encoding', 'y')).toMatchObject({ field: 'cumulative_hours_saved', title: 'Hours saved (cumulative)' });
    expect(at(spec, 'encoding', 'color', 'scale', 'domain')).toEqual(['All teams', 'Legal']);
  });
});
