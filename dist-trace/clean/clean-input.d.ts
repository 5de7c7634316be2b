import type { Config } from '../config/schema.js';
import { type RowIndices } from '../columns/index.js';
import { type Roster } from './load-roster.js';
import { readLogFiles, type LogFilesRead } from './read-log-files.js';
import { type TaskColumns, type TaskTableColumns } from './task-table.js';
import type { CleanedData, LabelMapping, LogSource, SourceAccounting } from './types.js';
export interface CleanEffects {
    onProgress?(message: string): void;
    /** Worker threads reading the log files; 0 reads on this thread. Default: one per core for large input. */
    workers?: number;
    /** The run's clock (epoch ms): starts more than `cleaning.maxFutureDays` after it are implausible. Default: the system clock when the run starts. */
    now?: number;
    /** Reads the log files (default readLogFiles); a store passes one that reads only new or changed files and restores the rest. */
    readLogs?: typeof readLogFiles;
}
/** The input as read (CONTRACT 2.1 and the reading half of 2.2): what cleanRows turns into cleaned data. */
export interface ParsedInput {
    /** Readable log rows per source (times in UTC), quarantined rows, file reports and row counts. */
    logs: LogFilesRead;
    roster: Roster;
    /** Optional values that could not be read, per column (logs and roster). */
    unreadable: Record<string, number>;
    /** The run's clock (epoch ms) the rows were judged against. */
    asOf: number;
}
export interface CleanRowsOptions {
    onProgress?(message: string): void;
    /**
     * How many rows carry each raw task label, over both log sources (countRawLabels). Default: counted over
     * `parsed`; a caller that cleans a part of the history passes the counts of all of it (CONTRACT 2.3).
     */
    labelCounts?: Map<string, number>;
    /** Per source, the rows to clean (ascending); default every row. A store cleans only the rows the cross-row rules must see again. */
    only?: Record<LogSource, RowIndices>;
}
/**
 * Reads an input folder and applies every cleaning rule of CONTRACT section 2, in order: readInput, then
 * cleanRows. Every input row ends up in a task, merged with a reason, or quarantined with a reason.
 * @example const data = await cleanInput('data/sample', parseConfig({}))
 */
export declare function cleanInput(inputDir: string, config: Config, effects?: CleanEffects): Promise<CleanedData>;
/**
 * The reading half of cleaning: the files of a folder by kind, the roster, and every log row parsed, with
 * times in UTC (naive times in the roster's zones) and unreadable rows quarantined (CONTRACT 2.1, 2.2).
 * @example const parsed = await readInput('data/sample', config, { now: Date.now() }); cleanRows(parsed, config)
 */
export declare function readInput(inputDir: string, config: Config, effects?: CleanEffects): Promise<ParsedInput>;
/** What became of a source's rows (CONTRACT 2.4-2.6): a store keeps it per row. */
export interface RowFates {
    /** Rows kept by exact de-duplication (the rest are exact duplicates), ascending. */
    exactKept: RowIndices;
    /** Rows in tasks (the kept rows the retry rule did not merge away), ascending. */
    inTasks: RowIndices;
    /** The kept row of each id whose copies disagree (conflicting_duplicates). */
    conflicting: number[];
}
/** Steps 4-6 of cleanRows: the tasks before the duration and team rules, and the counts so far. */
export interface TasksOfRows {
    columns: TaskTableColumns;
    ai: TaskColumns;
    manual: TaskColumns;
    /** Per source, every term of CONTRACT section 2's sum, and the tasks. */
    accounting: Record<LogSource, SourceAccounting>;
    /** Rows whose end came before their start (swapped). */
    clockSkew: number;
    mapping: Map<string, LabelMapping>;
}
/**
 * The rules of CONTRACT section 2 over rows already read (readInput): clock skew, labels, exact duplicates,
 * retries, stitching, durations, teams, in that order. The parsed rows are repaired in place: clean them once.
 * @example const data = await cleanRows(await readInput(dir, config), config)
 */
export declare function cleanRows(parsed: ParsedInput, config: Config, options?: CleanRowsOptions): Promise<CleanedData>;
/**
 * Steps 4-6 of cleanRows (clock skew, labels, exact duplicates, retries, stitching) over the rows of
 * `options.only` (default: every row), and what became of each row.
 * @example const { fates } = await tasksOfRows(parsed, config, { labelCounts, only })
 */
export declare function tasksOfRows(parsed: ParsedInput, config: Config, options?: CleanRowsOptions): Promise<TasksOfRows & {
    fates: Record<LogSource, RowFates>;
}>;
/**
 * Steps 7-8 of cleanRows (durations, teams) over tasks built by tasksOfRows (or kept by a store), and
 * the cleaned data with its full account (reports, quarantine and roster from `parsed`).
 * @example const data = settleTasks(parsed, config, await tasksOfRows(parsed, config))
 */
export declare function settleTasks(parsed: ParsedInput, config: Config, built: TasksOfRows): CleanedData;
