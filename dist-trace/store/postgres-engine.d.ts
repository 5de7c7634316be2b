import { type StoreEngine } from './store-engine.js';
/**
 * Opens a PostgreSQL database as the store (tables in the connection's schema: set it with
 * `?options=-csearch_path%3Dname` in the URL). The password never shows in messages.
 * @example const engine = await openPostgresEngine(process.env.UPTAKE_STORE_URL!)
 */
export declare function openPostgresEngine(url: string): Promise<StoreEngine>;
