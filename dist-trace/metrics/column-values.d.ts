import type { ColumnTable } from 'arquero';
/**
 * A column's values in the table's row order: the column itself when it is an array and the table is
 * neither filtered nor ordered, else a copy made once per table and column. Treat it as read-only.
 * @example const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>
 */
export declare function columnValues(table: ColumnTable, name: string): ArrayLike<unknown>;
/**
 * A column of numbers or nulls as numbers in the table's row order, NaN for null (or anything not a
 * number): a NullableNumbers column's own values when the table is neither filtered nor ordered.
 * @example const accuracy = numberValues(tasks, 'accuracy'); if (!Number.isNaN(accuracy[row])) ...
 */
export declare function numberValues(table: ColumnTable, name: string): ArrayLike<number>;
