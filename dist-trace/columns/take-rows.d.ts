import { type ColumnTable } from 'arquero';
/**
 * A table of the given rows of an unfiltered, unordered table, in that order: coded and nullable-number
 * columns and typed arrays copied as such, any other column a view of its rows.
 * @example takeRows(data.tasks, keepRows(data.tasks.numRows(), (row) => weeks[row] === 'current'))
 */
export declare function takeRows(source: ColumnTable, indices: Int32Array): ColumnTable;
