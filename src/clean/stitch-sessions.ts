import type { LogRows } from '../ingest/log-rows.js';
import { orderByGroupAndStart, rowNumbers, userTaskPairs } from './group-order.js';

// Workers tab away and come back: a row starting within minutes of the previous row's end continues its task.
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs.
 * @example stitchSessions(rows, kept, aiTypes.ids, 600_000) // { runs, stitchedRows: 12 }
 */
export function stitchSessions(rows: LogRows, indices: Int32Array, taskTypes: Int32Array, maxGapMs: number): { runs: Runs; stitchedRows: number } {
  // (user, task type) as one dense id: a pair of codes, not a string built per row
  const pairs = userTaskPairs(rows.user, taskTypes);
  const { order, group } = orderByGroupAndStart(indices, pairs.ids, pairs.count, rows.start);
  // A task is a run of consecutive slots in `order`; firstSlot marks where each run begins.
  const firstSlots: number[] = [];
  for (let slot = 0; slot < order.length; slot += 1) {
    if (slot > 0 && group[slot] === group[slot - 1]) {
      const previousEnd = rows.end[order[slot - 1]];
      const gap = rows.start[order[slot]] - previousEnd;
      if (!Number.isNaN(previousEnd) && gap >= 0 && gap <= maxGapMs) continue;
    }
    firstSlots.push(slot);
  }
  // Tasks are listed in the input order of their first row: marked by row, then read in row order (no sort).
  const taskOfFirstRow = new Int32Array(rows.length).fill(-1);
  firstSlots.forEach((slot, task) => {
    taskOfFirstRow[order[slot]] = task;
  });
  const taskOrder = new Int32Array(firstSlots.length);
  let next = 0;
  for (const task of taskOfFirstRow) if (task !== -1) taskOrder[next++] = task;
  return { runs: { order, firstSlots, taskOrder }, stitchedRows: indices.length - firstSlots.length };
}

/** A source's tasks as runs of rows: stitchSessions for AI rows, rowRuns for one task per row. */
export interface Runs {
  /** Row indices, tasks' rows consecutive and in start order. */
  order: Int32Array;
  /** Slot in `order` where each task's rows begin. */
  firstSlots: ArrayLike<number>;
  /** Tasks (positions in firstSlots) in output order. */
  taskOrder: Int32Array;
}

/**
 * One task per row, in input order: manual tasks, or AI rows with stitching turned off.
 * @example rowRuns(kept).taskOrder.length === kept.length
 */
export function rowRuns(indices: Int32Array): Runs {
  const slots = rowNumbers(indices.length);
  return { order: indices, firstSlots: slots, taskOrder: slots };
}
