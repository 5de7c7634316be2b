import type { ColumnTable } from 'arquero';
import type { MetricsDocument } from '../../metrics/document.js';
import { byQuarterHour } from '../../columns/index.js';
import { isoWeekOf } from '../../util/iso-week.js';

// One definition of every warehouse table, so DuckDB and PostgreSQL hold the same columns and types.

export type ColumnType = 'text' | 'integer' | 'double' | 'boolean' | 'timestamp' | 'date' | 'json';

export interface ColumnDef {
  name: string;
  type: ColumnType;
}

/**
 * A table ready to load: its columns, its rows (values already normalised: timestamps as epoch ms,
 * dates as `YYYY-MM-DD`, json as text), and the rows it replaces (`column IN values`).
 */
export interface WarehouseTable {
  name: string;
  columns: ColumnDef[];
  rows: unknown[][];
  replace: { column: string; values: string[] };
}

export interface WarehouseLoad {
  week: string;
  /** CleanedData.tasks */
  tasks: ColumnTable;
  metrics: MetricsDocument;
  runId: string;
}

export const TASKS_TABLE = 'uptake_tasks';

/** Cleaned-task columns of CleanedData.tasks, in table order; other columns go into `extra` (json). */
export const TASK_COLUMNS: ColumnDef[] = [
  { name: 'week', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'task_id', type: 'text' },
  { name: 'user_id', type: 'text' },
  { name: 'team', type: 'text' },
  { name: 'task_type', type: 'text' },
  { name: 'started_at', type: 'timestamp' },
  { name: 'duration_ms', type: 'double' },
  { name: 'status', type: 'text' },
  { name: 'accuracy', type: 'double' },
  { name: 'harmful', type: 'boolean' },
  { name: 'fragments', type: 'integer' },
  { name: 'prompt', type: 'text' },
  { name: 'tool_version', type: 'text' },
  { name: 'extra', type: 'json' },
  { name: 'run_id', type: 'text' },
];

const text = (name: string): ColumnDef => ({ name, type: 'text' });
const integer = (name: string): ColumnDef => ({ name, type: 'integer' });
const double = (name: string): ColumnDef => ({ name, type: 'double' });
const boolean = (name: string): ColumnDef => ({ name, type: 'boolean' });

/** Columns every metric table starts with. */
export const METRIC_KEY_COLUMNS: ColumnDef[] = [text('report_week'), text('run_id')];

