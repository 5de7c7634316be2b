import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_HEIGHT, CHART_WIDTH, EMPHASIS_WIDTH, FLAG_COLOR, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, emphasisOf, isShown, teamColorScale, teamLabel, zoomedRateDomain } from './chart-style.js';
import { reportThresholds } from './report-thresholds.js';

/**
 * Accuracy stability index (ASI) by month and team, with the accuracy target as a dashed line;
 * the axis zoomed to the values and the target.
 * @example asiByMonthChart(doc, { accuracyTarget: 0.9 }).layer[1].encoding.y.datum // 0.9
 */
export function asiByMonthChart(doc: MetricsDocument, options: { accuracyTarget?: number } = {}): TopLevelSpec {
  const { accuracyTarget } = reportThresholds(doc, options);
  const values = doc.tables.accuracy_stability
    .filter((row) => isShown(row) && typeof row.asi === 'number')
    .map((row) => ({
      month: row.month,
      team: teamLabel(row.team),
      emphasis: emphasisOf(row.team),
      asi: row.asi,
      evaluated: row.evaluated,
      above_target: row.above_target,
    }));
  // Zoomed to the band the lines sit in, the target line always inside it.
  const domain = zoomedRateDomain(values.map((value) => value.asi as number), [accuracyTarget]);
  const targetPercent = `${Math.round(accuracyTarget * 100)} %`;
  const targetLabel = `target ${targetPercent}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Accuracy stability (ASI) by month',
    description: `Share of evaluated AI tasks with accuracy at or above ${targetPercent}, per month and team.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: 'Month', axis: { labelAngle: 0 } },
          y: { field: 'asi', type: 'quantitative', title: 'ASI', scale: { domain }, axis: { labelExpr: PERCENT_AXIS_LABELS } },
          color: { field: 'team', type: 'nominal', title: 'Team', scale: teamColorScale(values.map((value) => value.team)) },
          strokeWidth: EMPHASIS_WIDTH,
          tooltip: [
            { field: 'month', type: 'ordinal', title: 'Month' },
            { field: 'team', type: 'nominal', title: 'Team' },
            { field: 'asi', type: 'quantitative', title: 'ASI', format: '.1%' },
            { field: 'evaluated', type: 'quantitative', title: 'Evaluated AI tasks' },
            { field: 'above_target', type: 'quantitative', title: 'At or above target' },
          ],
        },
      },
      {
        // One datum of its own: inheriting the table would draw the line once per row.
        data: { values: [{}] },
        mark: { type: 'rule', color: FLAG_COLOR, strokeDash: [6, 4] },
        encoding: { y: { datum: accuracyTarget, type: 'quantitative' } },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', color: FLAG_COLOR, align: 'left', baseline: 'bottom', dx: 4, dy: -2 },
        encoding: { y: { datum: accuracyTarget, type: 'quantitative' }, x: { value: 0 }, text: { value: targetLabel } },
      },
    ],
  };
}
