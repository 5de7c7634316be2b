import { cachedIn } from '../util/cached-in.js';
/**
 * Row indices ordered by group, then start, then input order: the walk order of the retry and
 * stitching rules. Groups are dense ids per row (denseIdsOfPairs); rows are bucketed by group in
 * one pass and only each (small) bucket is sorted by start.
 * @example orderByGroupAndStart([2, 0, 1], Int32Array.from([1, 0, 1]), 2, [5, 1, 3]) // { order: [1, 2, 0], group: [0, 1, 1] }
 */
export function orderByGroupAndStart(indices, groupOf, groupCount, start) {
    const bucketStart = new Int32Array(groupCount + 1);
    for (let slot = 0; slot < indices.length; slot += 1)
        bucketStart[groupOf[indices[slot]] + 1] += 1;
    for (let id = 0; id < groupCount; id += 1)
        bucketStart[id + 1] += bucketStart[id];
    const fill = bucketStart.slice(0, groupCount);
    const order = new Int32Array(indices.length);
    const group = new Int32Array(indices.length);
    // indices arrive in input order, so each bucket is filled in input order: a stable base for the sort
    for (let slot = 0; slot < indices.length; slot += 1) {
        const index = indices[slot];
        const position = fill[groupOf[index]]++;
        order[position] = index;
        group[position] = groupOf[index];
    }
    for (let id = 0; id < groupCount; id += 1) {
        const from = bucketStart[id];
        const to = bucketStart[id + 1];
        if (to - from < 2 || isSortedByStart(order, from, to, start))
            continue;
        const bucket = Array.from(order.subarray(from, to)).sort((a, b) => start[a] - start[b] || a - b);
        order.set(bucket, from);
    }
    return { order, group };
}
// Packing two ids into one number overflows 32 bits (users x types x prompts) and a Map of such
// numbers boxes each one: pairs are numbered in an open-addressing table of 32-bit integers instead.
/**
 * Dense ids, per row, of the pairs (first[row], second[row]) over the given rows (-1 for other rows),
 * numbered in order of first appearance.
 * @example denseIdsOfPairs([0, 1, 0], [5, 5, 5], [0, 1, 2], 3) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export function denseIdsOfPairs(first, second, indices, rows) {
    return numberKeys(indices, rows, (row) => Math.imul(first[row], 0x9e3779b1) ^ Math.imul(second[row], 0x85ebca77), (row, other) => first[row] === first[other] && second[row] === second[other]);
}
const userTaskPairsOf = new WeakMap();
// The retry and the stitching rules both walk (user, task type) groups of the same rows: number them once.
/**
 * denseIdsOfPairs of every row's (user code, task type id), computed once per pair of columns.
 * @example userTaskPairs(rows.user, aiTypes.ids) === userTaskPairs(rows.user, aiTypes.ids) // true
 */
export function userTaskPairs(users, taskTypes) {
    return cachedIn(cachedIn(userTaskPairsOf, taskTypes, () => new WeakMap()), users, () => denseIdsOfPairs(users, taskTypes, rowNumbers(users.length), users.length));
}
/**
 * The row numbers 0 to `length` - 1, in order: every row of a column.
 * @example rowNumbers(3) // Int32Array [0, 1, 2]
 */
export function rowNumbers(length) {
    const rows = new Int32Array(length);
    for (let row = 0; row < length; row += 1)
        rows[row] = row;
    return rows;
}
/**
 * The entries of `indices` that `keep` accepts, in order: a filter that allocates no JavaScript array.
 * @example keepRows(Int32Array.from([4, 5, 6]), (row) => row !== 5) // Int32Array [4, 6]
 */
export function keepRows(indices, keep) {
    const kept = new Int32Array(indices.length);
    let count = 0;
    for (let slot = 0; slot < indices.length; slot += 1)
        if (keep(indices[slot]))
            kept[count++] = indices[slot];
    return kept.subarray(0, count); // a view: a copy would be fresh memory again
}
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
// Open addressing over 32-bit hashes: keys are compared (`same`) only when a slot is taken.
function numberKeys(indices, rows, hashOf, same) {
    let size = 2;
    while (size < indices.length * 2)
        size *= 2;
    const mask = size - 1;
    const memory = scratch(size + indices.length);
    const table = memory.subarray(0, size).fill(-1); // slot -> id
    const firstRow = memory.subarray(size); // id -> the first row holding it
    const ids = new Int32Array(rows).fill(-1);
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
                ids[row] = count;
                count += 1;
                break;
            }
            if (same(row, firstRow[id])) {
                ids[row] = id;
                break;
            }
            probe = (probe + 1) & mask;
        }
    }
    return { ids, count: Math.max(count, 1) };
}
function isSortedByStart(order, from, to, start) {
    for (let position = from + 1; position < to; position += 1)
        if (start[order[position]] < start[order[position - 1]])
            return false;
    return true;
}
/**
 * Dense ids of strings (equal strings, or nulls, share an id; numbered in first-seen order), by the hashString
 * values computed when they were read: the hashes are compared first and the strings only when hashes match,
 * so no string is hashed here.
 * @example denseIdsByHash(['a', 'b', 'a'], Int32Array.from(['a', 'b', 'a'], hashString)) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export function denseIdsByHash(values, hashes) {
    const equal = textEquality(values);
    return numberKeys(rowNumbers(values.length), values.length, (row) => hashes[row], (row, other) => hashes[row] === hashes[other] && equal(row, other));
}
// Retries group by (user and task type, prompt): one numbering of the pairs, not one of the prompts and one of the pairs.
/**
 * Dense ids, per row, of (ids[row], texts[row]) over the given rows (-1 for other rows), in order of first
 * appearance: the ids of denseIdsOfPairs(ids, denseIdsByHash(texts, hashes).ids, indices, rows), without
 * numbering every text first. Hashes are compared first and the strings only when they match.
 * @example denseIdsOfIdAndText(userTaskPairs(rows.user, types).ids, rows.prompt, rows.promptHash, eligible, rows.length)
 */
export function denseIdsOfIdAndText(ids, texts, hashes, indices, rows) {
    const equal = textEquality(texts);
    return numberKeys(indices, rows, (row) => Math.imul(ids[row], 0x9e3779b1) ^ hashes[row], (row, other) => ids[row] === ids[other] && hashes[row] === hashes[other] && equal(row, other));
}
function textEquality(texts) {
    return texts.equals ? (row, other) => texts.equals(row, other) : (row, other) => texts.at(row) === texts.at(other);
}
//# sourceMappingURL=group-order.js.map