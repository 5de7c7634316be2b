import { aggregateRuns, arrayCarver, CodedColumn, Dictionary, NullableNumbers, type ListedRuns, type Merge } from '../columns/index.js';
import type { LogRows } from '../ingest/log-rows.js';
import { TASK_STATUSES, type LogSource, type TaskStatus } from '../ingest/types.js';
import type { TextColumn } from '../ingest/text-column.js';

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
  private readonly sources: Array<{ from: number; text: Pick<TextColumn<string | null>, 'at'> }> = [];

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
  addSource(from: number, text: Pick<TextColumn<string | null>, 'at'>): void {
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
/** The contract's columns and those the warehouse's `uptake_tasks` adds beside them: no pass-through column takes one of these names. */
export const RESERVED_TASK_COLUMNS = new Set([...CONTRACT_COLUMNS, 'week', 'extra', 'run_id']);

// A file's `week`, `run_id` or `extra` column was dropped from the warehouse's `extra` (uptake_tasks has columns
// of those names), and a file with both `source` and `x_source` kept one of the two under `x_source`.
/**
 * Table names of the sources' pass-through columns, in first-seen order: a drifted column never
 * takes a reserved name (`source` in a file becomes `x_source`) nor another pass-through column's (`x_x_source`
 * when the file has an `x_source` column too).
 * @example passThroughColumns([rows.ai_logs, rows.manual_logs]) // Map { 'client_os' => 'client_os', 'source' => 'x_source' }
 */
export function passThroughColumns(sources: Array<{ passThrough: ReadonlyMap<string, unknown> }>): Map<string, string> {
  const names = [...new Set(sources.flatMap((rows) => [...rows.passThrough.keys()]))];
  const taken = new Set([...RESERVED_TASK_COLUMNS, ...names.filter((name) => !RESERVED_TASK_COLUMNS.has(name))]);
  return new Map(
    names.map((name) => {
      if (!RESERVED_TASK_COLUMNS.has(name)) return [name, name];
      let tableName = `x_${name}`;
      while (taken.has(tableName)) tableName = `x_${tableName}`;
      taken.add(tableName);
      return [name, tableName];
    }),
  );
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
    status: new CodedColumn(codes(), [...TASK_STATUSES]),
    accuracy: new NullableNumbers(accuracies),
    harmful: new CodedColumn(codes(), [false, true]),
    fragments: codes(),
    prompt: new TaskText(codes()),
    tool_version: new CodedColumn(codes(), strings),
  };
  for (const name of passThrough.values()) columns[name] = new CodedColumn(codes().fill(-1), strings);
  return columns;
}

/** How each column of a task merges the task's rows (a rule's, e.g. stitchSessions' STITCHED_TASK). */
export type TaskMerge = Record<'task_id' | 'user_id' | 'task_type' | 'started_at' | 'duration_ms' | 'status' | 'prompt' | 'tool_version' | 'accuracy' | 'harmful' | 'team' | 'fragments' | 'passThrough', Merge>;

/**
 * Writes a source's tasks, runs of rows merged as `merge` says, into the table's columns from row `offset` on.
 * @example const aiTasks = buildTasks(rows.ai_logs, stitched.tasks, STITCHED_TASK, aiTypes.ids, { columns, offset: 0 }, 'ai_logs', passThrough)
 */
export function buildTasks(rows: LogRows, runs: ListedRuns, merge: TaskMerge, taskTypeIds: Int32Array, target: { columns: TaskTableColumns; offset: number }, source: LogSource, passThrough: Map<string, string>): TaskColumns {
  const count = runs.listed.length;
  const { columns, offset } = target;
  // the source's codes, moved past the values already listed (user_id, team, tool_version and pass-through share them)
  const stringBase = columns.user_id.values.length;
  for (const value of rows.strings) columns.user_id.values.push(value);
  const strings = (codes: Int32Array) => (row: number) => (codes[row] === -1 ? -1 : stringBase + codes[row]);
  const codes = { offset, unknown: -1 };
  const numbers = { offset };
  const row = (index: number) => index;
  columns.source.codes.fill(columns.source.values.indexOf(source), offset, offset + count);
  columns.task_id.addSource(offset, rows.id);
  columns.prompt.addSource(offset, rows.prompt);
  aggregateRuns(runs, merge.task_id, row, columns.task_id.rowOf, codes); // the row whose id the task shows
  aggregateRuns(runs, merge.user_id, strings(rows.user), columns.user_id.codes, codes);
  aggregateRuns(runs, merge.team, strings(rows.team), columns.team.codes, codes);
  aggregateRuns(runs, merge.task_type, (index) => taskTypeIds[index], columns.task_type.codes, codes); // into RowTaskTypes.names
  aggregateRuns(runs, merge.started_at, (index) => rows.start[index], columns.started_at, numbers);
  aggregateRuns(runs, merge.duration_ms, (index) => rows.end[index] - rows.start[index], columns.duration_ms.values, numbers); // NaN: unknown
  aggregateRuns(runs, merge.status, (index) => rows.status[index], columns.status.codes, codes); // codes into TASK_STATUSES
  aggregateRuns(runs, merge.accuracy, (index) => rows.accuracy[index], columns.accuracy.values, numbers);
  aggregateRuns(runs, merge.harmful, (index) => rows.harmful[index], columns.harmful.codes, codes); // -1 null, 0 false, 1 true: codes into [false, true]
  aggregateRuns(runs, merge.fragments, row, columns.fragments, numbers);
  aggregateRuns(runs, merge.prompt, row, columns.prompt.rowOf, codes);
  aggregateRuns(runs, merge.tool_version, strings(rows.toolVersion), columns.tool_version.codes, codes);
  for (const [name, values] of rows.passThrough) aggregateRuns(runs, merge.passThrough, strings(values), (columns[passThrough.get(name)!] as CodedColumn<string>).codes, codes);
  return { columns, offset, length: count };
}

