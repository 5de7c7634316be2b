import type { StoreEngine } from './store-engine.js';
/** What `uptake store info` reports. */
export interface StoreInfo {
    store: string;
    engine: StoreEngine['kind'];
    /** ISO weeks (report time zone) the stored rows start in, first and last, and how many. */
    weeks: {
        first: string;
        last: string;
        count: number;
    } | null;
    /** Cleaned tasks of the last run (AI after stitching, manual after de-duplication). */
    tasks: number;
    quarantined: number;
    /** Input files in the ledger, by kind, and the rows they held. */
    files: Record<string, {
        files: number;
        rows: number;
    }>;
    sizeBytes: number;
    contract: string | null;
    lastRunAt: string | null;
}
/**
 * Counts what the store holds from its ledger and settings (no stored row is loaded into memory).
 * @example await storeInfo(engine) // { weeks: { first: '2026-W40', last: '2026-W47', count: 8 }, tasks: 5400, ... }
 */
export declare function storeInfo(engine: StoreEngine): Promise<StoreInfo>;
