import type { ColumnTable } from 'arquero';
/** Row numbers of a table (or of a source's rows), in order: what keepRows and rowNumbers return. */
export type RowIndices = Int32Array;
/**
 * The rows that `keep` accepts, in order: of `indices`, or of every row 0 .. n - 1 when given a count n.
 * A filter that allocates no JavaScript array; the result is a view of an array of the input's length.
 * @example keepRows(Int32Array.from([4, 5, 6]), (row) => row !== 5) // Int32Array [4, 6]
 * @example keepRows(3, (row) => row !== 1) // Int32Array [0, 2]
 */
export declare function keepRows(indices: Int32Array | number, keep: (row: number) => boolean): Int32Array;
/**
 * The row numbers 0 to `length` - 1, in order: every row of a column.
 * @example rowNumbers(3) // Int32Array [0, 1, 2]
 */
export declare function rowNumbers(length: number): Int32Array;
/**
 * Every row of a table, as one index list per table (scopeGroups caches its groups per list).
 * @example scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'user_id' })
 */
export declare const allRowsOf: (table: ColumnTable) => RowIndices;
