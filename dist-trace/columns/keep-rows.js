import { memoizedPer } from './cached-in.js';
/**
 * The rows that `keep` accepts, in order: of `indices`, or of every row 0 .. n - 1 when given a count n.
 * A filter that allocates no JavaScript array; the result is a view of an array of the input's length.
 * @example keepRows(Int32Array.from([4, 5, 6]), (row) => row !== 5) // Int32Array [4, 6]
 * @example keepRows(3, (row) => row !== 1) // Int32Array [0, 2]
 */
export function keepRows(indices, keep) {
    if (typeof indices === 'number') {
        const kept = new Int32Array(indices);
        let count = 0;
        for (let row = 0; row < indices; row += 1)
            if (keep(row))
                kept[count++] = row;
        return kept.subarray(0, count);
    }
    const kept = new Int32Array(indices.length);
    let count = 0;
    for (let slot = 0; slot < indices.length; slot += 1)
        if (keep(indices[slot]))
            kept[count++] = indices[slot];
    return kept.subarray(0, count); // a view: a copy would be fresh memory again
}
/**
 * The row numbers 0 to `length` - 1, in order: every row of a column.
 * @example rowNumbers(3) // Int32Array [0, 1, 2]
 */
export function rowNumbers(length) {
    const rows = new Int32Array(length);
    for (let row = 0; row < length; row += 1)
        rows[row] = row;
    return rows;
}
/**
 * Every row of a table, as one index list per table (scopeGroups caches its groups per list).
 * @example scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'user_id' })
 */
export const allRowsOf = memoizedPer((table) => rowNumbers(table.numRows()));
//# sourceMappingURL=keep-rows.js.map