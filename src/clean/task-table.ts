import { STATUS_BY_RANK, type LogRows } from '../ingest/log-rows.js';
import type { LogSource, TaskStatus } from '../ingest/types.js';
import type { TextColumn } from '../ingest/text-column.js';
import type { RowTaskTypes } from './row-task-types.js';
import type { Runs } from './stitch-sessions.js';

/**
 * The cleaned task table's columns, exactly as CleanedData['tasks'] holds them, AI tasks first:
 * each source's tasks are written straight into their final arrays (building them once and copying
 * them into a table cost seconds at millions of rows).
 */
export interface TaskTableColumns {
  source: LogSource[];
  task_id: TaskText;
  user_id: string[];
  team: Array<string | null>;
  task_type: string[];
  started_at: number[];
  duration_ms: Array<number | null>;
  status: TaskStatus[];
  accuracy: Array<number | null>;
  harmful: Array<boolean | null>;
  fragments: number[];
  prompt: TaskText;
  tool_version: Array<string | null>;
  /** Pass-through columns, under their table names (see passThroughColumns). */
  [passThrough: string]: unknown[] | TaskText;
}

// No metric reads ids or prompts: each task keeps the number of its row, and the string is cut from its
// file's text only when read (see TextColumn).
/**
 * The task table's task_id or prompt column: each task's string is that of one row of its source.
 * Reads as an arquero column (length, at, iteration).
 * @example columns.task_id.at(0) // 'e1'
 */
export class TaskText {
  /** The row, among its source's rows, whose string each task takes. */
  readonly rowOf: Int32Array;
  private readonly sources: Array<{ from: number; text: TextColumn<string | null> }> = [];

  constructor(readonly length: number) {
    this.rowOf = new Int32Array(length);
  }

  /**
   * Tasks from `from` on take their strings from `text`; sources are added in table order.
   * @example columns.prompt.addSource(aiTaskCount, rows.manual_logs.prompt)
   */
  addSource(from: number, text: TextColumn<string | null>): void {
    this.sources.push({ from, text });
  }

  /**
   * The string of a task.
   * @example columns.task_id.at(0) // 'e1'
   */
  at(task: number): string | null {
    if (!(task >= 0 && task < this.length)) throw new RangeError(`task ${task} is outside the table's ${this.length} tasks`);
    let source = this.sources.length - 1;
    while (this.sources[source].from > task) source -= 1;
    return this.sources[source].text.at(this.rowOf[task]);
  }

  *[Symbol.iterator](): IterableIterator<string | null> {
    for (let task = 0; task < this.length; task += 1) yield this.at(task);
  }
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
  const columns = Object.fromEntries(CONTRACT_COLUMNS.map((name) => [name, name === 'task_id' || name === 'prompt' ? new TaskText(total) : new Array(total)])) as TaskTableColumns;
  for (const name of passThrough.values()) columns[name] = new Array<unknown>(total).fill(null);
  return columns;
}

/**
 * Writes a source's tasks into the table's columns from row `offset` on: each task takes its first
 * row's id, user, type and start, its last row's status, prompt and version, the sum of the
 * durations, the last known accuracy, harmful if any row is, and the first team.
 * @example const aiTasks = buildTasks(rows.ai_logs, stitched.runs, aiTypes, { columns, offset: 0 }, 'ai_logs', passThrough)
 */
export function buildTasks(rows: LogRows, runs: Runs, types: RowTaskTypes, target: { columns: TaskTableColumns; offset: number }, source: LogSource, passThrough: Map<string, string>): TaskColumns {
  const count = runs.taskOrder.length;
  const { columns, offset } = target;
  const { task_id: taskIds, user_id: userIds, team: teams, task_type: taskTypes, started_at: starts, duration_ms: durations } = columns;
  const { status: statuses, accuracy: accuracies, harmful: harms, fragments, prompt: prompts, tool_version: toolVersions } = columns;
  columns.source.fill(source, offset, offset + count);
  columns.task_id.addSource(offset, rows.id);
  columns.prompt.addSource(offset, rows.prompt);
  const passColumns = [...rows.passThrough].map(([name, codes]) => [codes, columns[passThrough.get(name)!] as unknown[]] as const);
  for (let task = 0; task < count; task += 1) {
    const run = runs.taskOrder[task];
    const from = runs.firstSlots[run];
    const to = run + 1 < runs.firstSlots.length ? runs.firstSlots[run + 1] : runs.order.length;
    const first = runs.order[from];
    const last = runs.order[to - 1];
    let duration = rows.end[first] - rows.start[first];
    let accuracy = rows.accuracy[first];
    let harmful = rows.harmful[first];
    let team = rows.team[first]; // codes into rows.strings, -1 for none
    for (let slot = from + 1; slot < to; slot += 1) {
      const index = runs.order[slot];
      duration += rows.end[index] - rows.start[index];
      if (!Number.isNaN(rows.accuracy[index])) accuracy = rows.accuracy[index];
      if (rows.harmful[index] > harmful) harmful = rows.harmful[index];
      if (team === -1) team = rows.team[index];
    }
    const out = offset + task;
    taskIds.rowOf[out] = first;
    userIds[out] = rows.strings[rows.user[first]];
    teams[out] = rows.stringOf(team);
    taskTypes[out] = types.names[types.ids[first]];
    starts[out] = rows.start[first];
    durations[out] = Number.isNaN(duration) ? null : duration;
    statuses[out] = STATUS_BY_RANK[rows.status[last]];
    accuracies[out] = Number.isNaN(accuracy) ? null : accuracy;
    harms[out] = harmful === -1 ? null : harmful === 1;
    fragments[out] = to - from;
    prompts.rowOf[out] = last;
    toolVersions[out] = rows.stringOf(rows.toolVersion[last]);
    for (const [codes, column] of passColumns) {
      let code = codes[first];
      for (let slot = from + 1; slot < to; slot += 1) if (codes[runs.order[slot]] !== -1) code = codes[runs.order[slot]];
      column[out] = rows.stringOf(code);
    }
  }
  return { columns, offset, length: count };
}
