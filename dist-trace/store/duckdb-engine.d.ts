import { type StoreEngine } from './store-engine.js';
/**
 * Opens (creating when missing) an embedded DuckDB store file. The caller loads `@duckdb/node-api` alone
 * first (see openStoreEngine), so a missing native binding is an environment error, not a crash.
 * @example const engine = await openDuckDBEngine('output/.uptake/store.duckdb')
 */
export declare function openDuckDBEngine(path: string): Promise<StoreEngine>;
