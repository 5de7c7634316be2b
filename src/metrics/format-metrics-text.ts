import type { MetricsDocument } from './document.js';
import type { Row } from './kpi.js';
import { tableLayouts } from './table-layouts.js';

const LABELS: Record<string, string> = {
  ai_tasks: 'AI tasks',
  manual_tasks: 'manual',
  adoption_rate: 'adoption',
  delta_pts: 'Δ pts',
  previous_adoption_rate: 'prev wk',
  user_adoption_rate: 'user adopt',
  ai_users: 'AI users',
  licensed_users: 'licensed',
  abandonment_rate: 'abandoned',
  user_weighted_adoption_rate: 'user-wtd',
  hours_saved: 'hours saved',
  cumulative_hours_saved: 'cumulative h',
  timed_ai_tasks: 'timed AI tasks',
  above_target: 'on target',
  harm_rate: 'harm rate',
  logged_ai_tasks: 'logged',
  reported_ai_tasks: 'reported',
  expected_tasks: 'usual count',
  baseline_min: 'baseline min',
  manual_tasks_with_duration: 'manual timed',
  threshold: 'cut-off',
};

/** Past this many rows, logging_coverage shows its flagged rows only. */
const COVERAGE_ROWS_SHOWN = 30;

/**
 * The metrics document as terminal text: a title per table, aligned columns, rates as percents
 * with one decimal, deltas signed, suppressed rows and blind spots marked in a `note` column.
 * @example process.stdout.write(formatMetricsText(computeMetrics(data, config, 'latest')))
 */
export function formatMetricsText(document: MetricsDocument): string {
  const privacy = document.privacy as { min_group_size?: number; pseudonymized?: boolean } | undefined;
  const loaded = document.loaded_dates as { first: string; last: string } | null | undefined;
  const minimum = privacy?.min_group_size ?? 0;
  const header = [
    `uptake metrics ${document.week} (${document.week_start} .. ${document.week_end}, periods in ${document.timezone})`,
    `loaded dates ${loaded ? `${loaded.first} .. ${loaded.last}` : 'none'}` +
      (minimum > 0 ? `; groups with fewer than ${minimum} users are suppressed` : '') +
      (privacy?.pseudonymized ? '; user ids pseudonymised' : ''),
  ].join('\n');
  const sections = [header];
  const layouts = tableLayouts(Object.keys(document.tables).filter((name) => name.startsWith('adoption_by_')).map((name) => name.slice('adoption_by_'.length)));
  const titles = new Map(layouts.map((layout) => [layout.name, layout.title]));
  for (const [name, rows] of Object.entries(document.tables)) {
    let shown = rows as Row[];
    let caption = `${titles.get(name) ?? name} [${name}]`;
    if (name === 'logging_coverage' && rows.length > COVERAGE_ROWS_SHOWN) {
      shown = shown.filter((row) => row.flagged === true);
      caption += `: ${shown.length} flagged of ${rows.length} user-months (--json lists all)`;
    }
    if (name === 'alerts') shown = shown.map(({ severity, rule, team, message }) => ({ severity, rule, team: team ?? null, message }));
    sections.push(`${caption}\n${shown.length === 0 ? '(none)' : alignRows(shown, minimum)}`);
  }
  return `${sections.join('\n\n')}\n`;
}

// One formatted string per cell; numeric columns are right-aligned.
function alignRows(rows: Row[], minimum: number): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => column !== 'suppressed' && column !== 'flagged');
  const marked = rows.some((row) => row.suppressed === true || row.flagged === true);
  const headers = [...columns.map((column) => LABELS[column] ?? column.replace(/_/g, ' ')), ...(marked ? ['note'] : [])];
  const numeric = columns.map((column) => rows.every((row) => row[column] === null || row[column] === undefined || typeof row[column] === 'number'));
  const cells = rows.map((row) => [
    ...columns.map((column) => formatCell(column, row[column])),
    ...(marked ? [row.suppressed === true ? `suppressed (< ${minimum} users)` : row.flagged === true ? 'BLIND SPOT' : ''] : []),
  ]);
  const widths = headers.map((label, index) => Math.max(label.length, ...cells.map((row) => row[index].length)));
  const line = (values: string[]): string =>
    values.map((value, index) => (numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

// The people tables' fractions: tier and idle shares, retention.
const PEOPLE_RATE = /_share$|^retained_m\d$|^active_retention/;

function formatCell(column: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number') return String(value);
  if (column.endsWith('_rate') || column === 'asi' || column === 'coverage' || PEOPLE_RATE.test(column)) return `${(value * 100).toFixed(1)}%`;
  if (column === 'delta_pts') return `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(column === 'threshold' ? 2 : 1);
}
