import { cachedIn } from '../util/cached-in.js';
import { columnCodes, nullIds } from './column-codes.js';
const cache = new WeakMap();
// arquero's groupby builds a string key per row and per call; several KPIs group the same scope.
/**
 * The groups of the tasks at `rows` (rows with a null dimension only in the "*" groups), as ids per task,
 * each group's keys in order of first appearance as arquero's groupby lists them. Computed once per
 * table, rows and options.
 * @example const g = scopeGroups(tasks, taskRows(context).reportWeek, { by: [], dimension: 'team' }); sumByGroup(g, columnValues(tasks, 'ai'))
 */
export function scopeGroups(table, rows, options) {
    const id = JSON.stringify([options.by, options.dimension, options.includeAll !== false]);
    const perTable = cachedIn(cache, table, () => new WeakMap());
    const perRows = cachedIn(perTable, rows, () => new Map());
    return cachedIn(perRows, id, () => buildGroups(table, rows, options));
}
function buildGroups(table, rows, { by, dimension, includeAll }) {
    const length = rows.length;
    const byCodes = by.map((name) => columnCodes(table, name));
    const dimensionCodes = columnCodes(table, dimension);
    // Period part of the key: one id per distinct combination of the `by` columns.
    const periodOf = new Int32Array(length);
    const periodFirstRow = [];
    if (byCodes.length === 0) {
        // One period: every task has id 0.
        if (length > 0)
            periodFirstRow.push(rows[0]);
    }
    else {
        const periodId = firstSeenIds(byCodes.reduce((size, codes) => size * codes.values.length, 1));
        for (let index = 0; index < length; index += 1) {
            const row = rows[index];
            let key = 0;
            for (let column = 0; column < byCodes.length; column += 1)
                key = key * byCodes[column].values.length + byCodes[column].ids[row];
            const period = periodId(key);
            if (period === periodFirstRow.length)
                periodFirstRow.push(row);
            periodOf[index] = period;
        }
    }
    const periodKeys = (row) => {
        const keys = {};
        by.forEach((name, column) => {
            keys[name] = byCodes[column].values[byCodes[column].ids[row]];
        });
        return keys;
    };
    const withAll = includeAll !== false;
    const allCount = withAll ? periodFirstRow.length : 0;
    const all = withAll ? periodOf : new Int32Array(length).fill(-1);
    const group = new Int32Array(length);
    const dimensionKeys = [];
    const dimensionCount = dimensionCodes.values.length;
    const isNull = nullIds(dimensionCodes);
    const dimensionId = firstSeenIds(periodFirstRow.length * dimensionCount);
    for (let index = 0; index < length; index += 1) {
        const row = rows[index];
        const code = dimensionCodes.ids[row];
        if (isNull[code] === 1) {
            group[index] = -1;
            continue;
        }
        const id = dimensionId(periodOf[index] * dimensionCount + code);
        if (id === dimensionKeys.length)
            dimensionKeys.push({ ...periodKeys(row), [dimension]: dimensionCodes.values[code] });
        group[index] = allCount + id;
    }
    const allKeys = withAll ? periodFirstRow.map((row) => ({ ...periodKeys(row), [dimension]: '*' })) : [];
    // arquero rolls an empty ungrouped table up into one row: an empty scope still has its "*" row.
    if (withAll && by.length === 0 && length === 0) {
        allKeys.push({ [dimension]: '*' });
    }
    return { keys: [...allKeys, ...dimensionKeys], rows, group, all };
}
const DENSE_KEYS = 1 << 22;
// Ids 0, 1, ... for integer keys in [0, size) in order of first appearance: an array lookup unless huge.
function firstSeenIds(size) {
    if (size <= DENSE_KEYS) {
        const ids = new Int32Array(size).fill(-1);
        let next = 0;
        return (key) => {
            let id = ids[key];
            if (id === -1) {
                id = next;
                next += 1;
                ids[key] = id;
            }
            return id;
        };
    }
    const ids = new Map();
    return (key) => {
        let id = ids.get(key);
        if (id === undefined) {
            id = ids.size;
            ids.set(key, id);
        }
        return id;
    };
}
/**
 * Sum of a numeric column of the task table per group (tasks count in their dimension group and in their "*" group).
 * @example sumByGroup(groups, columnValues(tasks, 'ai'))[0] // AI tasks in the first group
 */
export function sumByGroup(groups, values) {
    const sums = new Float64Array(groups.keys.length);
    const { rows, group, all } = groups;
    for (let index = 0; index < rows.length; index += 1) {
        const value = values[rows[index]];
        if (typeof value !== 'number' || Number.isNaN(value))
            continue;
        if (group[index] !== -1)
            sums[group[index]] += value;
        if (all[index] !== -1)
            sums[all[index]] += value;
    }
    return sums;
}
const members = new WeakMap();
// Per-group passes (distinct users, per-user rates) need each group's tasks together: one counting sort.
/**
 * The tasks of every group, listed group after group; computed once per groups.
 * @example const { start, positions } = groupMembers(groups); positions.subarray(start[0], start[1]) // the first group's tasks
 */
export function groupMembers(groups) {
    return cachedIn(members, groups, () => sortMembers(groups));
}
function sortMembers({ keys, rows, group, all }) {
    const start = new Int32Array(keys.length + 1);
    for (let index = 0; index < rows.length; index += 1) {
        if (group[index] !== -1)
            start[group[index] + 1] += 1;
        if (all[index] !== -1)
            start[all[index] + 1] += 1;
    }
    for (let id = 0; id < keys.length; id += 1)
        start[id + 1] += start[id];
    const next = start.slice(0, keys.length);
    const positions = new Int32Array(start[keys.length]);
    for (let index = 0; index < rows.length; index += 1) {
        if (group[index] !== -1) {
            positions[next[group[index]]] = index;
            next[group[index]] += 1;
        }
        if (all[index] !== -1) {
            positions[next[all[index]]] = index;
            next[all[index]] += 1;
        }
    }
    return { start, positions };
}
/**
 * Distinct values of a coded column (e.g. users) per group.
 * @example distinctByGroup(groups, columnCodes(tasks, 'user_id'))[0] // users in the first group
 */
export function distinctByGroup(groups, codes) {
    const { start, positions } = groupMembers(groups);
    const counts = new Int32Array(groups.keys.length);
    const lastGroup = new Int32Array(codes.values.length).fill(-1);
    for (let id = 0; id < groups.keys.length; id += 1) {
        for (let member = start[id]; member < start[id + 1]; member += 1) {
            const value = codes.ids[groups.rows[positions[member]]];
            if (lastGroup[value] === id)
                continue;
            lastGroup[value] = id;
            counts[id] += 1;
        }
    }
    return counts;
}
//# sourceMappingURL=scope-groups.js.map