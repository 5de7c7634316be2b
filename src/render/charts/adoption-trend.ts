import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_HEIGHT, CHART_WIDTH, EMPHASIS_WIDTH, VEGA_LITE_SCHEMA, emphasisOf, isShown, teamColorScale, teamLabel } from './chart-style.js';

/**
 * Adoption rate by week and team (lines), the all-teams line emphasised.
 * @example const spec = adoptionTrendChart(doc); // spec.data.values[0] -> { week, team, adoption_rate, ... }
 */
export function adoptionTrendChart(doc: MetricsDocument): TopLevelSpec {
  const values = doc.tables.adoption_trend
    .filter((row) => isShown(row) && typeof row.adoption_rate === 'number')
    .map((row) => ({
      week: row.week,
      team: teamLabel(row.team),
      emphasis: emphasisOf(row.team),
      adoption_rate: row.adoption_rate,
      ai_tasks: row.ai_tasks,
      manual_tasks: row.manual_tasks,
    }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Adoption rate by week',
    description: 'Share of tasks done with AI per ISO week, per team and for all teams.',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'week', type: 'ordinal', title: 'Week', axis: { labelAngle: -45 } },
      y: { field: 'adoption_rate', type: 'quantitative', title: 'Adoption rate', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'team', type: 'nominal', title: 'Team', scale: teamColorScale(values.map((value) => value.team)) },
      strokeWidth: EMPHASIS_WIDTH,
      tooltip: [
        { field: 'week', type: 'ordinal', title: 'Week' },
        { field: 'team', type: 'nominal', title: 'Team' },
        { field: 'adoption_rate', type: 'quantitative', title: 'Adoption rate', format: '.1%' },
        { field: 'ai_tasks', type: 'quantitative', title: 'AI tasks' },
        { field: 'manual_tasks', type: 'quantitative', title: 'Manual tasks' },
      ],
    },
  };
}
