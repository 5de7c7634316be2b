import type { ColumnCodes } from './column-codes.js';
/**
 * An empty 0/1 column of `length` rows (all 0).
 * @example const ai = flagColumn(tasks.numRows()); ai[row] = 1
 */
export declare function flagColumn(length: number): Uint8Array;
/**
 * An empty number column of `length` rows (all 0; NaN stands for null).
 * @example const minutes = numberColumn(tasks.numRows()); minutes[row] = Number.NaN
 */
export declare function numberColumn(length: number): Float64Array;
/**
 * `rule(first value, second value)` per row, computed once per pair of codes.
 * @example const isAi = pairRule(sources, statuses, isAiTask); isAi(row) // true for a completed AI task
 */
export declare function pairRule<First, Second>(first: ColumnCodes, second: ColumnCodes, rule: (first: First, second: Second) => boolean): (row: number) => boolean;
