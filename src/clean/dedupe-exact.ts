import type { LogRows } from '../ingest/log-rows.js';

/**
 * Rows sharing an event_id / task_id are one row (CONTRACT 2.4): the most complete is kept,
 * the first in input order on a tie. Returns the kept row indices in input order.
 * @example dedupeExact(rows, [0, 1, 2]) // { kept: [0, 2], duplicates: 1 }
 */
export function dedupeExact(rows: Pick<LogRows, 'id' | 'completeness'>, indices: number[]): { kept: number[]; duplicates: number } {
  // Each id is hashed once: its rows share a number, and the winner is kept per number.
  const idNumbers = new Map<string, number>();
  const numberOf = new Int32Array(indices.length);
  const winner: number[] = [];
  for (let slot = 0; slot < indices.length; slot += 1) {
    const index = indices[slot];
    const id = rows.id[index];
    let number = idNumbers.get(id);
    if (number === undefined) {
      number = winner.length;
      idNumbers.set(id, number);
      winner.push(index);
    } else if (rows.completeness[index] > rows.completeness[winner[number]]) {
      winner[number] = index;
    }
    numberOf[slot] = number;
  }
  const kept: number[] = [];
  for (let slot = 0; slot < indices.length; slot += 1) if (winner[numberOf[slot]] === indices[slot]) kept.push(indices[slot]);
  return { kept, duplicates: indices.length - kept.length };
}
