import type { Groups } from './group-rows.js';
/** Rows in group order, each group's rows consecutive; `group[slot]` is the group of `order[slot]`. */
export interface Ordered {
    order: Int32Array;
    group: Int32Array;
}
/** Runs of consecutive rows of an order: run r is order[firstSlots[r]] up to the next run's first slot. */
export interface Runs {
    order: Int32Array;
    firstSlots: Int32Array;
}
/** Runs with the order to list them in: `listed` holds run numbers. */
export interface ListedRuns extends Runs {
    listed: Int32Array;
}
/**
 * `indices` ordered by group, then by `by` (a start, say), then input order.
 * @example orderWithinGroups(Int32Array.of(2, 0, 1), { ids: Int32Array.of(1, 0, 1), count: 2 }, [5, 1, 3]) // { order: [1, 2, 0], group: [0, 1, 1] }
 */
export declare function orderWithinGroups(indices: Int32Array, groups: Groups, by: ArrayLike<number>): Ordered;
/**
 * Chains consecutive rows of a group while `continues(previous row, row)` holds: each chain is a run.
 * @example chainRuns(ordered, (previous, row) => start[row] - start[previous] <= 30_000)
 */
export declare function chainRuns(ordered: Ordered, continues: (previous: number, row: number) => boolean): Runs;
/**
 * One run per row, listed in the order given.
 * @example singleRowRuns(kept).listed.length === kept.length
 */
export declare function singleRowRuns(indices: Int32Array): ListedRuns;
/**
 * The runs listed in the input order of their first rows (`rowCount`: rows of the columns).
 * @example listByFirstRow(chainRuns(ordered, continues), rows.length).listed // run numbers
 */
export declare function listByFirstRow(runs: Runs, rowCount: number): ListedRuns;
/**
 * `indices` without the rows of each run but the one `compare` puts first (compare < 0: a before b).
 * @example keepBestOfRuns(rows, runs, (a, b) => status[a] - status[b] || a - b, rows.length)
 */
export declare function keepBestOfRuns(indices: Int32Array, runs: Runs, compare: (a: number, b: number) => number, rowCount: number): Int32Array;
/**
 * How a run's values become one: its first or last row's, the sum (unknown if any is), the first or last
 * known one, `any` (the largest known value: true if any row is true), or the number of rows.
 */
export type Merge = 'first' | 'last' | 'sum' | 'first known' | 'last known' | 'any' | 'count';
/**
 * Merges `valueOf(row)` over each run's rows and writes one value per run, in listed order, to
 * `into[offset + position]`. `unknown` is the value that stands for none (NaN, or -1 for codes).
 * @example aggregateRuns(runs, 'sum', (row) => end[row] - start[row], durations) // durations[0]: the first listed run's
 */
export declare function aggregateRuns(runs: ListedRuns, how: Merge, valueOf: (row: number) => number, into: {
    [position: number]: number;
}, { offset, unknown }?: {
    offset?: number | undefined;
    unknown?: number | undefined;
}): void;
