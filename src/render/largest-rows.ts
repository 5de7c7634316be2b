/**
 * At most `limit` rows: those with the largest `size` (ties: the earlier row first), in their own order; rows
 * that `always` holds are kept besides, and count towards the limit. For the report's tables and charts: a label of
 * free text (a task type) or a list of people can hold thousands of rows, which would fill hundreds of pages.
 * @example largestRows([{ t: 'a', n: 1 }, { t: 'b', n: 5 }, { t: 'c', n: 3 }], 2, (row) => row.n) // [{ t: 'b', n: 5 }, { t: 'c', n: 3 }]
 */
export function largestRows<T>(rows: readonly T[], limit: number, size: (row: T) => number, always: (row: T) => boolean = () => false): T[] {
  if (rows.length <= limit) return [...rows];
  const kept = new Set<number>();
  rows.forEach((row, index) => always(row) && kept.add(index));
  const ranked = rows
    .map((row, index) => ({ index, size: size(row) }))
    .filter(({ index }) => !kept.has(index))
    .sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { index } of ranked) {
    if (kept.size >= limit) break;
    kept.add(index);
  }
  return rows.filter((_, index) => kept.has(index));
}
