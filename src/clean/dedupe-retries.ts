import type { LogRows } from '../ingest/log-rows.js';
import { denseIdsOfIdAndText, keepRows, orderByGroupAndStart, userTaskPairs } from './group-order.js';

// Retries share a prompt and start within seconds: one attempt, keep the best status then the earliest.
/**
 * CONTRACT 2.5: rows with the same user, canonical task type and non-empty prompt whose starts
 * chain within `windowMs` are one attempt. Returns the kept indices in input order.
 * @example dedupeRetries(rows, kept, aiTypes.ids, 30_000) // { kept: [...], duplicates: 4 }
 */
export function dedupeRetries(
  rows: Pick<LogRows, 'user' | 'prompt' | 'promptHash' | 'start' | 'status'>,
  indices: Int32Array,
  /** Canonical task type per row, as ids (RowTaskTypes). */
  taskTypes: Int32Array,
  windowMs: number,
): { kept: Int32Array; duplicates: number } {
  const eligible = keepRows(indices, (index) => !rows.prompt.isEmpty(index));
  // (user, task type, prompt) as one dense id: never a string built per row
  const attempts = denseIdsOfIdAndText(userTaskPairs(rows.user, taskTypes).ids, rows.prompt, rows.promptHash, eligible, rows.user.length);
  const { order, group } = orderByGroupAndStart(eligible, attempts.ids, attempts.count, rows.start);
  const dropped = new Uint8Array(rows.user.length);
  let duplicates = 0;
  let best = -1;
  const better = (a: number, b: number) =>
    rows.status[a] - rows.status[b] || rows.start[a] - rows.start[b] || a - b;
  for (let slot = 0; slot < order.length; slot += 1) {
    const index = order[slot];
    const continues = slot > 0 && group[slot] === group[slot - 1] && rows.start[index] - rows.start[order[slot - 1]] <= windowMs;
    if (!continues) {
      best = index;
      continue;
    }
    duplicates += 1;
    if (better(index, best) < 0) {
      dropped[best] = 1;
      best = index;
    } else {
      dropped[index] = 1;
    }
  }
  return { kept: keepRows(indices, (index) => dropped[index] === 0), duplicates };
}
