import type { StoreEngine } from './store-engine.js';
/** store_rows.state: a row as last cleaned, a row of a file gone or changed (the rows of the files a run reads are in run_fresh). */
export declare const ROW_STATE: {
    readonly kept: 0;
    readonly gone: 2;
};
/** The rows of the region in the new state, by file: what the rules must see again. */
export interface Region {
    /** The region's earliest T (min over its pairs: a start in epoch ms, or the beginning of time), a bound for IN_REGION. */
    floor: number;
    /** Pairs (source, user, task type) whose rows from some start on are cleaned again. */
    pairs: number;
    /** Kept rows of the new state the region holds (the fresh files' rows are all in it). */
    rows: Array<{
        file: string;
        ordinal: number;
    }>;
    /** Stored rows outside the region (kept as cleaned). */
    keptRows: number;
}
/**
 * SQL: the row `row` (a table or alias of store_rows or store_tasks) lies in the region (run_region). `floor`,
 * the region's earliest T, restates the pair's bound for every row at once, so that the database skips the
 * blocks of older rows by their start (the store's rows and tasks are written in time order, file by file).
 */
export declare const IN_REGION: (row: string, floor: number) => string;
/**
 * Finds the region to clean again in store_rows (the replaced files' rows marked `gone`), run_fresh (the rows
 * of the files the run reads: FRESH_ROW_COLUMNS) and run_labels (the new canonical labels): seeds are the fresh
 * and gone rows and every pair of a label whose canonical form changed; `reachMs` is the longest retry or stitch
 * window. Leaves run_region (source, user_id, task_type, t) for the writes that follow. `kept`: the stored rows
 * kept before the run.
 * @example const region = await findRegion(engine, 600_000, 871_464)
 */
export declare function findRegion(engine: StoreEngine, reachMs: number, kept: number): Promise<Region>;
