import { join } from 'node:path';
import type { WarehouseConfig } from '../../config/schema.js';
import { UptakeError } from '../../errors.js';
import { loadDuckDB } from '../../util/load-duckdb.js';
import type { DuckDBTarget } from './duckdb.js';
import type { PostgresTarget } from './postgres.js';
import { warehouseTables, type WarehouseLoad, type WarehouseLoadResult } from './tables.js';

export type WarehouseTarget = DuckDBTarget | PostgresTarget;

/**
 * The files DuckDB keeps a warehouse in, as expectFileKinds checks them: a FIFO there would hold the load for good.
 * @example await expectFileKinds(duckdbWarehouseFiles('output/uptake.duckdb'), 'output')
 */
export function duckdbWarehouseFiles(path: string): Array<{ path: string; expected: string }> {
  return [
    { path, expected: 'the warehouse, a DuckDB file' },
    { path: `${path}.wal`, expected: "the warehouse's write-ahead log, a regular file" },
  ];
}

/**
 * Upserts one report week into a warehouse: `uptake_tasks` (the batch's weeks replaced) and one
 * `metric_<table>` per metric table (the report week replaced), all in one transaction.
 * @example
 * await loadWarehouse({ kind: 'duckdb', path: 'output/uptake.duckdb' }, { week: '2026-W47', tasks: cleaned.tasks, metrics: doc, runId })
 */
export async function loadWarehouse(target: WarehouseTarget, load: WarehouseLoad, effects: { signal?: AbortSignal } = {}): Promise<WarehouseLoadResult> {
  if (load.metrics.week !== load.week) {
    throw new UptakeError('warehouse', `expected the metrics document of ${load.week}, got one for ${load.metrics.week}`);
  }
  const tables = warehouseTables(load);
  if (target.kind === 'duckdb') return (await driverModule('duckdb')).loadDuckDB(target, tables);
  return (await driverModule('postgres')).loadPostgres(target, tables, effects);
}

// Each driver loads only when a load goes to it: DuckDB's native module alone takes about 0.3 s, and
// every notebook that imports uptake's library would pay it.
function driverModule(kind: 'duckdb'): Promise<typeof import('./duckdb.js')>;
function driverModule(kind: 'postgres'): Promise<typeof import('./postgres.js')>;
function driverModule(kind: WarehouseTarget['kind']): Promise<unknown>;
async function driverModule(kind: WarehouseTarget['kind']): Promise<unknown> {
  if (kind === 'postgres') return import('./postgres.js');
  // (the native module alone first: a missing binding is an error the stage reports, not a crash)
  await loadDuckDB();
  return import('./duckdb.js');
}

/**
 * Loads the driver modules the configured warehouses need, so a later loadWarehouse does not wait
 * for them (DuckDB's native module takes about 0.3 s). Never throws: a config error is left for the load.
 * @example void preloadWarehouseDrivers(config.warehouse, process.env)
 */
export async function preloadWarehouseDrivers(config: WarehouseConfig, env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const kinds = new Set(warehouseTargets(config, env).map((target) => target.kind));
    await Promise.all([...kinds].map(driverModule));
  } catch {
    // The warehouse stage reports it.
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The warehouses the config asks for: DuckDB unless `duckdbPath` is null (unset: `<outDir>/uptake.duckdb`,
 * so that runs with different output folders share no file), PostgreSQL when `postgresUrl` (a URL,
 * or the name of an env var holding one) or the env var `postgresUrlEnv` gives a URL.
 * A URL that is not a well-formed postgres:// URL is UptakeError('config') naming where it came from
 * (never its text: it may hold a password). Runs before any work, so a bad URL stops the run first.
 * @example warehouseTargets(config.warehouse, process.env, 'output') // [{ kind: 'duckdb', path: 'output/uptake.duckdb' }]
 */
export function warehouseTargets(config: WarehouseConfig, env: Record<string, string | undefined> = process.env, outDir = 'output'): WarehouseTarget[] {
  const targets: WarehouseTarget[] = [];
  if (config.duckdbPath !== null) targets.push({ kind: 'duckdb', path: config.duckdbPath ?? join(outDir, 'uptake.duckdb') });
  let url: string | undefined;
  let source: string;
  if (config.postgresUrl !== undefined) {
    const literal = POSTGRES_URL.test(config.postgresUrl);
    url = literal ? config.postgresUrl : env[config.postgresUrl];
    source = literal ? '`warehouse.postgresUrl`' : `the environment variable ${config.postgresUrl} (named by \`warehouse.postgresUrl\`)`;
    if (!url) {
      throw new UptakeError(
        'config',
        `warehouse.postgresUrl: expected a postgres:// URL or the name of a set environment variable, got \`${config.postgresUrl}\` (not set)`,
      );
    }
  } else {
    url = env[config.postgresUrlEnv] || undefined;
    source = `the environment variable ${config.postgresUrlEnv} (\`warehouse.postgresUrlEnv\`)`;
  }
  if (url !== undefined) {
    const problem = postgresUrlProblem(url);
    if (problem) throw new UptakeError('config', `warehouse: expected ${source} to hold a URL like postgres://user:password@host:5432/database, got one that ${problem}`);
    targets.push({ kind: 'postgres', url, schema: config.schema });
  }
  return targets;
}

// What is wrong with a PostgreSQL URL, in words that do not repeat it (it may hold a password).
function postgresUrlProblem(url: string): string | null {
  if (!POSTGRES_URL.test(url)) return 'does not start with postgres:// or postgresql://';
  if (/[\s\u0000-\u001f]/.test(url)) return 'holds spaces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a well-formed URL (check the port and that `@`, `:` and `/` inside the password are percent-encoded)';
  }
  if (parsed.port !== '' && !(Number(parsed.port) >= 1 && Number(parsed.port) <= 65535)) return `has the port ${parsed.port}, outside 1 to 65535`;
  if (parsed.hostname === '' && !parsed.searchParams.get('host')) return 'names no host';
  try {
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
    decodeURIComponent(parsed.pathname);
  } catch {
    return 'has a malformed percent-encoding in the user, password or database';
  }
  return null;
}
