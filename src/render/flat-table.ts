import type { MetricsDocument } from '../metrics/document.js';
import { columnUnit } from '../metrics/column-catalog.js';
import { tableColumns } from '../metrics/table-columns.js';

// Shared by the CSV and Excel writers: which tables, which columns, and how text is made safe.

/** Column order of the contract's tables (CONTRACT section 4): these come first. */
const KNOWN_COLUMNS: Record<string, readonly string[]> = {
  adoption_by_team: ['team', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'user_adoption_rate'],
  adoption_by_task_type: ['task_type', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts'],
  adoption_trend: ['week', 'team', 'ai_tasks', 'manual_tasks', 'adoption_rate'],
  time_saved: ['week', 'team', 'hours_saved', 'cumulative_hours_saved'],
  accuracy_stability: ['month', 'team', 'evaluated', 'above_target', 'asi'],
  harm: ['team', 'ai_tasks', 'harmful', 'harm_rate'],
  logging_coverage: ['month', 'user_id', 'logged_ai_tasks', 'reported_ai_tasks', 'coverage', 'flagged'],
  gaps: ['source', 'team', 'date'],
  alerts: ['rule', 'team', 'severity'],
  activation: ['grain', 'period', 'team', 'licensed_users', 'not_yet_active_users', 'new_ai_users', 'activation_rate', 'median_days_to_first_ai_task', 'suppressed'],
  retention: ['month', 'team', 'cohort_users', 'retained_m1', 'retained_m2', 'active_users', 'active_retention', 'active_retention_m2', 'suppressed'],
  usage_tiers: ['week', 'team', 'people', 'none', 'light', 'moderate', 'heavy', 'none_share', 'light_share', 'moderate_share', 'heavy_share', 'suppressed'],
  idle_seats: ['team', 'licensed_users', 'idle_seats', 'idle_share', 'idle_cost', 'lapsed_users', 'idle_weeks', 'suppressed'],
  people_caveats: ['caveat'],
};

export interface FlatTable {
  name: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * Every table of the document with its columns: the contract's first, then every other the table may hold
 * (tableColumns: an empty table keeps its header), then any other as first seen.
 */
export function flatTables(doc: MetricsDocument): FlatTable[] {
  return Object.entries(doc.tables).map(([name, rows]) => {
    const columns = [...new Set([...(KNOWN_COLUMNS[name] ?? []), ...tableColumns(name)])];
    const seen = new Set(columns);
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      }
    }
    return { name, columns, rows };
  });
}

/** Rates are fractions in [0, 1], as the column catalogue says (`*_rate`, `coverage`, `asi`, `asi_change`, `*_share`, ...). */
export function isRateColumn(column: string): boolean {
  return columnUnit(column) === 'rate';
}

export { neutraliseFormula } from '../util/neutralise-formula.js';

/** A value as plain text for a cell: dates as ISO text, objects as JSON, non-finite numbers empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** A table name made safe as a file name: adoption_by_team -> adoption_by_team.csv */
export function tableFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_-]+/g, '_') || 'table'}.csv`;
}
