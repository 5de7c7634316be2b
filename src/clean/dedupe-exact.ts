import type { LogRows } from '../ingest/log-rows.js';

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Returns the kept row indices in input order.
 * @example dedupeExact(rows, [0, 1, 2]) // { kept: [0, 2], duplicates: 1 }
 */
export function dedupeExact(rows: Pick<LogRows, 'id' | 'completeness'>, indices: number[]): { kept: number[]; duplicates: number } {
  const winner = new Map<string, number>();
  for (const index of indices) {
    const id = rows.id[index];
    const current = winner.get(id);
    if (current === undefined || rows.completeness[index] > rows.completeness[current]) winner.set(id, index);
  }
  const kept = indices.filter((index) => winner.get(rows.id[index]) === index);
  return { kept, duplicates: indices.length - kept.length };
}
