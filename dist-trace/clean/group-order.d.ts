/**
 * Row indices ordered by group, then start, then input order: the walk order of the retry and
 * stitching rules. Groups are dense ids per row (denseIdsOfPairs); rows are bucketed by group in
 * one pass and only each (small) bucket is sorted by start.
 * @example orderByGroupAndStart([2, 0, 1], Int32Array.from([1, 0, 1]), 2, [5, 1, 3]) // { order: [1, 2, 0], group: [0, 1, 1] }
 */
export declare function orderByGroupAndStart(indices: ArrayLike<number>, groupOf: Int32Array, groupCount: number, start: ArrayLike<number>): {
    order: Int32Array;
    group: Int32Array;
};
/**
 * Dense ids, per row, of the pairs (first[row], second[row]) over the given rows (-1 for other rows),
 * numbered in order of first appearance.
 * @example denseIdsOfPairs([0, 1, 0], [5, 5, 5], [0, 1, 2], 3) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export declare function denseIdsOfPairs(first: ArrayLike<number>, second: ArrayLike<number>, indices: ArrayLike<number>, rows: number): {
    ids: Int32Array;
    count: number;
};
/**
 * denseIdsOfPairs of every row's (user code, task type id), computed once per pair of columns.
 * @example userTaskPairs(rows.user, aiTypes.ids) === userTaskPairs(rows.user, aiTypes.ids) // true
 */
export declare function userTaskPairs(users: Int32Array, taskTypes: Int32Array): {
    ids: Int32Array;
    count: number;
};
/**
 * The row numbers 0 to `length` - 1, in order: every row of a column.
 * @example rowNumbers(3) // Int32Array [0, 1, 2]
 */
export declare function rowNumbers(length: number): Int32Array;
/**
 * The entries of `indices` that `keep` accepts, in order: a filter that allocates no JavaScript array.
 * @example keepRows(Int32Array.from([4, 5, 6]), (row) => row !== 5) // Int32Array [4, 6]
 */
export declare function keepRows(indices: Int32Array, keep: (row: number) => boolean): Int32Array;
/**
 * Dense ids of strings (equal strings, or nulls, share an id; numbered in first-seen order), by the hashString
 * values computed when they were read: the hashes are compared first and the strings only when hashes match,
 * so no string is hashed here.
 * @example denseIdsByHash(['a', 'b', 'a'], Int32Array.from(['a', 'b', 'a'], hashString)) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export declare function denseIdsByHash(values: Texts, hashes: Int32Array): {
    ids: Int32Array;
    count: number;
};
/**
 * Dense ids, per row, of (ids[row], texts[row]) over the given rows (-1 for other rows), in order of first
 * appearance: the ids of denseIdsOfPairs(ids, denseIdsByHash(texts, hashes).ids, indices, rows), without
 * numbering every text first. Hashes are compared first and the strings only when they match.
 * @example denseIdsOfIdAndText(userTaskPairs(rows.user, types).ids, rows.prompt, rows.promptHash, eligible, rows.length)
 */
export declare function denseIdsOfIdAndText(ids: ArrayLike<number>, texts: Texts, hashes: Int32Array, indices: ArrayLike<number>, rows: number): {
    ids: Int32Array;
    count: number;
};
/** Strings by row: a TextColumn (compared in place) or an array. */
type Texts = {
    length: number;
    at(row: number): string | null | undefined;
    equals?(row: number, other: number): boolean;
};
export {};
