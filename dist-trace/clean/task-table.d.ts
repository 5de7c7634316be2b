import { CodedColumn, NullableNumbers, type ListedRuns, type Merge } from '../columns/index.js';
import type { LogRows } from '../ingest/log-rows.js';
import { type LogSource, type TaskStatus } from '../ingest/types.js';
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
/**
 * The task table's task_id or prompt column: each task's string is that of one row of its source.
 * Reads as an arquero column (length, at, iteration).
 * @example columns.task_id.at(0) // 'e1'
 */
export declare class TaskText {
    /** The row, among its source's rows, whose string each task takes (filled by buildTasks). */
    readonly rowOf: Int32Array;
    private readonly sources;
    constructor(
    /** The row, among its source's rows, whose string each task takes (filled by buildTasks). */
    rowOf: Int32Array);
    get length(): number;
    /**
     * Tasks from `from` on take their strings from `text`; sources are added in table order.
     * @example columns.prompt.addSource(aiTaskCount, rows.manual_logs.prompt)
     */
    addSource(from: number, text: Pick<TextColumn<string | null>, 'at'>): void;
    /**
     * The string of a task.
     * @example columns.task_id.at(0) // 'e1'
     */
    at(task: number): string | null;
    [Symbol.iterator](): IterableIterator<string | null>;
}
/** One source's tasks: rows `offset` to `offset + length` of the table's columns. */
export interface TaskColumns {
    columns: TaskTableColumns;
    offset: number;
    length: number;
}
/**
 * Table names of the sources' pass-through columns, in first-seen order: a drifted column never
 * overwrites a contract column (`source` in a file becomes `x_source`).
 * @example passThroughColumns([rows.ai_logs, rows.manual_logs]) // Map { 'client_os' => 'client_os', 'source' => 'x_source' }
 */
export declare function passThroughColumns(sources: Array<{
    passThrough: ReadonlyMap<string, unknown>;
}>): Map<string, string>;
/**
 * Bytes the table's columns take in one buffer (taskTableColumns' `memory`).
 * @example prefaultedMemory(taskTableBytes(rows.length, passThrough.size))
 */
export declare function taskTableBytes(total: number, passThroughCount: number): number;
/**
 * Empty columns for `total` tasks; pass-through cells stay null where a source lacks the column. task_type
 * codes index `taskTypeNames` (RowTaskTypes.names, which both sources share). With `memory` (zeroed, at least
 * taskTableBytes long), the numbers live in it; else in fresh arrays.
 * @example const columns = taskTableColumns(aiRuns.count + manualRuns.count, passThroughColumns(sources), aiTypes.names)
 */
export declare function taskTableColumns(total: number, passThrough: Map<string, string>, taskTypeNames: string[], memory?: ArrayBufferLike): TaskTableColumns;
/** How each column of a task merges the task's rows (a rule's, e.g. stitchSessions' STITCHED_TASK). */
export type TaskMerge = Record<'task_id' | 'user_id' | 'task_type' | 'started_at' | 'duration_ms' | 'status' | 'prompt' | 'tool_version' | 'accuracy' | 'harmful' | 'team' | 'fragments' | 'passThrough', Merge>;
/**
 * Writes a source's tasks, runs of rows merged as `merge` says, into the table's columns from row `offset` on.
 * @example const aiTasks = buildTasks(rows.ai_logs, stitched.tasks, STITCHED_TASK, aiTypes.ids, { columns, offset: 0 }, 'ai_logs', passThrough)
 */
export declare function buildTasks(rows: LogRows, runs: ListedRuns, merge: TaskMerge, taskTypeIds: Int32Array, target: {
    columns: TaskTableColumns;
    offset: number;
}, source: LogSource, passThrough: Map<string, string>): TaskColumns;
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
export declare function taskValuesOf(columns: TaskTableColumns, task: number, passThrough: Map<string, string>): TaskValues;
/**
 * The non-null pass-through values of task `task` of columns built by buildTasks, by table name.
 * @example passThroughValuesOf(columns, 0, passThrough) // { client_os: 'macOS' }
 */
export declare function passThroughValuesOf(columns: TaskTableColumns, task: number, passThrough: Map<string, string>): Record<string, string>;
/**
 * The task table's columns holding `count` tasks (`taskAt(row)`, AI tasks first), as buildTasks would have
 * written them: what a store that keeps tasks hands to the duration and team rules.
 * @example const { columns, ai, manual } = taskTableOfValues(stored.length, (row) => stored[row], passThroughColumns(sources))
 */
export declare function taskTableOfValues(count: number, taskAt: (row: number) => TaskValues, passThrough: Map<string, string>): {
    columns: TaskTableColumns;
    ai: TaskColumns;
    manual: TaskColumns;
};
