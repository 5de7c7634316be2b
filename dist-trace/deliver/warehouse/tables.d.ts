import type { ColumnTable } from 'arquero';
import type { MetricsDocument } from '../../metrics/document.js';
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
    replace: {
        column: string;
        values: string[];
    };
}
export interface WarehouseLoad {
    week: string;
    /** CleanedData.tasks */
    tasks: ColumnTable;
    metrics: MetricsDocument;
    runId: string;
}
export declare const TASKS_TABLE = "uptake_tasks";
/** Cleaned-task columns of CleanedData.tasks, in table order; other columns go into `extra` (json). */
export declare const TASK_COLUMNS: ColumnDef[];
/** Columns every metric table starts with. */
export declare const METRIC_KEY_COLUMNS: ColumnDef[];
/** The contract's columns of each metric table (CONTRACT section 4 plus the lead's decisions). */
export declare const METRIC_COLUMNS: Record<string, ColumnDef[]>;
/**
 * Warehouse name of a metric table: `metric_` plus the name in lower snake case.
 * @example metricTableName('adoption_by_team') // 'metric_adoption_by_team'
 */
export declare function metricTableName(table: string): string;
/**
 * Text as both warehouses store it: NUL removed, unpaired UTF-16 surrogates replaced by U+FFFD.
 * @example warehouseText('a\u0000b\ud800') // 'ab\ufffd'
 */
export declare function warehouseText(text: string): string;
/**
 * JSON text both warehouses accept: as JSON.stringify writes it, without `\u0000` (in keys or
 * values) and with unpaired surrogates (which it writes as `\udXXX`) as U+FFFD.
 * @example warehouseJson({ 'k\u0000': 'v\u0000' }) // '{"k":"v"}'
 */
export declare function warehouseJson(value: unknown): string;
/**
 * Brings a value into the shape of its column type: epoch ms for timestamps, `YYYY-MM-DD` for dates,
 * JSON text for json; null for anything that cannot be read as that type.
 */
export declare function normaliseValue(value: unknown, type: ColumnType): unknown;
/**
 * The `uptake_tasks` rows: every cleaned task with its ISO `week` (started_at in the report zone);
 * pass-through columns are kept together in `extra`. It replaces the weeks present in the batch.
 * @example tasksTable(cleaned.tasks, 'Europe/Berlin', 'run-1').replace // { column: 'week', values: ['2026-W46', '2026-W47'] }
 */
export declare function tasksTable(tasks: ColumnTable, zone: string, runId: string): WarehouseTable;
/**
 * One `metric_<table>` per table of the metrics document, with `report_week` and `run_id` first,
 * then the contract's columns, then any further column the rows carry (type inferred).
 * @example metricTables(doc, 'run-1').map((table) => table.name) // ['metric_accuracy_stability', ...]
 */
export declare function metricTables(doc: MetricsDocument, runId: string): WarehouseTable[];
/**
 * Every table a load writes: `uptake_tasks` and one per metric table.
 * @example warehouseTables({ week: '2026-W47', tasks, metrics: doc, runId: 'r1' })
 */
export declare function warehouseTables(load: WarehouseLoad): WarehouseTable[];
/**
 * Quotes an SQL identifier (same rule in DuckDB and PostgreSQL).
 * @example quoteIdentifier('my "table"') // '"my ""table"""'
 */
export declare function quoteIdentifier(name: string): string;
/** The load's outcome per table. */
export interface WarehouseLoadResult {
    target: 'duckdb' | 'postgres';
    /** Where it went: the DuckDB file or `host/database schema`. */
    location: string;
    tables: {
        name: string;
        deleted: number;
        inserted: number;
    }[];
}
