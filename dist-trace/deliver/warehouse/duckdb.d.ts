import { type ColumnType, type WarehouseLoadResult, type WarehouseTable } from './tables.js';
export interface DuckDBTarget {
    kind: 'duckdb';
    /** The database file, created with its folder when missing. */
    path: string;
    /** Schema inside the file (default `main`, so tables read as plain `uptake_tasks`). */
    schema?: string;
}
/** The DuckDB type of a column type (shared with the tests). */
export declare function duckdbType(type: ColumnType): string;
/**
 * Loads the tables into a DuckDB file in one transaction: each table is created if missing and the
 * rows of the batch's weeks are replaced, so loading the same week twice leaves the same rows.
 * @example await loadDuckDB({ kind: 'duckdb', path: 'output/uptake.duckdb' }, warehouseTables(load))
 */
export declare function loadDuckDB(target: DuckDBTarget, tables: WarehouseTable[]): Promise<WarehouseLoadResult>;
