import type { StoreColumnType, StoreEngine } from './store-engine.js';
/**
 * The cleaning contract's version the store's rows were cleaned under: bump it with any change to
 * CONTRACT.md section 2 (or to how a file's rows are parsed), and every store asks for a rebuild.
 */
export declare const CONTRACT_VERSION = "2026-12-05";
/** The layout of the store's tables. */
export declare const STORE_FORMAT = "7";
/**
 * Where `uptake run` keeps its store without `--store` or the config's `store`.
 * @example defaultStorePath('output') // 'output/.uptake/store.duckdb'
 */
export declare const defaultStorePath: (outDir: string) => string;
/**
 * The store `uptake run` uses: `--store` when given (false: `--no-store`, none), else the config's `store`
 * (null: none; the name of a set environment variable: its value), else `<outDir>/.uptake/store.duckdb`.
 * @example runStoreLocation(undefined, config, process.env, 'output') // 'output/.uptake/store.duckdb'
 */
export declare function runStoreLocation(option: string | false | undefined, config: {
    store?: string | null;
}, env: Record<string, string | undefined>, outDir: string): string | undefined;
/** The store's tables: name, then columns in order. */
export declare const STORE_TABLES: Record<string, Array<[string, StoreColumnType]>>;
/**
 * Opens the store at a file path (embedded DuckDB, created with its folder) or a postgres:// URL, with
 * its tables. A store of another format or contract version is UptakeError('config') asking for a rebuild,
 * unless `rebuild` (then it is emptied). `mustExist`: a missing file is UptakeError('input'), not a new store.
 * @example const engine = await openStore('output/.uptake/store.duckdb')
 */
export declare function openStore(location: string, options?: {
    rebuild?: boolean;
    mustExist?: boolean;
}): Promise<StoreEngine>;
/**
 * The store's key-value settings (format, contract, config hash, reader and zones fingerprints, clock, tasks).
 * @example (await readMeta(engine)).contract // '2026-12-05'
 */
export declare function readMeta(engine: StoreEngine): Promise<Record<string, string>>;
