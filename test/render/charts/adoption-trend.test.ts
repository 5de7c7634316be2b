import { describe, expect, it } from 'vitest';
import { adoptionTrendChart } from '../../../src/render/charts/adoption-trend.js';
import { at, chartDoc } from './fixture-doc.js';

describe('adoptionTrendChart', () => {
  it('draws all teams dark and thick, the named teams in colour, the rest grey underneath; suppressed rows dropped', () => {
    const doc = chartDoc({
      adoption_by_team: [
        { team: '*', ai_tasks: 40, manual_tasks: 60, adoption_rate: 0.4, delta_pts: 10, user_adoption_rate: null },
        { team: 'Legal', ai_tasks: 15, manual_tasks: 5, adoption_rate: 0.75, delta_pts: 25, user_adoption_rate: null },
        { team: 'HR', ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5, delta_pts: 0.2, user_adoption_rate: null },
      ],
      adoption_trend: [
        ...chartDoc().tables.adoption_trend,
        { week: '2026-W46', team: 'HR', ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5 },
        { week: '2026-W47', team: 'HR', ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5 },
      ],
    });
    const spec = adoptionTrendChart(doc);
    expect(at(spec, 'data', 'values').map((row: any) => [row.week, row.team, row.group, row.emphasis, row.adoption_rate])).toEqual([
      ['2026-W46', 'HR', 'Other teams', 'other', 0.5],
      ['2026-W47', 'HR', 'Other teams', 'other', 0.5],
      ['2026-W46', 'Legal', 'Legal', 'named', 0.5],
      ['2026-W47', 'Legal', 'Legal', 'named', 0.75],
      ['2026-W46', 'All teams', 'All teams', 'all teams', 0.3],
      ['2026-W47', 'All teams', 'All teams', 'all teams', 0.4],
    ]);
    // the report's one scale (every team, Sales Ops from the ASI table; Tiny is withheld everywhere), the legend only what is drawn
    expect(at(spec, 'encoding', 'color', 'scale')).toEqual({
      domain: ['All teams', 'HR', 'Legal', 'Sales Ops', 'Other teams'],
      range: ['#1b1b1b', '#54a24b', '#4c78a8', '#f58518', '#c3c8ce'],
    });
    expect(at(spec, 'encoding', 'color', 'legend')).toEqual({ values: ['All teams', 'Legal', 'Other teams'], labelLimit: 240 });
    expect(at(spec, 'encoding', 'detail', 'field')).toBe('team');
    expect(at(spec, 'encoding', 'strokeWidth', 'scale')).toEqual({ domain: ['all teams', 'named', 'other'], range: [3.5, 2.2, 1] });
    // Zoomed to the data (0.3 .. 0.75), padded to steps of 5 points.
    expect(at(spec, 'encoding', 'y', 'scale', 'domain')).toEqual([0.25, 0.8]);
    expect(at(spec, 'encoding', 'y', 'axis', 'labelExpr')).toContain("' %'");
    expect([at(spec, 'width'), at(spec, 'height')]).toEqual([640, 300]);
    expect(at(spec, '$schema')).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(JSON.stringify(spec)).not.toMatch(/"url"/);
  });

  it('highlights the teams it is told to', () => {
    const spec = adoptionTrendChart(chartDoc(), { highlight: [] });
    expect(at(spec, 'encoding', 'color', 'scale', 'domain')).toEqual(['All teams', 'Legal', 'Sales Ops', 'Other teams']);
    expect(at(spec, 'encoding', 'color', 'legend', 'values')).toEqual(['All teams', 'Other teams']);
  });
});
