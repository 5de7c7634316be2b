import { formatCount } from '../../metrics/column-catalog.js';
import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { CHART_WIDTH, FLAG_COLOR, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA } from './chart-style.js';
import { reportThresholds } from './report-thresholds.js';

/** The newest month of the logging_coverage table, or null when it is empty. */
export function latestCoverageMonth(doc: MetricsDocument): string | null {
  const months = doc.tables.logging_coverage.map((row) => row.month).sort();
  return months.length > 0 ? months[months.length - 1] : null;
}

// A bar per user who logs fine is half a page of 100 % bars: only the users below the threshold
// (the blind spots) are drawn, lowest first; with none, the chart has no data and the report says
// so in a sentence instead (see coverageSummary).
/**
 * Logging coverage of the users below the threshold in the newest fully loaded month, lowest first,
 * with the threshold as a dashed line; at most `maxUsers` (default 30) users.
 * @example loggingCoverageChart(doc).data.values.every((row) => row.coverage < 0.8) // true
 */
export function loggingCoverageChart(doc: MetricsDocument, options: { coverageThreshold?: number; maxUsers?: number } = {}): TopLevelSpec {
  const { coverageThreshold } = reportThresholds(doc, options);
  const maxUsers = options.maxUsers ?? 30;
  const month = latestCoverageMonth(doc);
  const below = doc.tables.logging_coverage
    .filter((row) => row.month === month && typeof row.coverage === 'number' && row.coverage < coverageThreshold)
    .sort((a, b) => (a.coverage as number) - (b.coverage as number) || (a.user_id < b.user_id ? -1 : 1));
  const values = below.slice(0, maxUsers).map((row) => ({
    user_id: row.user_id,
    team: typeof row.team === 'string' ? row.team : '',
    coverage: row.coverage,
    logged_ai_tasks: row.logged_ai_tasks,
    reported_ai_tasks: row.reported_ai_tasks,
  }));
  const scope = below.length > values.length ? ` (lowest ${values.length} of ${formatCount(below.length)})` : '';
  const thresholdLabel = `threshold ${Math.round(coverageThreshold * 100)} %`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: month === null ? 'Logging blind spots' : `Logging blind spots, ${month}${scope}`,
    description: 'Users who logged fewer AI tasks than the threshold share of those they reported: their AI use is under-counted.',
    width: CHART_WIDTH,
    height: Math.min(480, Math.max(60, values.length * 18)),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: FLAG_COLOR },
        encoding: {
          y: { field: 'user_id', type: 'nominal', title: 'User', sort: 'x', axis: { labelLimit: 140 } },
          x: { field: 'coverage', type: 'quantitative', title: 'Logged / reported AI tasks', scale: { domain: [0, 1] }, axis: { labelExpr: PERCENT_AXIS_LABELS } },
          tooltip: [
            { field: 'user_id', type: 'nominal', title: 'User' },
            { field: 'team', type: 'nominal', title: 'Team' },
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

/**
 * One sentence on logging coverage for when no chart is needed, or to sum it up: how many users
 * of the newest month are below the threshold. Plain text; null without coverage rows.
 * @example coverageSummary(doc) // 'All 54 users logged at least 80 % of the AI tasks they reported in 2026-10.'
 */
export function coverageSummary(doc: MetricsDocument, options: { coverageThreshold?: number } = {}): string | null {
  const { coverageThreshold } = reportThresholds(doc, options);
  const month = latestCoverageMonth(doc);
  const rows = doc.tables.logging_coverage.filter((row) => row.month === month && typeof row.coverage === 'number');
  if (month === null || rows.length === 0) return null;
  // The threshold drawn and named is the one that selects (a configured one wins over the document's flags).
  const below = rows.filter((row) => (row.coverage as number) < coverageThreshold).length;
  const threshold = `${Math.round(coverageThreshold * 100)} %`;
  const everyone = rows.length === 1 ? 'The one user' : `All ${formatCount(rows.length)} users`;
  if (below === 0) return `${everyone} logged at least ${threshold} of the AI tasks they reported in ${month}: no logging blind spots.`;
  return `${formatCount(below)} of ${formatCount(rows.length)} users logged less than ${threshold} of the AI tasks they reported in ${month}: their AI use is under-counted.`;
}
