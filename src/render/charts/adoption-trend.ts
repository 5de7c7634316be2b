import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_HEIGHT, CHART_WIDTH, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, byDrawOrder, isShown, lineEmphasis, teamLabel, zoomedRateDomain } from './chart-style.js';
import { reportTeamColors, teamLegend, trendTeams, type TeamColors } from './team-colors.js';

// Eight equal lines say nothing: the teams the narrative names get colour, the rest go quiet grey,
// the all-teams line stays dark and thick.
/**
 * Adoption rate by week and team (lines): all teams dark, the teams the narrative names in colour (at most
 * six, trendTeams), the others grey; the axis zoomed to the data. `highlight` overrides the named teams;
 * `colors` is the report's team colours (default: the document's, reportTeamColors).
 * @example adoptionTrendChart(doc).encoding.color.legend.values // ['All teams', 'Procurement', 'Other teams']
 */
export function adoptionTrendChart(doc: MetricsDocument, options: { highlight?: string[]; colors?: TeamColors } = {}): TopLevelSpec {
  const highlighted = new Set((options.highlight ?? trendTeams(doc)).map(teamLabel));
  const values = doc.tables.adoption_trend
    .filter((row) => isShown(row) && typeof row.adoption_rate === 'number')
    .map((row) => ({
      week: row.week,
      ...lineEmphasis(row.team, highlighted.has(teamLabel(row.team))),
      adoption_rate: row.adoption_rate,
      ai_tasks: row.ai_tasks,
      manual_tasks: row.manual_tasks,
    }))
    .sort(byDrawOrder);
  const colors = options.colors ?? reportTeamColors(doc);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Adoption rate by week',
    description: 'Share of tasks done with AI per ISO week: all teams, the teams the summary names, and the other teams in grey.',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: { size: 18 } },
    encoding: {
      x: { field: 'week', type: 'ordinal', title: 'Week', axis: { labelAngle: -45 } },
      y: {
        field: 'adoption_rate',
        type: 'quantitative',
        title: 'Adoption',
        scale: { domain: zoomedRateDomain(values.map((value) => value.adoption_rate as number)) },
        axis: { labelExpr: PERCENT_AXIS_LABELS },
      },
      color: { field: 'group', type: 'nominal', title: 'Team', scale: colors, legend: teamLegend(colors, values) },
      detail: { field: 'team', type: 'nominal' },
      strokeWidth: { field: 'emphasis', type: 'ordinal', scale: { domain: ['all teams', 'named', 'other'], range: [3.5, 2.2, 1] }, legend: null },
      tooltip: [
        { field: 'week', type: 'ordinal', title: 'Week' },
        { field: 'team', type: 'nominal', title: 'Team' },
        { field: 'adoption_rate', type: 'quantitative', title: 'Adoption', format: '.1%' },
        { field: 'ai_tasks', type: 'quantitative', title: 'AI tasks' },
        { field: 'manual_tasks', type: 'quantitative', title: 'Manual tasks' },
      ],
    },
  };
}
