import { cachedIn } from '../util/cached-in.js';
import { CodedColumn } from '../util/coded-column.js';
import { columnValues } from './column-values.js';
const cache = new WeakMap();
// Grouping, filtering and counting by integer ids avoids a string key per row; KPIs code the same columns.
/**
 * Dictionary codes of a column, computed once per table and column. Treat them as read-only.
 * @example const weeks = columnCodes(context.tasks, 'week'); weeks.values[weeks.ids[0]] // the first task's week
 */
export function columnCodes(table, name) {
    const perTable = cachedIn(cache, table, () => new Map());
    return cachedIn(perTable, name, () => {
        const column = table.column(name);
        if (column instanceof CodedColumn)
            return recode(column, table.isFiltered() || table.isOrdered() ? table.indices() : null, table.numRows());
        return encode(columnValues(table, name));
    });
}
// The column's codes already group its rows: each code is looked up once, not each row's value.
function recode(column, indices, length) {
    const codes = emptyCodes(length);
    const { ids } = codes;
    const idOfCode = new Int32Array(column.values.length + 1).fill(-1); // code + 1 -> id
    for (let row = 0; row < length; row += 1) {
        const code = column.codes[indices === null ? row : indices[row]];
        let id = idOfCode[code + 1];
        if (id === -1)
            idOfCode[code + 1] = id = codeOf(codes, code === -1 ? null : column.values[code]);
        ids[row] = id;
    }
    return codes;
}
function encode(column) {
    const codes = emptyCodes(column.length);
    const { ids } = codes;
    let previous;
    let previousId = -1;
    for (let row = 0; row < column.length; row += 1) {
        const value = column[row];
        // Runs of equal values are common (tasks arrive by file and time): skip the lookup for them.
        if (previousId !== -1 && value === previous) {
            ids[row] = previousId;
            continue;
        }
        const id = codeOf(codes, value);
        ids[row] = id;
        previous = value;
        previousId = id;
    }
    return codes;
}
/**
 * Codes to fill in row order with codeOf (ids all 0 until set).
 * @example const weeks = emptyCodes(tasks.numRows())
 */
export function emptyCodes(length) {
    return { ids: new Int32Array(length), values: [], idOf: new Map() };
}
/**
 * The id of a value in codes being built in row order: a new one on its first appearance.
 * @example weeks.ids[row] = codeOf(weeks, '2026-W47')
 */
export function codeOf(codes, value) {
    let id = codes.idOf.get(value);
    if (id === undefined) {
        id = codes.values.length;
        codes.idOf.set(value, id);
        codes.values.push(value);
    }
    return id;
}
/**
 * Per id, 1 when its value is null (or missing), else 0.
 * @example const isNull = nullIds(columnCodes(tasks, 'team'))
 */
export function nullIds(codes) {
    return Uint8Array.from(codes.values, (value) => (value === null || value === undefined ? 1 : 0));
}
/**
 * Stores codes a producer built alongside a column (they must be what columnCodes would compute).
 * @example rememberColumnCodes(enriched, 'week', weeks)
 */
export function rememberColumnCodes(table, name, codes) {
    cachedIn(cache, table, () => new Map()).set(name, codes);
}
//# sourceMappingURL=column-codes.js.map