/** The contract's columns of each metric table (CONTRACT section 4 plus the lead's decisions). */
export const METRIC_COLUMNS: Record<string, ColumnDef[]> = {
  adoption_by_team: [
    text('team'), integer('ai_tasks'), integer('manual_tasks'), double('adoption_rate'), double('delta_pts'),
    double('user_adoption_rate'), double('abandonment_rate'), double('user_weighted_adoption_rate'), integer('users'), boolean('suppressed'),
    integer('abandoned_tasks'), integer('ai_tasks_any_status'),
  ],
  adoption_by_task_type: [
    text('task_type'), text('team'), integer('ai_tasks'), integer('manual_tasks'), double('adoption_rate'), double('delta_pts'), boolean('suppressed'),
    integer('abandoned_tasks'), integer('ai_tasks_any_status'),
  ],
  adoption_trend: [
    text('week'), text('team'), integer('ai_tasks'), integer('manual_tasks'), double('adoption_rate'), boolean('suppressed'),
    integer('abandoned_tasks'), integer('ai_tasks_any_status'),
  ],
  time_saved: [text('week'), text('team'), double('hours_saved'), double('cumulative_hours_saved'), boolean('suppressed')],
  accuracy_stability: [text('month'), text('team'), integer('evaluated'), integer('above_target'), double('asi'), boolean('suppressed')],
  harm: [text('team'), integer('ai_tasks'), integer('harmful'), double('harm_rate'), boolean('suppressed')],
  logging_coverage: [
    text('month'), text('user_id'), integer('logged_ai_tasks'), integer('reported_ai_tasks'), double('coverage'), boolean('flagged'),
  ],
  gaps: [text('source'), text('team'), { name: 'date', type: 'date' }],
  alerts: [text('rule'), text('severity'), text('team'), text('task_type'), text('message')],
  power_users: [text('week'), text('user_id'), text('team'), integer('ai_tasks'), double('threshold')],
  baselines: [text('task_type'), double('baseline_min'), integer('manual_tasks_with_duration')],
  // The people tables (issue #24): typed here, since a column can be all null one week (no roster) and numbers the next.
  activation: [
    text('grain'), text('period'), text('team'), integer('licensed_users'), integer('new_ai_users'), double('activation_rate'),
    double('median_days_to_first_ai_task'), boolean('suppressed'), integer('not_yet_active_users'),
  ],
  retention: [
    text('month'), text('team'), integer('cohort_users'), double('retained_m1'), double('retained_m2'), integer('active_users'),
    double('active_retention'), double('active_retention_m2'), boolean('suppressed'),
  ],
  usage_tiers: [
    text('week'), text('team'), integer('people'), integer('none'), integer('light'), integer('moderate'), integer('heavy'),
    double('none_share'), double('light_share'), double('moderate_share'), double('heavy_share'), boolean('suppressed'),
  ],
  idle_seats: [
    text('team'), integer('licensed_users'), integer('idle_seats'), double('idle_share'), double('idle_cost'), integer('lapsed_users'),
    integer('idle_weeks'), boolean('suppressed'),
  ],
  people_caveats: [text('caveat')],
};

/**
 * Warehouse name of a metric table: `metric_` plus the name in lower snake case.
 * @example metricTableName('adoption_by_team') // 'metric_adoption_by_team'
 */
export function metricTableName(table: string): string {
  return `metric_${table.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`;
}

// An unknown column gets the widest type its values allow: numbers are double (an integer this week may be 0.5 next week).
function inferType(values: unknown[]): ColumnType {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'text';
  if (present.every((value) => typeof value === 'number')) return 'double';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  if (present.every((value) => typeof value === 'object')) return 'json';
  return 'text';
}

// PostgreSQL's text refuses NUL, and its jsonb also `\u0000` and unpaired surrogates: every text a
// warehouse gets is cleaned the same way, so DuckDB and PostgreSQL hold the same values.
/**
 * Text as both warehouses store it: NUL removed, unpaired UTF-16 surrogates replaced by U+FFFD.
 * @example warehouseText('a\u0000b\ud800') // 'ab\ufffd'
 */
export function warehouseText(text: string): string {
  return text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * JSON text both warehouses accept: as JSON.stringify writes it, without `\u0000` (in keys or
 * values) and with unpaired surrogates (which it writes as `\udXXX`) as U+FFFD.
 * @example warehouseJson({ 'k\u0000': 'v\u0000' }) // '{"k":"v"}'
 */
export function warehouseJson(value: unknown): string {
  // An escape counts only after an even number of backslashes (`\\u0000` is a backslash and "u0000").
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi, (_match, backslashes: string, code: string) =>
    code === '0000' ? backslashes : `${backslashes}\ufffd`,
  );
}

/**
 * Brings a value into the shape of its column type: epoch ms for timestamps, `YYYY-MM-DD` for dates,
 * JSON text for json; null for anything that cannot be read as that type.
 */
export function normaliseValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      return typeof value === 'string' ? warehouseText(value) : typeof value === 'object' ? warehouseJson(value) : String(value);
    case 'integer':
    case 'double': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return null;
      return type === 'integer' ? Math.round(number) : number;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : null;
    case 'timestamp': {
      const epoch = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
      return Number.isFinite(epoch) ? Math.round(epoch) : null;
    }
    case 'date': {
      const dateText = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      return /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? dateText : null;
    }
    case 'json':
      return warehouseJson(value);
  }
}

