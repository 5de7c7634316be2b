import { type RowIndices } from '../columns/index.js';
import type { LogRows } from '../ingest/log-rows.js';
import { type TaskStatus } from '../ingest/types.js';
import type { RowTaskTypes } from './row-task-types.js';
/** The best status first: a retry that completed beats one abandoned, which beats an error. */
export declare const BEST_STATUS_FIRST: readonly TaskStatus[];
/**
 * CONTRACT 2.5: rows with the same user, canonical task type and non-empty prompt whose starts chain
 * within `windowMs` (each row within the window of the attempt's previous row) are one attempt. The
 * attempt keeps its best status, then the earlier start, then the first in input order.
 * Returns the kept indices in input order.
 * @example dedupeRetries(rows, kept, aiTypes, 30_000) // { kept: [...], duplicates: 4 }
 */
export declare function dedupeRetries(rows: Pick<LogRows, 'length' | 'strings' | 'user' | 'prompt' | 'promptHash' | 'start' | 'status'>, indices: RowIndices, 
/** Canonical task type per row. */
taskTypes: RowTaskTypes, windowMs: number): {
    kept: RowIndices;
    duplicates: number;
};
