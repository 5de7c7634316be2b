/**
 * Dense ids, per row, of the keys of the given rows (-1 for other rows), numbered in order of first appearance;
 * with `byPosition`, per position in `indices` instead.
 * `hashOf` is a 32-bit hash of a row's key; `same` compares two rows' keys (called only when a slot is taken).
 * @example numberKeys([0, 1, 2], 3, (row) => codes[row], (row, other) => codes[row] === codes[other]) // { ids, count }
 */
export declare function numberKeys(indices: ArrayLike<number>, rows: number, hashOf: (row: number) => number, same: (row: number, other: number) => boolean, byPosition?: boolean): {
    ids: Int32Array;
    count: number;
};