/**
 * The `uptake_tasks` rows: every cleaned task with its ISO `week` (started_at in the report zone);
 * pass-through columns are kept together in `extra`. It replaces the weeks present in the batch.
 * @example tasksTable(cleaned.tasks, 'Europe/Berlin', 'run-1').replace // { column: 'week', values: ['2026-W46', '2026-W47'] }
 */
export function tasksTable(tasks: ColumnTable, zone: string, runId: string): WarehouseTable {
  const known = new Set(TASK_COLUMNS.map((column) => column.name));
  const names = tasks.columnNames();
  const extraNames = names.filter((name) => !known.has(name));
  const arrays = new Map<string, ArrayLike<unknown>>(names.map((name) => [name, tasks.array(name) as ArrayLike<unknown>]));
  const labelWeek = byQuarterHour((epochMs) => isoWeekOf(epochMs, zone));
  const weeks = new Set<string>();
  const rows: unknown[][] = [];
  const count = tasks.numRows();
  for (let index = 0; index < count; index += 1) {
    const startedAt = normaliseValue(arrays.get('started_at')?.[index], 'timestamp') as number | null;
    const week = startedAt === null ? null : labelWeek(startedAt);
    if (week !== null) weeks.add(week);
    let extra: Record<string, unknown> | null = null;
    for (const name of extraNames) {
      const value = arrays.get(name)![index];
      if (value !== null && value !== undefined) (extra ??= {})[name] = value;
    }
    rows.push(
      TASK_COLUMNS.map((column) => {
        if (column.name === 'week') return week;
        if (column.name === 'run_id') return runId;
        if (column.name === 'extra') return extra === null ? null : warehouseJson(extra);
        return normaliseValue(arrays.get(column.name)?.[index], column.type);
      }),
    );
  }
  return { name: TASKS_TABLE, columns: TASK_COLUMNS, rows, replace: { column: 'week', values: [...weeks].sort() } };
}

/**
 * One `metric_<table>` per table of the metrics document, with `report_week` and `run_id` first,
 * then the contract's columns, then any further column the rows carry (type inferred).
 * @example metricTables(doc, 'run-1').map((table) => table.name) // ['metric_accuracy_stability', ...]
 */
export function metricTables(doc: MetricsDocument, runId: string): WarehouseTable[] {
  return Object.keys(doc.tables)
    .sort()
    .map((table) => {
      const records = (doc.tables[table] ?? []) as Record<string, unknown>[];
      const columns = [...METRIC_KEY_COLUMNS, ...(METRIC_COLUMNS[table] ?? [])];
      const seen = new Set(columns.map((column) => column.name));
      for (const record of records) {
        for (const key of Object.keys(record)) {
          if (seen.has(key)) continue;
          seen.add(key);
          columns.push({ name: key, type: inferType(records.map((row) => row[key])) });
        }
      }
      const rows = records.map((record) =>
        columns.map((column) => {
          if (column.name === 'report_week') return doc.week;
          if (column.name === 'run_id') return runId;
          return normaliseValue(record[column.name], column.type);
        }),
      );
      return { name: metricTableName(table), columns, rows, replace: { column: 'report_week', values: [doc.week] } };
    });
}

/**
 * Every table a load writes: `uptake_tasks` and one per metric table.
 * @example warehouseTables({ week: '2026-W47', tasks, metrics: doc, runId: 'r1' })
 */
export function warehouseTables(load: WarehouseLoad): WarehouseTable[] {
  return [tasksTable(load.tasks, load.metrics.timezone, load.runId), ...metricTables(load.metrics, load.runId)];
}

/**
 * Quotes an SQL identifier (same rule in DuckDB and PostgreSQL).
 * @example quoteIdentifier('my "table"') // '"my ""table"""'
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The load's outcome per table. */
export interface WarehouseLoadResult {
  target: 'duckdb' | 'postgres';
  /** Where it went: the DuckDB file or `host/database schema`. */
  location: string;
  tables: { name: string; deleted: number; inserted: number }[];
}
