import { formatCount } from '../../metrics/column-catalog.js';
import { formatPercent } from '../narrative.js';
import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_WIDTH, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, isShown } from './chart-style.js';

const LATER = [
  { column: 'retained_m1', label: '1 month later' },
  { column: 'retained_m2', label: '2 months later' },
] as const;

// A cohort table is read row by row: when did they start, how many are still there a month and
// two months on. A month not fully loaded yet has no cell rather than an empty one that reads 0 %.
/**
 * Retention heat map, all teams: one row per first-AI-task month (with its size), the share of that
 * cohort still using AI one and two months later, as colour and as a label.
 * @example retentionHeatmapChart(doc).layer.length // 2
 */
export function retentionHeatmapChart(doc: MetricsDocument): TopLevelSpec {
  const cohorts = ((doc.tables.retention ?? []) as Array<Record<string, unknown>>).filter(
    (row) => row.team === '*' && isShown(row) && typeof row.cohort_users === 'number' && row.cohort_users > 0,
  );
  const labelOf = (row: Record<string, unknown>) => `${String(row.month)} (${formatCount(row.cohort_users as number)} ${row.cohort_users === 1 ? 'person' : 'people'})`;
  const values = cohorts.flatMap((row) =>
    LATER.filter(({ column }) => typeof row[column] === 'number').map(({ column, label }) => ({
      cohort: labelOf(row),
      later: label,
      share: row[column] as number,
      // as the People sentence writes it (formatPercent): 99.96 % is '>99 %' in both, not '100 %' in the cell
      label: formatPercent(row[column] as number),
      cohort_users: row.cohort_users,
    })),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Retention by first month of use (rows: month of the first AI task)',
    description: 'Of the people whose first AI task fell in a month, the share with an AI task one and two months later (all teams).',
    width: Math.min(CHART_WIDTH - 200, 320),
    height: Math.max(40, 30 * cohorts.length),
    data: { values },
    encoding: {
      x: { field: 'later', type: 'ordinal', title: null, sort: LATER.map(({ label }) => label), axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'cohort', type: 'ordinal', title: null, sort: cohorts.map(labelOf) },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'share', type: 'quantitative', title: 'Still using AI', scale: { domain: [0, 1], scheme: 'blues' }, legend: { labelExpr: PERCENT_AXIS_LABELS } },
          tooltip: [
            { field: 'cohort', type: 'nominal', title: 'Cohort' },
            { field: 'later', type: 'ordinal', title: 'When' },
            { field: 'share', type: 'quantitative', title: 'Still using AI', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: '#1b1b1b' },
        },
      },
    ],
  } as TopLevelSpec;
}
