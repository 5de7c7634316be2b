import type { LogRows } from '../ingest/log-rows.js';
import { denseIdsByHash, keepRows } from './group-order.js';

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Returns the kept row indices in input order.
 * @example dedupeExact(rows, rowNumbers(rows.length)) // { kept: Int32Array [0, 2], duplicates: 1 }
 */
export function dedupeExact(rows: Pick<LogRows, 'id' | 'idHash' | 'completeness'>, indices: Int32Array): { kept: Int32Array; duplicates: number } {
  // Rows with the same id share a number (hashes computed while reading), and the winner is kept per number.
  const { ids: numberOf, count } = denseIdsByHash(rows.id, rows.idHash);
  const winner = new Int32Array(count).fill(-1);
  for (let slot = 0; slot < indices.length; slot += 1) {
    const index = indices[slot];
    const number = numberOf[index];
    if (winner[number] === -1 || rows.completeness[index] > rows.completeness[winner[number]]) winner[number] = index;
  }
  const kept = keepRows(indices, (index) => winner[numberOf[index]] === index);
  return { kept, duplicates: indices.length - kept.length };
}
