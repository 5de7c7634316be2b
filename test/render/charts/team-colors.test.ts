import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../../src/render/charts/index.js';
import { adoptionTrendChart } from '../../../src/render/charts/adoption-trend.js';
import { asiByMonthChart } from '../../../src/render/charts/asi-by-month.js';
import { cumulativeHoursSavedChart } from '../../../src/render/charts/cumulative-hours-saved.js';
import { asiTeams, hoursTeams, reportTeamColors, trendTeams } from '../../../src/render/charts/team-colors.js';
import type { MetricsDocument } from '../../../src/metrics/document.js';
import { at, chartDoc } from './fixture-doc.js';

const TEAMS = ['Audit', 'Finance', 'HR', 'IT', 'Legal', 'Ops', 'Sales', 'Tax'];

// Eight teams. Adoption: HR dropped 20 points, Legal rose 5 (the narrative names them); ASI in 2026-11: every team
// below the 90 % target, Tax lowest (0.50) up to Audit (0.85), HR also alerted; hours to date: Audit 80 down to Tax 10.
function manyTeams(): MetricsDocument {
  return chartDoc({
    adoption_by_team: [
      { team: '*', ai_tasks: 80, manual_tasks: 80, adoption_rate: 0.5, delta_pts: 0, user_adoption_rate: null },
      ...TEAMS.map((team) => ({ team, ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5, delta_pts: team === 'HR' ? -20 : team === 'Legal' ? 5 : 0, user_adoption_rate: null })),
    ],
    adoption_trend: [
      { week: '2026-W47', team: '*', ai_tasks: 80, manual_tasks: 80, adoption_rate: 0.5 },
      ...TEAMS.map((team) => ({ week: '2026-W47', team, ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5 })),
    ],
    time_saved: [
      { week: '2026-W47', team: '*', hours_saved: 360, cumulative_hours_saved: 360 },
      ...TEAMS.map((team, index) => ({ week: '2026-W47', team, hours_saved: 80 - 10 * index, cumulative_hours_saved: 80 - 10 * index })),
    ],
    accuracy_stability: [
      { month: '2026-11', team: '*', evaluated: 800, above_target: 560, asi: 0.7 },
      ...TEAMS.map((team, index) => ({ month: '2026-11', team, evaluated: 100, above_target: 85 - 5 * index, asi: (85 - 5 * index) / 100 })),
    ],
    alerts: [{ rule: 'asi_below_target', severity: 'high', team: 'HR', message: '' } as never],
  });
}

describe('one colour per team for the whole report', () => {
  it('every per-team chart takes the same domain (every team, in name order) and range, so a team keeps its colour', () => {
    const doc = manyTeams();
    const colors = reportTeamColors(doc);
    expect(colors).toEqual({
      domain: ['All teams', ...TEAMS, 'Other teams'],
      // coloured somewhere, in name order: Audit, Finance, HR, IT, Legal, Ops, Sales, Tax; each its own colour
      range: ['#1b1b1b', '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#ff9da6', '#c3c8ce'],
    });
    const scales = [
      at(adoptionTrendChart(doc), 'encoding', 'color', 'scale'),
      at(cumulativeHoursSavedChart(doc), 'vconcat', 1, 'encoding', 'color', 'scale'),
      at(asiByMonthChart(doc), 'layer', 0, 'encoding', 'color', 'scale'),
    ];
    expect(scales).toEqual([colors, colors, colors]);
    // the report's charts: the same scale, computed once with the report's thresholds
    const charts = Object.fromEntries(reportCharts(doc, { accuracyTarget: 0.9 }).map((chart) => [chart.id, chart.spec]));
    expect([
      at(charts['adoption-trend'], 'encoding', 'color', 'scale'),
      at(charts['cumulative-hours-saved'], 'vconcat', 1, 'encoding', 'color', 'scale'),
      at(charts['asi-by-month'], 'layer', 0, 'encoding', 'color', 'scale'),
    ]).toEqual([colors, colors, colors]);
  });

  it('with many teams a chart colours six, greys the rest, and its legend lists only those in colour', () => {
    const doc = manyTeams();
    expect(trendTeams(doc)).toEqual(['HR', 'Legal']);
    // below target, lowest first (HR, alerted, is among them anyway)
    expect(asiTeams(doc)).toEqual(['Tax', 'Sales', 'Ops', 'Legal', 'IT', 'HR']);
    expect(hoursTeams(doc)).toEqual(['Audit', 'Finance', 'HR', 'IT', 'Legal', 'Ops']);

    const hours = cumulativeHoursSavedChart(doc);
    expect(at(hours, 'vconcat', 1, 'encoding', 'color', 'legend')).toEqual({ values: ['Audit', 'Finance', 'HR', 'IT', 'Legal', 'Ops', 'Other teams'], labelLimit: 240 });
    expect(at(hours, 'data', 'values').filter((row: any) => row.group === 'Other teams').map((row: any) => row.team)).toEqual(['Sales', 'Tax']);
    expect(at(asiByMonthChart(doc), 'layer', 0, 'encoding', 'color', 'legend', 'values')).toEqual(['All teams', 'HR', 'IT', 'Legal', 'Ops', 'Sales', 'Tax', 'Other teams']);

    const captions = Object.fromEntries(reportCharts(doc).map((chart) => [chart.id, chart.caption]));
    expect(captions['cumulative-hours-saved']).toBe('360.0 h saved to date by all teams (top panel, own scale); most among teams: Audit, 80.0 h. In colour, the 6 teams with the most; the other 2 in grey.');
    expect(captions['asi-by-month']).toBe('Axis zoomed to the data; dashed line: the 90 % accuracy target. 8 teams below it in 2026-11; in colour the 6 lowest: Tax, Sales, Ops, Legal, IT, HR.');
  });

  it('past ten teams in colour, a team never shares a colour with one coloured beside it in a chart', () => {
    // 18 teams: T01-T06 dropped (adoption), T07-T12 below target (ASI), T13-T18 the only ones with hours saved
    const names = Array.from({ length: 18 }, (_, index) => `T${String(index + 1).padStart(2, '0')}`);
    const doc = chartDoc({
      adoption_by_team: names.slice(0, 6).map((team) => ({ team, ai_tasks: 1, manual_tasks: 1, adoption_rate: 0.5, delta_pts: -20, user_adoption_rate: null })),
      adoption_trend: [],
      time_saved: names.slice(12).map((team) => ({ week: '2026-W47', team, hours_saved: 1, cumulative_hours_saved: 1 })),
      accuracy_stability: names.slice(6, 12).map((team) => ({ month: '2026-11', team, evaluated: 10, above_target: 5, asi: 0.5 })),
    });
    const colors = reportTeamColors(doc);
    const colorOf = new Map(colors.domain.map((label, index) => [label, colors.range[index]]));
    for (const chart of [trendTeams(doc), asiTeams(doc), hoursTeams(doc)]) {
      expect(chart).toHaveLength(6);
      expect(new Set(chart.map((team) => colorOf.get(team))).size).toBe(6);
    }
    // the first ten in name order have a colour of their own; T11 takes the first one no ASI team beside it has
    expect(new Set(names.slice(0, 10).map((team) => colorOf.get(team))).size).toBe(10);
    expect(colorOf.get('T11')).toBe('#4c78a8');
  });
});
