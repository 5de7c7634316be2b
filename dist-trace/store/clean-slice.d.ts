import type { Config } from '../config/schema.js';
import { settleTasks, tasksOfRows, type CleanEffects, type ParsedInput, type RowFates, type TasksOfRows } from '../clean/clean-input.js';
import { canonicalLabels } from '../clean/canonical-labels.js';
import { mergeLogFileReads, readLogFiles, type LogFile, type LogFileRead as CoreLogFileRead, type LogFilesRead, type ReadLogFilesOptions } from '../clean/read-log-files.js';
import type { RosterZones } from '../clean/read-log-file.js';
import { passThroughColumns, passThroughValuesOf, taskTableOfValues, taskValuesOf, type TaskTableColumns, type TaskValues } from '../clean/task-table.js';
import type { CleanedData, LabelMapping, LogSource, SourceAccounting } from '../clean/types.js';
import { type InputFile } from '../ingest/discover-files.js';
import { LogRows, type LogRowsPart } from '../ingest/log-rows.js';
/** What a store keeps of one log file besides its parsed rows: what reading it gave, and its pass-through columns in the order its rows met them. */
export type KeptFileResult = CoreLogFileRead['result'] & {
    passThrough?: string[];
};
/** A log file read in this run, with its pass-through columns (KeptFileResult). */
export type LogFileRead = Omit<CoreLogFileRead, 'result'> & {
    result: KeptFileResult;
};
export type { CleanedData, CoreLogFileRead, InputFile, LabelMapping, LogFile, LogFilesRead, LogRowsPart, LogSource, ParsedInput, ReadLogFilesOptions, RosterZones, RowFates, SourceAccounting, TaskTableColumns, TaskValues, TasksOfRows };
export { canonicalLabels, LogRows, mergeLogFileReads, passThroughColumns, passThroughValuesOf, readLogFiles, settleTasks, tasksOfRows, taskTableOfValues, taskValuesOf };
/**
 * The input's files, as the data core finds them (name order: the input order of every tie-break).
 * @example await inputFiles('data/sample')
 */
export declare function inputFiles(inputDir: string): Promise<InputFile[]>;
/**
 * Reads the input like readInput (roster, files, their reports and quarantine), with the log files' reading
 * handed to `readLogs`: a store reads only new or changed files and gives back the rows to clean again.
 * @example const parsed = await readSlice('data/sample', config, { now, readLogs })
 */
export declare function readSlice(inputDir: string, config: Config, effects: Pick<CleanEffects, 'onProgress' | 'now' | 'workers'> & {
    readLogs(files: LogFile[], options: ReadLogFilesOptions): Promise<LogFilesRead>;
}): Promise<ParsedInput>;
/**
 * A hash of what reads input files into parsed rows: this build's modules (as files), the versions of the
 * packages they parse with and the runtime's time-zone database.
 * @example await readerFingerprint() // '3f9c…'
 */
export declare function readerFingerprint(): Promise<string>;
/**
 * The packages that parse a file's text and naive times, with their installed versions (part of readerFingerprint).
 * @example readerPackages() // [['csv-parse', '6.2.1'], ['papaparse', '5.7.1'], ['luxon', '3.7.2']]
 */
export declare function readerPackages(): Array<[string, string]>;
