// Derived columns are typed arrays: a 0/1 flag takes one byte per row, and numbers in a plain array with nulls
// are boxed, one heap object per row.
/**
 * An empty 0/1 column of `length` rows (all 0).
 * @example const ai = flagColumn(tasks.numRows()); ai[row] = 1
 */
export function flagColumn(length) {
    return new Uint8Array(length);
}
/**
 * An empty number column of `length` rows (all 0; NaN stands for null).
 * @example const minutes = numberColumn(tasks.numRows()); minutes[row] = Number.NaN
 */
export function numberColumn(length) {
    return new Float64Array(length);
}
// A rule over two coded columns (e.g. source and status) holds or not for every row of a combination: it is
// asked once per combination of codes, not per row.
/**
 * `rule(first value, second value)` per row, computed once per pair of codes.
 * @example const isAi = pairRule(sources, statuses, isAiTask); isAi(row) // true for a completed AI task
 */
export function pairRule(first, second, rule) {
    const secondCount = second.values.length;
    const holds = new Uint8Array(first.values.length * secondCount);
    first.values.forEach((firstValue, firstId) => second.values.forEach((secondValue, secondId) => {
        holds[firstId * secondCount + secondId] = rule(firstValue, secondValue) ? 1 : 0;
    }));
    return (row) => holds[first.ids[row] * secondCount + second.ids[row]] === 1;
}
//# sourceMappingURL=derived-columns.js.map