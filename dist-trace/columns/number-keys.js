// Packing two ids into one number overflows 32 bits (users x types x prompts) and a Map of such numbers
// boxes each one: keys are numbered in an open-addressing table of 32-bit integers instead.
// The table is scratch memory that the next numbering reuses: at a million rows, writing to fresh memory
// costs about as much as the numbering itself on virtual machines (see prefaultedMemory). A WeakRef keeps it
// for the rest of the run (a referent stays alive until the current job ends) and lets it go afterwards.
let scratchMemory;
function scratch(length) {
    let memory = scratchMemory?.deref();
    if (!memory || memory.length < length) {
        memory = new Int32Array(length);
        scratchMemory = new WeakRef(memory);
    }
    return memory.subarray(0, length);
}
/**
 * Dense ids, per row, of the keys of the given rows (-1 for other rows), numbered in order of first appearance;
 * with `byPosition`, per position in `indices` instead.
 * `hashOf` is a 32-bit hash of a row's key; `same` compares two rows' keys (called only when a slot is taken).
 * @example numberKeys([0, 1, 2], 3, (row) => codes[row], (row, other) => codes[row] === codes[other]) // { ids, count }
 */
export function numberKeys(indices, rows, hashOf, same, byPosition = false) {
    let size = 2;
    while (size < indices.length * 2)
        size *= 2;
    const mask = size - 1;
    const memory = scratch(size + indices.length);
    const table = memory.subarray(0, size).fill(-1); // slot -> id
    const firstRow = memory.subarray(size); // id -> the first row holding it
    const ids = byPosition ? new Int32Array(indices.length) : new Int32Array(rows).fill(-1);
    let count = 0;
    for (let slot = 0; slot < indices.length; slot += 1) {
        const row = indices[slot];
        const hash = hashOf(row);
        let probe = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) & mask;
        for (;;) {
            const id = table[probe];
            if (id === -1) {
                table[probe] = count;
                firstRow[count] = row;
                ids[byPosition ? slot : row] = count;
                count += 1;
                break;
            }
            if (same(row, firstRow[id])) {
                ids[byPosition ? slot : row] = id;
                break;
            }
            probe = (probe + 1) & mask;
        }
    }
    return { ids, count: Math.max(count, 1) };
}
//# sourceMappingURL=number-keys.js.map