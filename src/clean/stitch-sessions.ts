import type { LogRows } from '../ingest/log-rows.js';
import { denseIds, denseIdsOfPairs, orderByGroupAndStart } from './group-order.js';

/** Cleaned tasks of one source, column by column. */
export interface TaskColumns {
  length: number;
  taskId: string[];
  userId: string[];
  team: Array<string | null>;
  taskType: string[];
  startedAt: Float64Array;
  /** NaN when unknown. */
  durationMs: Float64Array;
  /** STATUS_RANK. */
  status: Int8Array;
  /** NaN when unknown. */
  accuracy: Float64Array;
  /** -1 unknown, 0 false, 1 true. */
  harmful: Int8Array;
  fragments: Int32Array;
  prompt: Array<string | null>;
  toolVersion: Array<string | null>;
  passThrough: Map<string, Array<string | null>>;
}

// Workers tab away and come back: a row starting within minutes of the previous row's end continues its task.
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs.
 * @example stitchSessions(rows, kept, labels, 600_000) // { tasks, stitchedRows: 12 }
 */
export function stitchSessions(rows: LogRows, indices: number[], labels: string[], maxGapMs: number): { tasks: TaskColumns; stitchedRows: number } {
  // (user, task type) as one dense id: ids of the interned strings, not a string built per row
  const users = denseIds(rows.user);
  const types = denseIds(labels);
  const pairs = denseIdsOfPairs(users.ids, types.ids, indices, rows.length);
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
  const runs = { order, firstSlots, taskOrder };
  return { tasks: buildTasks(rows, runs, labels), stitchedRows: indices.length - firstSlots.length };
}

interface Runs {
  /** Row indices, tasks' rows consecutive and in start order. */
  order: Int32Array;
  /** Slot in `order` where each task's rows begin. */
  firstSlots: number[];
  /** Tasks (positions in firstSlots) in output order. */
  taskOrder: Int32Array;
}

/**
 * One task per row, in input order: manual tasks, or AI rows with stitching turned off.
 * @example tasksFromRows(rows, kept, labels).length === kept.length
 */
export function tasksFromRows(rows: LogRows, indices: number[], labels: string[]): TaskColumns {
  const order = Int32Array.from(indices);
  return buildTasks(rows, { order, firstSlots: indices.map((_, slot) => slot), taskOrder: Int32Array.from(indices.keys()) }, labels);
}

function buildTasks(rows: LogRows, runs: Runs, labels: string[]): TaskColumns {
  const count = runs.taskOrder.length;
  const names = [...rows.passThrough.keys()];
  const tasks: TaskColumns = {
    length: count, taskId: new Array(count), userId: new Array(count), team: new Array(count), taskType: new Array(count),
    startedAt: new Float64Array(count), durationMs: new Float64Array(count), status: new Int8Array(count), accuracy: new Float64Array(count),
    harmful: new Int8Array(count), fragments: new Int32Array(count), prompt: new Array(count), toolVersion: new Array(count),
    passThrough: new Map(names.map((name) => [name, new Array<string | null>(count)])),
  };
  const passColumns = names.map((name) => [rows.passThrough.get(name)!, tasks.passThrough.get(name)!] as const);
  for (let out = 0; out < count; out += 1) {
    const run = runs.taskOrder[out];
    const from = runs.firstSlots[run];
    const to = run + 1 < runs.firstSlots.length ? runs.firstSlots[run + 1] : runs.order.length;
    const first = runs.order[from];
    const last = runs.order[to - 1];
    let duration = rows.end[first] - rows.start[first];
    let accuracy = rows.accuracy[first];
    let harmful = rows.harmful[first];
    let team = rows.team[first];
    for (let slot = from + 1; slot < to; slot += 1) {
      const index = runs.order[slot];
      duration += rows.end[index] - rows.start[index];
      if (!Number.isNaN(rows.accuracy[index])) accuracy = rows.accuracy[index];
      if (rows.harmful[index] > harmful) harmful = rows.harmful[index];
      team ??= rows.team[index];
    }
    tasks.taskId[out] = rows.id[first];
    tasks.userId[out] = rows.user[first];
    tasks.team[out] = team;
    tasks.taskType[out] = labels[first];
    tasks.startedAt[out] = rows.start[first];
    tasks.durationMs[out] = duration;
    tasks.status[out] = rows.status[last];
    tasks.accuracy[out] = accuracy;
    tasks.harmful[out] = harmful;
    tasks.fragments[out] = to - from;
    tasks.prompt[out] = rows.prompt[last];
    tasks.toolVersion[out] = rows.toolVersion[last];
    for (const [source, target] of passColumns) {
      let value = source[first];
      for (let slot = from + 1; slot < to; slot += 1) value = source[runs.order[slot]] ?? value;
      target[out] = value;
    }
  }
  return tasks;
}
