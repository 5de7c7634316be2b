import { describe, expect, it } from 'vitest';
import { usageTiersChart } from '../../../src/render/charts/usage-tiers.js';
import { at, chartDoc } from './fixture-doc.js';

const tiers = (team: string, people: number) => ({ week: '2026-W47', team, people, none: 0, light: people, moderate: 0, heavy: 0 });

describe('usageTiersChart', () => {
  it('draws every team of a few, all teams first', () => {
    const spec = usageTiersChart(chartDoc({ usage_tiers: [tiers('*', 30), tiers('Legal', 10), tiers('HR', 20)] }));
    expect(at(spec, 'encoding', 'y', 'sort')).toEqual(['All teams', 'Legal', 'HR']);
    expect(at(spec, 'title')).toBe('Usage tiers, 2026-W47');
    expect(at(spec, 'height')).toBe(72);
  });

  // 300 teams drew 7,200 px of bars over three pages, the axis and legend on the last
  it('draws the 25 teams with the most people of hundreds, and says so in the title', () => {
    const teams = Array.from({ length: 300 }, (_, index) => tiers(`Team ${String(index).padStart(3, '0')}`, 1 + (index % 50)));
    const spec = usageTiersChart(chartDoc({ usage_tiers: [tiers('*', 7650), ...teams] }));
    const drawn = at(spec, 'encoding', 'y', 'sort') as string[];
    expect(drawn).toHaveLength(26);
    expect(drawn.slice(0, 7)).toEqual(['All teams', 'Team 045', 'Team 046', 'Team 047', 'Team 048', 'Team 049', 'Team 096']);
    expect(at(spec, 'title')).toBe('Usage tiers, 2026-W47 (the 25 teams with the most people, of 300)');
    expect(at(spec, 'height')).toBe(26 * 24);
  });
});
