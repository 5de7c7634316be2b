/**
 * Row indices ordered by a group key, then start, then input order: the walk order of the
 * retry and stitching rules. Keys are numbered first so the sort compares numbers only.
 * @example orderByGroupAndStart([2, 0, 1], (i) => ['a', 'b', 'a'][i], [5, 1, 3]) // [1, 2, 0]
 */
export function orderByGroupAndStart(indices: number[], keyOf: (index: number) => string, start: number[]): { order: number[]; group: Int32Array } {
  const numbers = new Map<string, number>();
  const group = new Int32Array(indices.length);
  const position = new Map<number, number>();
  indices.forEach((index, slot) => {
    const key = keyOf(index);
    let id = numbers.get(key);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(key, id);
    }
    group[slot] = id;
    position.set(index, slot);
  });
  const slots = Array.from(indices.keys());
  slots.sort((a, b) => group[a] - group[b] || start[indices[a]] - start[indices[b]] || indices[a] - indices[b]);
  return { order: slots.map((slot) => indices[slot]), group: Int32Array.from(slots, (slot) => group[slot]) };
}
