import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_HEIGHT, CHART_WIDTH, FLAG_COLOR, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, byDrawOrder, isShown, lineEmphasis, zoomedRateDomain } from './chart-style.js';
import { reportThresholds } from './report-thresholds.js';
import { asiTeams, reportTeamColors, teamLegend, type TeamColors } from './team-colors.js';

// With many teams every line looks alike: the teams below the target in the report month, or
// alerted for accuracy, get colour (the lowest six); the rest go grey underneath the all-teams line.
/**
 * Accuracy stability index (ASI) by month and team, with the accuracy target as a dashed line;
 * the axis zoomed to the values and the target; teams below target (or alerted) in colour (asiTeams),
 * or the teams `highlight` names (a notebook about one team); `colors` is the report's team colours
 * (default: the document's, reportTeamColors).
 * @example asiByMonthChart(doc, { accuracyTarget: 0.9 }).layer[1].encoding.y.datum // 0.9
 */
export function asiByMonthChart(doc: MetricsDocument, options: { accuracyTarget?: number; highlight?: string[]; colors?: TeamColors } = {}): TopLevelSpec {
  const { accuracyTarget } = reportThresholds(doc, options);
  const flagged = new Set(options.highlight ?? asiTeams(doc, { accuracyTarget }));
  const values = doc.tables.accuracy_stability
    .filter((row) => isShown(row) && typeof row.asi === 'number')
    .map((row) => ({
      month: row.month,
      ...lineEmphasis(row.team, flagged.has(row.team)),
      asi: row.asi,
      evaluated: row.evaluated,
      above_target: row.above_target,
    }))
    .sort(byDrawOrder);
  const colors = options.colors ?? reportTeamColors(doc, { accuracyTarget });
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
          color: { field: 'group', type: 'nominal', title: 'Team', scale: colors, legend: teamLegend(colors, values) },
          detail: { field: 'team', type: 'nominal' },
          strokeWidth: { field: 'emphasis', type: 'ordinal', scale: { domain: ['all teams', 'named', 'other'], range: [3.5, 2.2, 1] }, legend: null },
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
