/**
 * How many rows hold each code of a column of codes in [0, size), and the codes in order of first appearance.
 * @example countCodes(Int32Array.of(2, 0, 2), 3) // { counts: Int32Array [1, 0, 2], firstSeen: [2, 0] }
 */
export function countCodes(codes, size) {
    const counts = new Int32Array(size);
    const firstSeen = [];
    for (let row = 0; row < codes.length; row += 1) {
        const code = codes[row];
        if (counts[code]++ === 0)
            firstSeen.push(code);
    }
    return { counts, firstSeen };
}
//# sourceMappingURL=count-codes.js.map