/** One task's values as a store keeps them: before the duration and team rules (the team as written, the summed duration). */
export interface TaskValues {
  source: LogSource;
  task_id: string;
  user_id: string;
  team: string | null;
  task_type: string;
  started_at: number;
  duration_ms: number | null;
  status: TaskStatus;
  accuracy: number | null;
  harmful: boolean | null;
  fragments: number;
  prompt: string | null;
  tool_version: string | null;
  /** Non-null pass-through values, by table name. */
  passThrough: Record<string, string>;
}

/**
 * The values of task `task` of columns built by buildTasks (before the duration and team rules).
 * @example taskValuesOf(columns, 0, passThrough).task_type // 'invoice_matching'
 */
export function taskValuesOf(columns: TaskTableColumns, task: number, passThrough: Map<string, string>): TaskValues {
  return {
    source: columns.source.at(task)!,
    task_id: columns.task_id.at(task) ?? '',
    user_id: columns.user_id.at(task)!,
    team: columns.team.at(task),
    task_type: columns.task_type.at(task)!,
    started_at: columns.started_at[task],
    duration_ms: columns.duration_ms.at(task),
    status: columns.status.at(task)!,
    accuracy: columns.accuracy.at(task),
    harmful: columns.harmful.at(task),
    fragments: columns.fragments[task],
    prompt: columns.prompt.at(task),
    tool_version: columns.tool_version.at(task),
    passThrough: passThroughValuesOf(columns, task, passThrough),
  };
}

/**
 * The non-null pass-through values of task `task` of columns built by buildTasks, by table name.
 * @example passThroughValuesOf(columns, 0, passThrough) // { client_os: 'macOS' }
 */
export function passThroughValuesOf(columns: TaskTableColumns, task: number, passThrough: Map<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of passThrough.values()) {
    const value = (columns[name] as CodedColumn<string>).at(task);
    if (value !== null) values[name] = value;
  }
  return values;
}

/**
 * The task table's columns holding `count` tasks (`taskAt(row)`, AI tasks first), as buildTasks would have
 * written them: what a store that keeps tasks hands to the duration and team rules.
 * @example const { columns, ai, manual } = taskTableOfValues(stored.length, (row) => stored[row], passThroughColumns(sources))
 */
export function taskTableOfValues(count: number, taskAt: (row: number) => TaskValues, passThrough: Map<string, string>): { columns: TaskTableColumns; ai: TaskColumns; manual: TaskColumns } {
  const taskTypes = new Dictionary<string>();
  const columns = taskTableColumns(count, passThrough, taskTypes.values);
  const strings = new Dictionary<string>();
  const stringCode = (value: string | null) => (value === null ? -1 : strings.code(value));
  const ids: string[] = new Array(count);
  const prompts: Array<string | null> = new Array(count);
  const statusCodes = new Map(columns.status.values.map((status, code) => [status, code]));
  let aiCount = 0;
  for (let row = 0; row < count; row += 1) {
    // one task's values at a time: they are garbage as soon as they are in the columns
    const task = taskAt(row);
    if (task.source === 'ai_logs') aiCount = row + 1;
    columns.source.codes[row] = task.source === 'ai_logs' ? 0 : 1;
    ids[row] = task.task_id;
    columns.task_id.rowOf[row] = row;
    columns.user_id.codes[row] = stringCode(task.user_id);
    columns.team.codes[row] = stringCode(task.team);
    columns.task_type.codes[row] = taskTypes.code(task.task_type);
    columns.started_at[row] = task.started_at;
    columns.duration_ms.values[row] = task.duration_ms ?? Number.NaN;
    columns.status.codes[row] = statusCodes.get(task.status)!;
    columns.accuracy.values[row] = task.accuracy ?? Number.NaN;
    columns.harmful.codes[row] = task.harmful === null ? -1 : task.harmful ? 1 : 0;
    columns.fragments[row] = task.fragments;
    prompts[row] = task.prompt;
    columns.prompt.rowOf[row] = row;
    columns.tool_version.codes[row] = stringCode(task.tool_version);
    for (const [name, value] of Object.entries(task.passThrough)) (columns[name] as CodedColumn<string>).codes[row] = stringCode(value);
  }
  for (const value of strings.values) columns.user_id.values.push(value);
  columns.task_id.addSource(0, { at: (row) => ids[row] });
  columns.prompt.addSource(0, { at: (row) => prompts[row] });
  return { columns, ai: { columns, offset: 0, length: aiCount }, manual: { columns, offset: aiCount, length: count - aiCount } };
}
