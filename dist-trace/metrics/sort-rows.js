/**
 * Sorts rows by key columns: "*" first, then strings by code point (numbers numerically), nulls last.
 * @example sortRows([{ team: 'B' }, { team: '*' }], ['team']) // [{ team: '*' }, { team: 'B' }]
 */
export function sortRows(rows, keys) {
    return [...rows].sort((a, b) => {
        for (const key of keys) {
            const order = compareValues(a[key], b[key]);
            if (order !== 0)
                return order;
        }
        return 0;
    });
}
function compareValues(a, b) {
    if (a === b)
        return 0;
    if (a === null || a === undefined)
        return 1;
    if (b === null || b === undefined)
        return -1;
    if (a === '*')
        return -1;
    if (b === '*')
        return 1;
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    const left = String(a);
    const right = String(b);
    return left < right ? -1 : left > right ? 1 : 0;
}
//# sourceMappingURL=sort-rows.js.map