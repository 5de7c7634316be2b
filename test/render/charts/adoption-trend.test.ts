import { describe, expect, it } from 'vitest';
import { adoptionTrendChart } from '../../../src/render/charts/adoption-trend.js';
import { at, chartDoc } from './fixture-doc.js';

describe('adoptionTrendChart', () => {
  it('plots adoption per week and team, all teams first, dark and thick; suppressed rows dropped', () => {
    const spec = adoptionTrendChart(chartDoc());
    expect(at(spec, 'data', 'values')).toEqual([
      { week: '2026-W46', team: 'All teams', emphasis: 'all teams', adoption_rate: 0.3, ai_tasks: 30, manual_tasks: 70 },
      { week: '2026-W46', team: 'Legal', emphasis: 'team', adoption_rate: 0.5, ai_tasks: 10, manual_tasks: 10 },
      { week: '2026-W47', team: 'All teams', emphasis: 'all teams', adoption_rate: 0.4, ai_tasks: 40, manual_tasks: 60 },
      { week: '2026-W47', team: 'Legal', emphasis: 'team', adoption_rate: 0.75, ai_tasks: 15, manual_tasks: 5 },
    ]);
    expect(at(spec, 'mark')).toEqual({ type: 'line', point: true });
    expect(at(spec, 'encoding', 'x', 'field')).toBe('week');
    expect(at(spec, 'encoding', 'y', 'field')).toBe('adoption_rate');
    expect(at(spec, 'encoding', 'y', 'axis', 'format')).toBe('.0%');
    expect(at(spec, 'encoding', 'color', 'scale')).toEqual({ domain: ['All teams', 'Legal'], range: ['#1b1b1b', '#4c78a8'] });
    expect(at(spec, 'encoding', 'strokeWidth', 'scale')).toEqual({ domain: ['all teams', 'team'], range: [3.5, 1.5] });
    expect([at(spec, 'width'), at(spec, 'height')]).toEqual([640, 300]);
    expect(at(spec, '$schema')).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(JSON.stringify(spec)).not.toMatch(/"url"/);
  });
});
