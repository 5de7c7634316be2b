import { cachedIn } from './cached-in.js';
import { columnCodes, nullIds } from './column-codes.js';
import { denseKey, groupPositions } from './group-rows.js';
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
// The groups are groupRows' over the scope: periods by the `by` columns, then (period, dimension value) for
// the tasks whose dimension is not null, each numbered in order of first appearance as arquero's groupby lists them.
function buildGroups(table, rows, { by, dimension, includeAll }) {
    const length = rows.length;
    const byCodes = by.map((name) => columnCodes(table, name));
    const dimensionCodes = columnCodes(table, dimension);
    const dense = (codes) => denseKey(codes.ids, codes.values.length);
    const periods = byCodes.length === 0 ? undefined : groupPositions(rows, byCodes.map(dense));
    const periodOf = periods ? periods.ids : new Int32Array(length); // one period (id 0) without `by` columns
    const periodFirstRow = [];
    for (let index = 0; index < length; index += 1)
        if (periodOf[index] === periodFirstRow.length)
            periodFirstRow.push(rows[index]);
    const periodKeys = (row) => {
        const keys = {};
        by.forEach((name, column) => {
            keys[name] = byCodes[column].values[byCodes[column].ids[row]];
        });
        return keys;
    };
    const isNull = nullIds(dimensionCodes);
    // (period, dimension value) in one numbering; tasks with a null value are left out of it below
    const combinations = groupPositions(rows, [...byCodes.map(dense), dense(dimensionCodes)]);
    const idOfCombination = new Int32Array(combinations.count).fill(-1);
    const withAll = includeAll !== false;
    const allCount = withAll ? periodFirstRow.length : 0;
    const all = withAll ? periodOf : new Int32Array(length).fill(-1);
    const group = new Int32Array(length);
    const dimensionKeys = [];
    for (let index = 0; index < length; index += 1) {
        const row = rows[index];
        const code = dimensionCodes.ids[row];
        if (isNull[code] === 1) {
            group[index] = -1;
            continue;
        }
        let id = idOfCombination[combinations.ids[index]];
        if (id === -1) {
            id = idOfCombination[combinations.ids[index]] = dimensionKeys.length;
            dimensionKeys.push({ ...periodKeys(row), [dimension]: dimensionCodes.values[code] });
        }
        group[index] = allCount + id;
    }
    const allKeys = withAll ? periodFirstRow.map((row) => ({ ...periodKeys(row), [dimension]: '*' })) : [];
    // arquero rolls an empty ungrouped table up into one row: an empty scope still has its "*" row.
    if (withAll && by.length === 0 && length === 0) {
        allKeys.push({ [dimension]: '*' });
    }
    return { keys: [...allKeys, ...dimensionKeys], rows, group, all };
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
/**
 * How many tasks each group holds (a task counts in its dimension group and in its "*" group).
 * @example countByGroup(groups)[0] // tasks in the first group
 */
export function countByGroup(groups) {
    const counts = new Int32Array(groups.keys.length);
    const { rows, group, all } = groups;
    for (let index = 0; index < rows.length; index += 1) {
        if (group[index] !== -1)
            counts[group[index]] += 1;
        if (all[index] !== -1)
            counts[all[index]] += 1;
    }
    return counts;
}
/**
 * Each group's values of a numeric column, sorted ascending (for medians and quantiles).
 * @example sortedQuantile(sortedValuesByGroup(groups, durations)[0], 0.5) // the first group's median
 */
export function sortedValuesByGroup(groups, values) {
    const { start, positions } = groupMembers(groups);
    const gathered = new Float64Array(positions.length);
    for (let member = 0; member < positions.length; member += 1)
        gathered[member] = values[groups.rows[positions[member]]];
    return groups.keys.map((_, group) => gathered.subarray(start[group], start[group + 1]).sort());
}
// Per-user rates within a group (user-weighted means) need each user's own totals, group by group.
/**
 * Visits every group with the sums of `columns` per distinct value of `codes` (e.g. per user) among its tasks,
 * slots in order of each value's first task in the group. The arrays are reused: read them inside `visit`.
 * @example eachGroupSubtotals(groups, users, [ai, manual], (group, { count, sums: [aiOf, manualOf] }) => ...)
 */
export function eachGroupSubtotals(groups, codes, columns, visit) {
    const { start, positions } = groupMembers(groups);
    // Scratch shared by the groups: the slot of each value seen in the current group, and each slot's sums.
    const lastGroup = new Int32Array(codes.values.length).fill(-1);
    const slotOf = new Int32Array(codes.values.length);
    const codeOfSlot = new Int32Array(codes.values.length);
    const sums = columns.map(() => new Float64Array(codes.values.length));
    for (let group = 0; group < groups.keys.length; group += 1) {
        let count = 0;
        for (let member = start[group]; member < start[group + 1]; member += 1) {
            const row = groups.rows[positions[member]];
            const code = codes.ids[row];
            if (lastGroup[code] !== group) {
                lastGroup[code] = group;
                slotOf[code] = count;
                codeOfSlot[count] = code;
                for (const column of sums)
                    column[count] = 0;
                count += 1;
            }
            const slot = slotOf[code];
            for (let column = 0; column < columns.length; column += 1)
                sums[column][slot] += columns[column][row];
        }
        visit(group, { count, codes: codeOfSlot, sums });
    }
}
//# sourceMappingURL=scope-groups.js.map