import type { ColumnTable } from 'arquero';
import { type ColumnCodes } from './column-codes.js';
/** A group's key columns and their values. */
type Row = Record<string, unknown>;
export interface ScopeGroupOptions {
    /** Period keys kept in every group (e.g. ['week']); [] for a single period. */
    by: string[];
    /** The grouping column; tasks whose value is null count only in the "*" groups. */
    dimension: string;
    /** Add one group per period with `dimension = "*"` over all its tasks (default true). */
    includeAll?: boolean;
}
/** A scope's tasks grouped per period and dimension value (plus "*"), as integer ids per task. */
export interface ScopeGroups {
    /** Key columns of each group (the `by` columns and the dimension, "*" for all-groups rows), all-groups rows first. */
    keys: Row[];
    /** The scope: rows of the task table, in table order. The per-task arrays below follow it. */
    rows: Int32Array;
    /** Per task: its dimension group (an index into keys), or -1 when the dimension is null. */
    group: Int32Array;
    /** Per task: its all-groups ("*") group, or -1 when there is none (includeAll false). */
    all: Int32Array;
}
/**
 * The groups of the tasks at `rows` (rows with a null dimension only in the "*" groups), as ids per task,
 * each group's keys in order of first appearance as arquero's groupby lists them. Computed once per
 * table, rows and options.
 * @example const g = scopeGroups(tasks, taskRows(context).reportWeek, { by: [], dimension: 'team' }); sumByGroup(g, columnValues(tasks, 'ai'))
 */
export declare function scopeGroups(table: ColumnTable, rows: Int32Array, options: ScopeGroupOptions): ScopeGroups;
/**
 * Sum of a numeric column of the task table per group (tasks count in their dimension group and in their "*" group).
 * @example sumByGroup(groups, columnValues(tasks, 'ai'))[0] // AI tasks in the first group
 */
export declare function sumByGroup(groups: ScopeGroups, values: ArrayLike<unknown>): Float64Array;
/** Each group's tasks: positions (indices into groups.rows) from start[g] to start[g + 1], in table order. */
export interface GroupMembers {
    start: Int32Array;
    positions: Int32Array;
}
/**
 * The tasks of every group, listed group after group; computed once per groups.
 * @example const { start, positions } = groupMembers(groups); positions.subarray(start[0], start[1]) // the first group's tasks
 */
export declare function groupMembers(groups: ScopeGroups): GroupMembers;
/**
 * Distinct values of a coded column (e.g. users) per group.
 * @example distinctByGroup(groups, columnCodes(tasks, 'user_id'))[0] // users in the first group
 */
export declare function distinctByGroup(groups: ScopeGroups, codes: ColumnCodes): Int32Array;
/**
 * How many tasks each group holds (a task counts in its dimension group and in its "*" group).
 * @example countByGroup(groups)[0] // tasks in the first group
 */
export declare function countByGroup(groups: ScopeGroups): Int32Array;
/**
 * Each group's values of a numeric column, sorted ascending (for medians and quantiles).
 * @example sortedQuantile(sortedValuesByGroup(groups, durations)[0], 0.5) // the first group's median
 */
export declare function sortedValuesByGroup(groups: ScopeGroups, values: ArrayLike<number>): Float64Array[];
/** A group's subtotals per distinct code: `count` codes, `codes[slot]` and `sums[column][slot]` for slots 0..count-1. */
export interface CodeSubtotals {
    count: number;
    /** The code (an id of the `codes` given) of each slot. */
    codes: Int32Array;
    sums: Float64Array[];
}
/**
 * Visits every group with the sums of `columns` per distinct value of `codes` (e.g. per user) among its tasks,
 * slots in order of each value's first task in the group. The arrays are reused: read them inside `visit`.
 * @example eachGroupSubtotals(groups, users, [ai, manual], (group, { count, sums: [aiOf, manualOf] }) => ...)
 */
export declare function eachGroupSubtotals(groups: ScopeGroups, codes: ColumnCodes, columns: Array<ArrayLike<number>>, visit: (group: number, subtotals: CodeSubtotals) => void): void;
export {};
