import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_HEIGHT, CHART_WIDTH, EMPHASIS_WIDTH, VEGA_LITE_SCHEMA, emphasisOf, isShown, teamColorScale, teamLabel } from './chart-style.js';

/**
 * Cumulative hours saved against the manual baseline, by week and team.
 * @example cumulativeHoursSavedChart(doc).encoding.y.field // 'cumulative_hours_saved'
 */
export function cumulativeHoursSavedChart(doc: MetricsDocument): TopLevelSpec {
  const values = doc.tables.time_saved
    .filter((row) => isShown(row) && typeof row.cumulative_hours_saved === 'number')
    .map((row) => ({
      week: row.week,
      team: teamLabel(row.team),
      emphasis: emphasisOf(row.team),
      hours_saved: row.hours_saved,
      cumulative_hours_saved: row.cumulative_hours_saved,
    }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Cumulative hours saved',
    description: 'Running sum of hours saved by AI tasks against the median manual duration of their task type.',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'week', type: 'ordinal', title: 'Week', axis: { labelAngle: -45 } },
      y: { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours saved (cumulative)', axis: { format: ',.0f' } },
      color: { field: 'team', type: 'nominal', title: 'Team', scale: teamColorScale(values.map((value) => value.team)) },
      strokeWidth: EMPHASIS_WIDTH,
      tooltip: [
        { field: 'week', type: 'ordinal', title: 'Week' },
        { field: 'team', type: 'nominal', title: 'Team' },
        { field: 'hours_saved', type: 'quantitative', title: 'Hours saved this week', format: ',.1f' },
        { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours saved (cumulative)', format: ',.1f' },
      ],
    },
  };
}
