import { describe, expect, it } from 'vitest';
import { cumulativeHoursSavedChart } from '../../../src/render/charts/cumulative-hours-saved.js';
import { at, chartDoc } from './fixture-doc.js';

describe('cumulativeHoursSavedChart', () => {
  it('plots the running sum by week: all teams in a panel and on an axis of its own, the teams below', () => {
    const spec = cumulativeHoursSavedChart(chartDoc());
    expect(at(spec, 'data', 'values').map((row: any) => [row.week, row.team, row.group, row.all_teams, row.cumulative_hours_saved])).toEqual([
      ['2026-W46', 'Legal', 'Legal', false, 4],
      ['2026-W47', 'Legal', 'Legal', false, 9],
      ['2026-W46', 'All teams', 'All teams', true, 10],
      ['2026-W47', 'All teams', 'All teams', true, 22.5],
    ]);
    expect(at(spec, 'vconcat').map((panel: any) => [panel.title.text, panel.transform[0].filter])).toEqual([
      ['All teams', 'datum.all_teams'],
      ['Teams', '!datum.all_teams'],
    ]);
    expect(at(spec, 'resolve', 'scale', 'y')).toBe('independent');
    expect(at(spec, 'vconcat', 1, 'encoding', 'y')).toMatchObject({ field: 'cumulative_hours_saved', title: 'Hours to date' });
    expect(at(spec, 'vconcat', 1, 'encoding', 'color', 'scale', 'domain')).toEqual(['All teams', 'Legal', 'Sales Ops', 'Other teams']);
    expect(at(spec, 'vconcat', 1, 'encoding', 'color', 'legend', 'values')).toEqual(['Legal']);
    expect(at(spec, 'vconcat', 0, 'mark')).toMatchObject({ color: '#1b1b1b', point: { color: '#1b1b1b' } });
  });
});
