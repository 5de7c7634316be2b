import type { WarehouseConfig } from '../../config/schema.js';
import type { DuckDBTarget } from './duckdb.js';
import type { PostgresTarget } from './postgres.js';
import { type WarehouseLoad, type WarehouseLoadResult } from './tables.js';
export type WarehouseTarget = DuckDBTarget | PostgresTarget;
/**
 * Upserts one report week into a warehouse: `uptake_tasks` (the batch's weeks replaced) and one
 * `metric_<table>` per metric table (the report week replaced), all in one transaction.
 * @example
 * await loadWarehouse({ kind: 'duckdb', path: 'output/uptake.duckdb' }, { week: '2026-W47', tasks: cleaned.tasks, metrics: doc, runId })
 */
export declare function loadWarehouse(target: WarehouseTarget, load: WarehouseLoad): Promise<WarehouseLoadResult>;
/**
 * Loads the driver modules the configured warehouses need, so a later loadWarehouse does not wait
 * for them (DuckDB's native module takes about 0.3 s). Never throws: a config error is left for the load.
 * @example void preloadWarehouseDrivers(config.warehouse, process.env)
 */
export declare function preloadWarehouseDrivers(config: WarehouseConfig, env?: Record<string, string | undefined>): Promise<void>;
/**
 * The warehouses the config asks for: DuckDB unless `duckdbPath` is null (unset: `<outDir>/uptake.duckdb`,
 * so that runs with different output folders share no file), PostgreSQL when `postgresUrl` (a URL,
 * or the name of an env var holding one) or the env var `postgresUrlEnv` gives a URL.
 * A URL that is not a well-formed postgres:// URL is UptakeError('config') naming where it came from
 * (never its text: it may hold a password). Runs before any work, so a bad URL stops the run first.
 * @example warehouseTargets(config.warehouse, process.env, 'output') // [{ kind: 'duckdb', path: 'output/uptake.duckdb' }]
 */
export declare function warehouseTargets(config: WarehouseConfig, env?: Record<string, string | undefined>, outDir?: string): WarehouseTarget[];
