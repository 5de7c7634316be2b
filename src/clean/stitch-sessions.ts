import { STATUS_BY_RANK, type LogRows } from '../ingest/log-rows.js';
import type { LogSource, TaskStatus } from '../ingest/types.js';
import { orderByGroupAndStart, userTaskPairs } from './group-order.js';

/**
 * The cleaned task table's columns, exactly as CleanedData['tasks'] holds them, AI tasks first:
 * each source's tasks are written straight into their final arrays (building them once and copying
 * them into a table cost seconds at millions of rows).
 */
export interface TaskTableColumns {
  source: LogSource[];
  task_id: string[];
  user_id: string[];
  team: Array<string | null>;
  task_type: string[];
  started_at: number[];
  duration_ms: Array<number | null>;
  status: TaskStatus[];
  accuracy: Array<number | null>;
  harmful: Array<boolean | null>;
  fragments: number[];
  prompt: Array<string | null>;
  tool_version: Array<string | null>;
  /** Pass-through columns, under their table names (see passThroughColumns). */
  [passThrough: string]: unknown[];
}

/** One source's tasks: rows `offset` to `offset + length` of the table's columns. */
export interface TaskColumns {
  columns: TaskTableColumns;
  offset: number;
  length: number;
}

const CONTRACT_COLUMNS = ['source', 'task_id', 'user_id', 'team', 'task_type', 'started_at', 'duration_ms', 'status', 'accuracy', 'harmful', 'fragments', 'prompt', 'tool_version'];

/**
 * Table names of the sources' pass-through columns, in first-seen order: a drifted column never
 * overwrites a contract column (`source` in a file becomes `x_source`).
 * @example passThroughColumns([rows.ai_logs, rows.manual_logs]) // Map { 'client_os' => 'client_os', 'source' => 'x_source' }
 */
export function passThroughColumns(sources: Array<Pick<LogRows, 'passThrough'>>): Map<string, string> {
  const names = [...new Set(sources.flatMap((rows) => [...rows.passThrough.keys()]))];
  return new Map(names.map((name) => [name, CONTRACT_COLUMNS.includes(name) ? `x_${name}` : name]));
}

/**
 * Empty columns for `total` tasks; pass-through cells stay null where a source lacks the column.
 * @example const columns = taskTableColumns(aiRuns.count + manualRuns.count, passThroughColumns(sources))
 */
export function taskTableColumns(total: number, passThrough: Map<string, string>): TaskTableColumns {
  const columns = Object.fromEntries(CONTRACT_COLUMNS.map((name) => [name, new Array(total)])) as TaskTableColumns;
  for (const name of passThrough.values()) columns[name] = new Array(total).fill(null);
  return columns;
}

// Workers tab away and come back: a row starting within minutes of the previous row's end continues its task.
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs.
 * @example stitchSessions(rows, kept, labels, 600_000) // { runs, stitchedRows: 12 }
 */
export function stitchSessions(rows: LogRows, indices: number[], labels: string[], maxGapMs: number): { runs: Runs; stitchedRows: number } {
  // (user, task type) as one dense id: ids of the interned strings, not a string built per row
  const pairs = userTaskPairs(rows.user, labels);
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
export function rowRuns(indices: number[]): Runs {
  const slots = new Int32Array(indices.length).map((_, slot) => slot);
  return { order: Int32Array.from(indices), firstSlots: slots, taskOrder: slots };
}

/**
 * Writes a source's tasks into the table's columns from row `offset` on: each task takes its first
 * row's id, user, type and start, its last row's status, prompt and version, the sum of the
 * durations, the last known accuracy, harmful if any row is, and the first team.
 * @example const aiTasks = buildTasks(rows.ai_logs, stitched.runs, labels.ai_logs, { columns, offset: 0 }, 'ai_logs', passThrough)
 */
export function buildTasks(rows: LogRows, runs: Runs, labels: string[], target: { columns: TaskTableColumns; offset: number }, source: LogSource, passThrough: Map<string, string>): TaskColumns {
  const count = runs.taskOrder.length;
  const { columns, offset } = target;
  const { task_id: taskIds, user_id: userIds, team: teams, task_type: taskTypes, started_at: starts, duration_ms: durations } = columns;
  const { status: statuses, accuracy: accuracies, harmful: harms, fragments, prompt: prompts, tool_version: toolVersions } = columns;
  columns.source.fill(source, offset, offset + count);
  const passColumns = [...rows.passThrough].map(([name, values]) => [values, columns[passThrough.get(name)!]] as const);
  for (let task = 0; task < count; task += 1) {
    const run = runs.taskOrder[task];
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
    const out = offset + task;
    taskIds[out] = rows.id[first];
    userIds[out] = rows.user[first];
    teams[out] = team;
    taskTypes[out] = labels[first];
    starts[out] = rows.start[first];
    durations[out] = Number.isNaN(duration) ? null : duration;
    statuses[out] = STATUS_BY_RANK[rows.status[last]];
    accuracies[out] = Number.isNaN(accuracy) ? null : accuracy;
    harms[out] = harmful === -1 ? null : harmful === 1;
    fragments[out] = to - from;
    prompts[out] = rows.prompt[last];
    toolVersions[out] = rows.toolVersion[last];
    for (const [values, column] of passColumns) {
      let value = values[first];
      for (let slot = from + 1; slot < to; slot += 1) value = values[runs.order[slot]] ?? value;
      column[out] = value;
    }
  }
  return { columns, offset, length: count };
}
