import { STATUS_BY_RANK, type LogRows } from '../ingest/log-rows.js';
import type { LogSource, TaskStatus } from '../ingest/types.js';
import type { TextColumn } from '../ingest/text-column.js';
import { CodedColumn } from '../util/coded-column.js';
import { NullableNumbers } from '../util/nullable-numbers.js';
import { arrayCarver } from '../util/prefaulted-memory.js';
import type { Runs } from './stitch-sessions.js';

/**
 * The cleaned task table's columns, exactly as CleanedData['tasks'] holds them, AI tasks first:
 * each source's tasks are written straight into their final arrays (building them once and copying
 * them into a table cost seconds at millions of rows). Repeated strings are codes (CodedColumn):
 * user_id, team, tool_version and the pass-through columns share one list of values.
 */
export interface TaskTableColumns {
  source: CodedColumn<LogSource>;
  task_id: TaskText;
  user_id: CodedColumn<string>;
  team: CodedColumn<string>;
  task_type: CodedColumn<string>;
  started_at: Float64Array;
  duration_ms: NullableNumbers;
  status: CodedColumn<TaskStatus>;
  accuracy: NullableNumbers;
  harmful: CodedColumn<boolean>;
  fragments: Int32Array;
  prompt: TaskText;
  tool_version: CodedColumn<string>;
  /** Pass-through columns, under their table names (see passThroughColumns). */
  [passThrough: string]: CodedColumn<unknown> | TaskText | NullableNumbers | Float64Array | Int32Array;
}

// No metric reads ids or prompts: each task keeps the number of its row, and the string is cut from its
// file's text only when read (see TextColumn).
/**
 * The task table's task_id or prompt column: each task's string is that of one row of its source.
 * Reads as an arquero column (length, at, iteration).
 * @example columns.task_id.at(0) // 'e1'
 */
export class TaskText {
  private readonly sources: Array<{ from: number; text: TextColumn<string | null> }> = [];

  constructor(
    /** The row, among its source's rows, whose string each task takes (filled by buildTasks). */
    readonly rowOf: Int32Array,
  ) {}

  get length(): number {
    return this.rowOf.length;
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

const FLOAT_COLUMNS = 3; // started_at, duration_ms, accuracy
const INT_COLUMNS = 10; // source, user_id, team, task_type, status, harmful, tool_version, fragments, and task_id's and prompt's rows

/**
 * Bytes the table's columns take in one buffer (taskTableColumns' `memory`).
 * @example prefaultedMemory(taskTableBytes(rows.length, passThrough.size))
 */
export function taskTableBytes(total: number, passThroughCount: number): number {
  return total * (FLOAT_COLUMNS * 8 + (INT_COLUMNS + passThroughCount) * 4);
}

/**
 * Empty columns for `total` tasks; pass-through cells stay null where a source lacks the column. task_type
 * codes index `taskTypeNames` (RowTaskTypes.names, which both sources share). With `memory` (zeroed, at least
 * taskTableBytes long), the numbers live in it; else in fresh arrays.
 * @example const columns = taskTableColumns(aiRuns.count + manualRuns.count, passThroughColumns(sources), aiTypes.names)
 */
export function taskTableColumns(total: number, passThrough: Map<string, string>, taskTypeNames: string[], memory?: ArrayBufferLike): TaskTableColumns {
  const carve = arrayCarver(memory);
  const [starts, durations, accuracies] = [carve(Float64Array, total), carve(Float64Array, total), carve(Float64Array, total)];
  const codes = () => carve(Int32Array, total);
  const strings: string[] = [];
  const columns: TaskTableColumns = {
    source: new CodedColumn(codes(), ['ai_logs', 'manual_logs']),
    task_id: new TaskText(codes()),
    user_id: new CodedColumn(codes(), strings),
    team: new CodedColumn(codes(), strings),
    task_type: new CodedColumn(codes(), taskTypeNames),
    started_at: starts,
    duration_ms: new NullableNumbers(durations),
    status: new CodedColumn(codes(), [...STATUS_BY_RANK]),
    accuracy: new NullableNumbers(accuracies),
    harmful: new CodedColumn(codes(), [false, true]),
    fragments: codes(),
    prompt: new TaskText(codes()),
    tool_version: new CodedColumn(codes(), strings),
  };
  for (const name of passThrough.values()) columns[name] = new CodedColumn(codes().fill(-1), strings);
  return columns;
}

/**
 * Writes a source's tasks into the table's columns from row `offset` on: each task takes its first
 * row's id, user, type and start, its last row's status, prompt and version, the sum of the
 * durations, the last known accuracy, harmful if any row is, and the first team.
 * @example const aiTasks = buildTasks(rows.ai_logs, stitched.runs, aiTypes.ids, { columns, offset: 0 }, 'ai_logs', passThrough)
 */
export function buildTasks(rows: LogRows, runs: Runs, taskTypeIds: Int32Array, target: { columns: TaskTableColumns; offset: number }, source: LogSource, passThrough: Map<string, string>): TaskColumns {
  const count = runs.taskOrder.length;
  const { columns, offset } = target;
  const { task_id: taskIds, user_id: userIds, team: teams, task_type: taskTypes, started_at: starts, duration_ms: durations } = columns;
  const { status: statuses, accuracy: accuracies, harmful: harms, fragments, prompt: prompts, tool_version: toolVersions } = columns;
  // the source's codes, moved past the values already listed (user_id, team, tool_version and pass-through share them)
  const stringBase = userIds.values.length;
  for (const value of rows.strings) userIds.values.push(value);
  const stringCode = (code: number) => (code === -1 ? -1 : stringBase + code);
  columns.source.codes.fill(columns.source.values.indexOf(source), offset, offset + count);
  taskIds.addSource(offset, rows.id);
  prompts.addSource(offset, rows.prompt);
  const passColumns = [...rows.passThrough].map(([name, codes]) => [codes, (columns[passThrough.get(name)!] as CodedColumn<string>).codes] as const);
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
    userIds.codes[out] = stringCode(rows.user[first]);
    teams.codes[out] = stringCode(team);
    taskTypes.codes[out] = taskTypeIds[first]; // into RowTaskTypes.names, the column's values
    starts[out] = rows.start[first];
    durations.values[out] = duration; // NaN: unknown
    statuses.codes[out] = rows.status[last]; // STATUS_RANK, the index into STATUS_BY_RANK
    accuracies.values[out] = accuracy;
    harms.codes[out] = harmful; // -1 null, 0 false, 1 true: codes into [false, true]
    fragments[out] = to - from;
    prompts.rowOf[out] = last;
    toolVersions.codes[out] = stringCode(rows.toolVersion[last]);
    for (const [codes, column] of passColumns) {
      let code = codes[first];
      for (let slot = from + 1; slot < to; slot += 1) if (codes[runs.order[slot]] !== -1) code = codes[runs.order[slot]];
      column[out] = stringCode(code);
    }
  }
  return { columns, offset, length: count };
}
