import { numberKeys } from './number-keys.js';
/**
 * A key of strings compared by hash, then by value.
 * @example groupRows(kept, [textKey(rows.id, rows.idHash)])
 */
export function textKey(texts, hashes) {
    return { texts, hashes };
}
/**
 * A key of codes in [0, size), -1 for null (a dictionary's codes).
 * @example groupRows(rows, [denseKey(weeks.ids, weeks.values.length), denseKey(teams.ids, teams.values.length)])
 */
export function denseKey(codes, size) {
    return { codes, size };
}
/** Below this many combinations, dense keys are numbered through an array of that size. */
const DENSE_COMBINATIONS = 1 << 22;
/**
 * Groups `indices` by several keys at once: rows share a group when every key is equal. Ids are dense and
 * numbered in the order `indices` first meets each group (use orderWithinGroups to walk a group in order).
 * @example groupRows(kept, [rows.user, taskTypes, textKey(rows.prompt, rows.promptHash)]) // { ids, count }
 */
export function groupRows(indices, keys) {
    return group(indices, keys, false);
}
/**
 * groupRows with the ids per position in `indices` (`ids[slot]` is the group of `indices[slot]`): no array
 * as long as the whole column for a small selection of rows.
 * @example groupPositions(weekRows, [denseKey(teams.ids, teams.values.length)]).ids[0] // the first selected row's group
 */
export function groupPositions(indices, keys) {
    return group(indices, keys, true);
}
function group(indices, keys, byPosition) {
    if (keys.length === 0)
        throw new Error('groupRows needs at least one key');
    const rows = keyLength(keys[0]);
    // Leading dense keys (few combinations) are numbered through an array first; the rest hash with that number.
    let denseCount = 0;
    let combinations = 1;
    while (denseCount < keys.length && 'size' in keys[denseCount] && combinations * (keys[denseCount].size + 1) <= DENSE_COMBINATIONS) {
        combinations *= keys[denseCount].size + 1;
        denseCount += 1;
    }
    if (denseCount === keys.length)
        return numberDense(indices, rows, keys, byPosition);
    const rest = denseCount > 0 ? [numberDense(indices, rows, keys.slice(0, denseCount)).ids, ...keys.slice(denseCount)] : keys;
    let hashOf = hashOfKey(rest[0]);
    let same = sameOfKey(rest[0]);
    for (const key of rest.slice(1)) {
        const [hashBefore, hashOfThis, sameBefore, sameOfThis] = [hashOf, hashOfKey(key), same, sameOfKey(key)];
        hashOf = (row) => Math.imul(hashBefore(row), 0x9e3779b1) ^ hashOfThis(row);
        same = (row, other) => sameBefore(row, other) && sameOfThis(row, other);
    }
    return numberKeys(indices, rows, hashOf, same, byPosition);
}
function keyLength(key) {
    return key instanceof Int32Array ? key.length : 'codes' in key ? key.codes.length : key.texts.length;
}
function hashOfKey(key) {
    if (key instanceof Int32Array)
        return (row) => Math.imul(key[row], 0x85ebca77);
    if ('codes' in key)
        return hashOfKey(key.codes);
    const { hashes } = key;
    return (row) => hashes[row];
}
function sameOfKey(key) {
    if (key instanceof Int32Array)
        return (row, other) => key[row] === key[other];
    if ('codes' in key)
        return sameOfKey(key.codes);
    const { texts, hashes } = key;
    const equal = texts.equals ? (row, other) => texts.equals(row, other) : (row, other) => texts.at(row) === texts.at(other);
    return (row, other) => hashes[row] === hashes[other] && equal(row, other);
}
// Each row's combination of codes as one number (mixed radix, -1 shifted to 0), numbered through an array.
function numberDense(indices, rows, keys, byPosition = false) {
    const radix = keys.map((key) => key.size + 1);
    const idOf = new Int32Array(radix.reduce((product, size) => product * size, 1)).fill(-1);
    const ids = byPosition ? new Int32Array(indices.length) : new Int32Array(rows).fill(-1);
    const codes = keys.map((key) => key.codes);
    const [first, second] = codes;
    const secondRadix = radix[1];
    let count = 0;
    for (let slot = 0; slot < indices.length; slot += 1) {
        const row = indices[slot];
        let combination = first[row] + 1;
        if (codes.length === 2)
            combination = combination * secondRadix + second[row] + 1;
        else
            for (let key = 1; key < codes.length; key += 1)
                combination = combination * radix[key] + codes[key][row] + 1;
        let id = idOf[combination];
        if (id === -1)
            idOf[combination] = id = count++;
        ids[byPosition ? slot : row] = id;
    }
    return { ids, count: Math.max(count, 1) };
}
/**
 * Per group, the row of `indices` that `compare` puts first (compare < 0: a before b); -1 for a group with none.
 * @example bestOfGroups(rows, groups, (a, b) => completeness[b] - completeness[a] || a - b)[groups.ids[row]] === row
 */
export function bestOfGroups(indices, groups, compare) {
    const best = new Int32Array(groups.count).fill(-1);
    for (let slot = 0; slot < indices.length; slot += 1) {
        const row = indices[slot];
        const group = groups.ids[row];
        if (best[group] === -1 || compare(row, best[group]) < 0)
            best[group] = row;
    }
    return best;
}
/**
 * The rows of each group that holds more than one row of `indices`, in input order; groups in order of first appearance.
 * @example groupsOfSeveral(rows, groups) // [[0, 4], [2, 3, 7]]
 */
export function groupsOfSeveral(indices, groups) {
    const sizes = new Int32Array(groups.count);
    for (let slot = 0; slot < indices.length; slot += 1)
        sizes[groups.ids[indices[slot]]] += 1;
    const rowsOf = new Map();
    for (let slot = 0; slot < indices.length; slot += 1) {
        const row = indices[slot];
        const group = groups.ids[row];
        if (sizes[group] < 2)
            continue;
        let members = rowsOf.get(group);
        if (!members)
            rowsOf.set(group, (members = []));
        members.push(row);
    }
    return [...rowsOf.values()];
}
//# sourceMappingURL=group-rows.js.map