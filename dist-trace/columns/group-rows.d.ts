/** Strings by row: a TextColumn (compared in place) or an array. */
export type Texts = {
    length: number;
    at(row: number): string | null | undefined;
    equals?(row: number, other: number): boolean;
};
/** A column of strings to group by, with a 32-bit hash per row (computed while reading): hashes are compared first. */
export interface TextKey {
    texts: Texts;
    hashes: Int32Array;
}
/** Codes known to lie in [0, size) (or -1): grouping by a few of these is an array lookup, not a hash. */
export interface DenseKey {
    codes: Int32Array;
    size: number;
}
/** A key to group by: a column of codes (equal codes are equal keys), dense codes, or a TextKey. */
export type GroupKey = Int32Array | DenseKey | TextKey;
/** Per row the id of its group (-1 for rows left out), ids numbered from 0 in order of first appearance; `count` ids in all (at least 1). */
export interface Groups {
    ids: Int32Array;
    count: number;
}
/**
 * A key of strings compared by hash, then by value.
 * @example groupRows(kept, [textKey(rows.id, rows.idHash)])
 */
export declare function textKey(texts: Texts, hashes: Int32Array): TextKey;
/**
 * A key of codes in [0, size), -1 for null (a dictionary's codes).
 * @example groupRows(rows, [denseKey(weeks.ids, weeks.values.length), denseKey(teams.ids, teams.values.length)])
 */
export declare function denseKey(codes: Int32Array, size: number): DenseKey;
/**
 * Groups `indices` by several keys at once: rows share a group when every key is equal. Ids are dense and
 * numbered in the order `indices` first meets each group (use orderWithinGroups to walk a group in order).
 * @example groupRows(kept, [rows.user, taskTypes, textKey(rows.prompt, rows.promptHash)]) // { ids, count }
 */
export declare function groupRows(indices: Int32Array, keys: GroupKey[]): Groups;
/**
 * groupRows with the ids per position in `indices` (`ids[slot]` is the group of `indices[slot]`): no array
 * as long as the whole column for a small selection of rows.
 * @example groupPositions(weekRows, [denseKey(teams.ids, teams.values.length)]).ids[0] // the first selected row's group
 */
export declare function groupPositions(indices: Int32Array, keys: GroupKey[]): Groups;
/**
 * Per group, the row of `indices` that `compare` puts first (compare < 0: a before b); -1 for a group with none.
 * @example bestOfGroups(rows, groups, (a, b) => completeness[b] - completeness[a] || a - b)[groups.ids[row]] === row
 */
export declare function bestOfGroups(indices: Int32Array, groups: Groups, compare: (a: number, b: number) => number): Int32Array;
/**
 * The rows of each group that holds more than one row of `indices`, in input order; groups in order of first appearance.
 * @example groupsOfSeveral(rows, groups) // [[0, 4], [2, 3, 7]]
 */
export declare function groupsOfSeveral(indices: Int32Array, groups: Groups): number[][];
