import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_WIDTH, FLAG_COLOR, OK_COLOR, VEGA_LITE_SCHEMA } from './chart-style.js';
import { reportThresholds } from './report-thresholds.js';

/** The newest month of the logging_coverage table, or null when it is empty. */
export function latestCoverageMonth(doc: MetricsDocument): string | null {
  const months = doc.tables.logging_coverage.map((row) => row.month).sort();
  return months.length > 0 ? months[months.length - 1] : null;
}

// Per user and not suppressed (pseudonymised upstream when configured); a null coverage
// (nothing reported) cannot be placed on the axis, so it is left out. A bar per user stops
// being readable past a few dozen: the lowest coverages (blind spots first) are kept.
/**
 * Logging coverage per user in the newest fully loaded month, lowest first, blind spots in red,
 * the threshold as a dashed line; at most `maxUsers` (default 30) users.
 * @example loggingCoverageChart(doc).layer[0].encoding.color.scale.domain // ['blind spot', 'ok']
 */
export function loggingCoverageChart(doc: MetricsDocument, options: { coverageThreshold?: number; maxUsers?: number } = {}): TopLevelSpec {
  const { coverageThreshold } = reportThresholds(doc, options);
  const maxUsers = options.maxUsers ?? 30;
  const month = latestCoverageMonth(doc);
  const measured = doc.tables.logging_coverage
    .filter((row) => row.month === month && typeof row.coverage === 'number')
    .sort((a, b) => Number(b.flagged === true) - Number(a.flagged === true) || (a.coverage as number) - (b.coverage as number) || (a.user_id < b.user_id ? -1 : 1));
  const values = measured.slice(0, maxUsers).map((row) => ({
    user_id: row.user_id,
    coverage: row.coverage,
    logged_ai_tasks: row.logged_ai_tasks,
    reported_ai_tasks: row.reported_ai_tasks,
    status: row.flagged ? 'blind spot' : 'ok',
  }));
  const scope = measured.length > values.length ? ` (lowest ${values.length} of ${measured.length} users)` : '';
  // Full scale at least to 100 % so a bar's length reads against complete logging; more when users over-log.
  const axisMax = Math.max(1, ...values.map((value) => value.coverage as number));
  const thresholdLabel = `threshold ${Math.round(coverageThreshold * 100)} %`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: month === null ? 'Logging coverage' : `Logging coverage, ${month}${scope}`,
    description: 'AI tasks found in the logs per AI task the user reported, per user; users below the threshold are logging blind spots.',
    width: CHART_WIDTH,
    height: Math.min(640, Math.max(120, values.length * 16)),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'user_id', type: 'nominal', title: 'User', sort: 'x', axis: { labelLimit: 140 } },
          x: { field: 'coverage', type: 'quantitative', title: 'Logged / reported AI tasks', scale: { domain: [0, axisMax] }, axis: { format: '.0%' } },
          color: { field: 'status', type: 'nominal', title: 'Status', scale: { domain: ['blind spot', 'ok'], range: [FLAG_COLOR, OK_COLOR] } },
          tooltip: [
            { field: 'user_id', type: 'nominal', title: 'User' },
            { field: 'coverage', type: 'quantitative', title: 'Coverage', format: '.1%' },
            { field: 'logged_ai_tasks', type: 'quantitative', title: 'Logged AI tasks' },
            { field: 'reported_ai_tasks', type: 'quantitative', title: 'Reported AI tasks' },
          ],
        },
      },
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: '#1b1b1b', strokeDash: [6, 4] },
        encoding: { x: { datum: coverageThreshold, type: 'quantitative' } },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', color: '#1b1b1b', align: 'left', baseline: 'top', dx: 4, dy: 2 },
        encoding: { x: { datum: coverageThreshold, type: 'quantitative' }, y: { value: 0 }, text: { value: thresholdLabel } },
      },
    ],
  };
}
