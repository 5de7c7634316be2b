import { cachedIn } from './cached-in.js';
import { NullableNumbers } from './nullable-numbers.js';
const cache = new WeakMap();
// table.array() copies a column through a per-row callback on every call; KPIs read the same columns often.
/**
 * A column's values in the table's row order: the column itself when it is an array and the table is
 * neither filtered nor ordered, else a copy made once per table and column. Treat it as read-only.
 * @example const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>
 */
export function columnValues(table, name) {
    const column = table.column(name);
    const indexable = Array.isArray(column) || ArrayBuffer.isView(column); // else read through `at` (TaskText, CodedColumn, NullableNumbers)
    if (indexable && !table.isFiltered() && !table.isOrdered())
        return column;
    const perTable = cachedIn(cache, table, () => new Map());
    return cachedIn(perTable, name, () => {
        if (!indexable)
            return table.array(name);
        // Plain index loop over the table's row indices: table.array() calls a closure per row.
        const source = column;
        const indices = table.indices();
        const copy = new Array(indices.length);
        for (let row = 0; row < indices.length; row += 1)
            copy[row] = source[indices[row]];
        return copy;
    });
}
/**
 * A column of numbers or nulls as numbers in the table's row order, NaN for null (or anything not a
 * number): a NullableNumbers column's own values when the table is neither filtered nor ordered.
 * @example const accuracy = numberValues(tasks, 'accuracy'); if (!Number.isNaN(accuracy[row])) ...
 */
export function numberValues(table, name) {
    const column = table.column(name);
    if (column instanceof NullableNumbers && !table.isFiltered() && !table.isOrdered())
        return column.values;
    return Float64Array.from(columnValues(table, name), (value) => (typeof value === 'number' ? value : Number.NaN));
}
// A Float64Array sorts numerically without a comparator, and faster than an array of numbers with one.
/**
 * A copy of the numbers, sorted ascending.
 * @example sortedNumbers([3, 1, 2]) // Float64Array [1, 2, 3]
 */
export function sortedNumbers(values) {
    return Float64Array.from(values).sort();
}
//# sourceMappingURL=column-values.js.map