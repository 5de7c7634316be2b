/**
 * Row indices ordered by a group key, then start, then input order: the walk order of the
 * retry and stitching rules. Keys are numbered, rows bucketed by key in one pass, and only
 * each (small) bucket is sorted by start, so a million rows never meet a string comparison.
 * @example orderByGroupAndStart([2, 0, 1], (i) => ['a', 'b', 'a'][i], [5, 1, 3]) // { order: [1, 2, 0], ... }
 */
export function orderByGroupAndStart(indices: number[], keyOf: (index: number) => string, start: number[]): { order: Int32Array; group: Int32Array } {
  const numbers = new Map<string, number>();
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

function isSortedByStart(order: Int32Array, from: number, to: number, start: number[]): boolean {
  for (let position = from + 1; position < to; position += 1) if (start[order[position]] < start[order[position - 1]]) return false;
  return true;
}
