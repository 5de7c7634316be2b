/**
 * Row indices ordered by a group key, then start, then input order: the walk order of the
 * retry and stitching rules. Keys are numbered, rows bucketed by key in one pass, and only
 * each (small) bucket is sorted by start, so a million rows never meet a string comparison.
 * Keys may be numbers packed from denseIds: cheaper to hash than strings built per row.
 * @example orderByGroupAndStart([2, 0, 1], (i) => ['a', 'b', 'a'][i], [5, 1, 3]) // { order: [1, 2, 0], ... }
 */
export function orderByGroupAndStart(indices: number[], keyOf: (index: number) => string | number, start: ArrayLike<number>): { order: Int32Array; group: Int32Array } {
  const numbers = new Map<string | number, number>();
  const keyIds = new Int32Array(indices.length);
  for (let slot = 0; slot < indices.length; slot += 1) {
    const key = keyOf(indices[slot]);
    let id = numbers.get(key);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(key, id);
    }
    keyIds[slot] = id;
  }
  const bucketStart = new Int32Array(numbers.size + 1);
  for (const id of keyIds) bucketStart[id + 1] += 1;
  for (let id = 0; id < numbers.size; id += 1) bucketStart[id + 1] += bucketStart[id];
  const fill = bucketStart.slice(0, numbers.size);
  const order = new Int32Array(indices.length);
  const group = new Int32Array(indices.length);
  // indices arrive in input order, so each bucket is filled in input order: a stable base for the sort
  for (let slot = 0; slot < indices.length; slot += 1) {
    const position = fill[keyIds[slot]]++;
    order[position] = indices[slot];
    group[position] = keyIds[slot];
  }
  for (let id = 0; id < numbers.size; id += 1) {
    const from = bucketStart[id];
    const to = bucketStart[id + 1];
    if (to - from < 2 || isSortedByStart(order, from, to, start)) continue;
    const bucket = Array.from(order.subarray(from, to)).sort((a, b) => start[a] - start[b] || a - b);
    order.set(bucket, from);
  }
  return { order, group };
}

function isSortedByStart(order: Int32Array, from: number, to: number, start: ArrayLike<number>): boolean {
  for (let position = from + 1; position < to; position += 1) if (start[order[position]] < start[order[position - 1]]) return false;
  return true;
}

/**
 * Dense ids of values: equal values (the same string, or null) share an id; `count` ids in all.
 * @example denseIds(['a', 'b', 'a']) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export function denseIds(values: ArrayLike<unknown>): { ids: Int32Array; count: number } {
  const ids = new Int32Array(values.length);
  const known = new Map<unknown, number>();
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    let id = known.get(value);
    if (id === undefined) {
      id = known.size;
      known.set(value, id);
    }
    ids[index] = id;
  }
  return { ids, count: Math.max(known.size, 1) };
}

/**
 * denseIds of strings whose hashString values were computed when they were read: the hashes are
 * compared first and the strings only when hashes match, so no string is hashed here. Same ids as denseIds.
 * @example denseIdsByHash(['a', 'b', 'a'], Int32Array.from(['a', 'b', 'a'], hashString)) // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export function denseIdsByHash(values: ArrayLike<string | null>, hashes: Int32Array): { ids: Int32Array; count: number } {
  let size = 2;
  while (size < values.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1); // open addressing: slot -> id
  const firstRow = new Int32Array(values.length); // id -> the first row holding it
  const ids = new Int32Array(values.length);
  let count = 0;
  for (let index = 0; index < values.length; index += 1) {
    const hash = hashes[index];
    let slot = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) & mask;
    for (;;) {
      const id = table[slot];
      if (id === -1) {
        table[slot] = count;
        firstRow[count] = index;
        ids[index] = count;
        count += 1;
        break;
      }
      const first = firstRow[id];
      if (hashes[first] === hash && values[first] === values[index]) {
        ids[index] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { ids, count: Math.max(count, 1) };
}
