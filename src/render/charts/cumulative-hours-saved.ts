import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { ALL_TEAMS_COLOR, CHART_WIDTH, VEGA_LITE_SCHEMA, byDrawOrder, isShown, lineEmphasis } from './chart-style.js';
import { hoursTeams, reportTeamColors, teamLegend, type TeamColors } from './team-colors.js';

const TOOLTIP = [
  { field: 'week', type: 'ordinal', title: 'Week' },
  { field: 'team', type: 'nominal', title: 'Team' },
  { field: 'hours_saved', type: 'quantitative', title: 'Hours saved this week', format: ',.1f' },
  { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours saved to date', format: ',.1f' },
] as const;

// The all-teams total is several times any team's: on one axis it squashes the team lines flat,
// so it gets a small panel and axis of its own above the teams. Thirty coloured team lines cannot be told
// apart: past six teams, the six with the most hours are in colour and the rest grey.
/**
 * Cumulative hours saved against the manual baseline, by week: all teams in a panel of its own,
 * the teams below on their own axis, in colour (at most six, hoursTeams; the others grey). `colors` is the
 * report's team colours (default: the document's, reportTeamColors).
 * @example cumulativeHoursSavedChart(doc).vconcat.length // 2
 */
export function cumulativeHoursSavedChart(doc: MetricsDocument, options: { colors?: TeamColors } = {}): TopLevelSpec {
  const colored = new Set(hoursTeams(doc));
  const values = doc.tables.time_saved
    .filter((row) => isShown(row) && typeof row.cumulative_hours_saved === 'number')
    .map((row) => ({
      week: row.week,
      ...lineEmphasis(row.team, colored.has(row.team)),
      all_teams: row.team === '*',
      hours_saved: row.hours_saved,
      cumulative_hours_saved: row.cumulative_hours_saved,
    }))
    .sort(byDrawOrder);
  const teams = values.filter((value) => !value.all_teams);
  const colors = options.colors ?? reportTeamColors(doc);
  const x = { field: 'week', type: 'ordinal', title: null, axis: { labelAngle: -45 } } as const;
  const panels: any[] = [];
  if (values.some((value) => value.all_teams)) {
    panels.push({
      title: { text: 'All teams', fontSize: 11, anchor: 'start' },
      height: 110,
      width: CHART_WIDTH,
      transform: [{ filter: 'datum.all_teams' }],
      mark: { type: 'line', point: { color: ALL_TEAMS_COLOR }, color: ALL_TEAMS_COLOR, strokeWidth: 3 },
      encoding: {
        x: { ...x, axis: { labelAngle: -45, labels: teams.length === 0 } },
        y: { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours to date', axis: { format: ',.0f', tickCount: 4 } },
        tooltip: TOOLTIP,
      },
    });
  }
  if (teams.length > 0) {
    panels.push({
      title: { text: 'Teams', fontSize: 11, anchor: 'start' },
      height: 220,
      width: CHART_WIDTH,
      transform: [{ filter: '!datum.all_teams' }],
      mark: { type: 'line', point: true },
      encoding: {
        x,
        y: { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours to date', axis: { format: ',.0f' } },
        color: { field: 'group', type: 'nominal', title: 'Team', scale: colors, legend: teamLegend(colors, teams) },
        detail: { field: 'team', type: 'nominal' },
        strokeWidth: { field: 'emphasis', type: 'ordinal', scale: { domain: ['named', 'other'], range: [1.8, 1] }, legend: null },
        tooltip: TOOLTIP,
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Cumulative hours saved',
    description: 'Running sum of hours saved by AI tasks against the median manual duration of their task type: all teams, then each team.',
    data: { values },
    vconcat: panels,
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
