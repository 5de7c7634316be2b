import type { LogRows } from '../ingest/log-rows.js';
import { type RowIndices } from '../columns/index.js';
export interface ExactDuplicates {
    kept: RowIndices;
    duplicates: number;
    /** The kept row of each id whose copies disagree on a non-empty field once cleaned. */
    conflicting: number[];
}
/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Copies whose non-empty fields disagree once cleaned are counted
 * as conflicting, and the kept row is harmful when any copy is. Returns the kept row indices in input order.
 * `taskTypes`: each row's canonical task type (rowTaskTypes), so that spellings of one label agree.
 * @example dedupeExact(rows, rowNumbers(rows.length), aiTypes.ids) // { kept: Int32Array [0, 2], duplicates: 1, conflicting: [] }
 */
export declare function dedupeExact(rows: LogRows, indices: RowIndices, taskTypes: ArrayLike<number>): ExactDuplicates;
