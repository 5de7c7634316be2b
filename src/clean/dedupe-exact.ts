import type { LogRows } from '../ingest/log-rows.js';
import { denseIdsByHash } from './group-order.js';

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Returns the kept row indices in input order.
 * @example dedupeExact(rows, [0, 1, 2]) // { kept: [0, 2], duplicates: 1 }
 */
export function dedupeExact(rows: Pick<LogRows, 'id' | 'idHash' | 'completeness'>, indices: number[]): { kept: number[]; duplicates: number } {
  // Rows with the same id share a number (hashes computed while reading), and the winner is kept per number.
  const { ids: numberOf, count } = denseIdsByHash(rows.id, rows.idHash);
  const winner = new Int32Array(count).fill(-1);
  for (const index of indices) {
    const number = numberOf[index];
    if (winner[number] === -1 || rows.completeness[index] > rows.completeness[winner[number]]) winner[number] = index;
  }
  const kept = indices.filter((index) => winner[numberOf[index]] === index);
  return { kept, duplicates: indices.length - kept.length };
}
