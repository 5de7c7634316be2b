import type { ColumnTable } from 'arquero';
/** A column as integer ids: rows with equal values (as arquero groups them; null is a value too) share an id. */
export interface ColumnCodes {
    /** Per row: the id of its value. */
    ids: Int32Array;
    /** The distinct values by id, in order of first appearance. */
    values: unknown[];
    /** Value -> id. */
    idOf: Map<unknown, number>;
}
/**
 * Dictionary codes of a column, computed once per table and column. Treat them as read-only.
 * @example const weeks = columnCodes(context.tasks, 'week'); weeks.values[weeks.ids[0]] // the first task's week
 */
export declare function columnCodes(table: ColumnTable, name: string): ColumnCodes;
/**
 * Codes to fill in row order with codeOf (ids all 0 until set).
 * @example const weeks = emptyCodes(tasks.numRows())
 */
export declare function emptyCodes(length: number): ColumnCodes;
/**
 * The id of a value in codes being built in row order: a new one on its first appearance.
 * @example weeks.ids[row] = codeOf(weeks, '2026-W47')
 */
export declare function codeOf(codes: ColumnCodes, value: unknown): number;
/**
 * Per id, 1 when its value is null (or missing), else 0.
 * @example const isNull = nullIds(columnCodes(tasks, 'team'))
 */
export declare function nullIds(codes: ColumnCodes): Uint8Array;
/**
 * Stores codes a producer built alongside a column (they must be what columnCodes would compute).
 * @example rememberColumnCodes(enriched, 'week', weeks)
 */
export declare function rememberColumnCodes(table: ColumnTable, name: string, codes: ColumnCodes): void;
