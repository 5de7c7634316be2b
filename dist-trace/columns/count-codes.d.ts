/**
 * How many rows hold each code of a column of codes in [0, size), and the codes in order of first appearance.
 * @example countCodes(Int32Array.of(2, 0, 2), 3) // { counts: Int32Array [1, 0, 2], firstSeen: [2, 0] }
 */
export declare function countCodes(codes: Int32Array, size: number): {
    counts: Int32Array;
    firstSeen: number[];
};
