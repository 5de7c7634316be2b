// The one place the store calls into the data core (clean/ and ingest/): when the core's reading and its
// rules over parsed rows split, only this file follows them.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../util/package-version.js';
import { readdir, readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { readInput, settleTasks, tasksOfRows, type CleanEffects, type ParsedInput, type RowFates, type TasksOfRows } from '../clean/clean-input.js';
import { canonicalLabels, labelRulesAsApplied } from '../clean/canonical-labels.js';
import { mergeLogFileReads, readLogFiles, type LogFile, type LogFileRead as CoreLogFileRead, type LogFilesRead, type ReadLogFilesOptions } from '../clean/read-log-files.js';
import type { RosterZones } from '../clean/read-log-file.js';
import { passThroughColumns, passThroughValuesOf, taskTableOfValues, taskValuesOf, type TaskTableColumns, type TaskValues } from '../clean/task-table.js';
import type { CleanedData, LabelMapping, LogSource, SourceAccounting } from '../clean/types.js';
import { discoverFiles, type InputFile } from '../ingest/discover-files.js';
import { LogRows, type LogRowsPart } from '../ingest/log-rows.js';
import { atFile } from '../clean/quarantine-list.js';

/** What a store keeps of one log file besides its parsed rows: what reading it gave, and its pass-through columns in the order its rows met them. */
export type KeptFileResult = CoreLogFileRead['result'] & { passThrough?: string[] };
/** A log file read in this run, with its pass-through columns (KeptFileResult). */
export type LogFileRead = Omit<CoreLogFileRead, 'result'> & { result: KeptFileResult };

export type { CleanedData, CoreLogFileRead, InputFile, LabelMapping, LogFile, LogFilesRead, LogRowsPart, LogSource, ParsedInput, ReadLogFilesOptions, RosterZones, RowFates, SourceAccounting, TaskTableColumns, TaskValues, TasksOfRows };
export { atFile, canonicalLabels, labelRulesAsApplied, LogRows, mergeLogFileReads, passThroughColumns, passThroughValuesOf, readLogFiles, settleTasks, tasksOfRows, taskTableOfValues, taskValuesOf };


/**
 * The input's files, as the data core finds them (name order: the input order of every tie-break).
 * @example await inputFiles('data/sample')
 */
export function inputFiles(inputDir: string): Promise<InputFile[]> {
  return discoverFiles(inputDir);
}

/**
 * Reads the input like readInput (roster, files, their reports and quarantine), with the log files' reading
 * handed to `readLogs`: a store reads only new or changed files and gives back the rows to clean again.
 * @example const parsed = await readSlice('data/sample', config, { now, readLogs })
 */
export function readSlice(inputDir: string, config: Config, effects: Pick<CleanEffects, 'onProgress' | 'now' | 'workers' | 'signal'> & { readLogs(files: LogFile[], options: ReadLogFilesOptions): Promise<LogFilesRead> }): Promise<ParsedInput> {
  return readInput(inputDir, config, effects);
}

/** The code that turns a file into parsed rows: all of ingest/ and columns/ (its dictionaries), and the reading and row rules of clean/. */
const READER_MODULES: Array<[string, RegExp]> = [
  // (all of ingest/ but what a run may write and when it reads, not how: outputs-apart, settle-inputs)
  ['../ingest/', /^(?!outputs-apart\.|settle-inputs\.).+\.(js|ts)$/],
  ['../columns/', /\.(js|ts)$/],
  ['../clean/', /^(read-log-file|read-log-files|read-log-worker|quarantine|quarantine-list|load-roster)\.(js|ts)$/],
  // the ids' and prompts' hashes are kept with the rows; a file's kind comes from its name
  ['../util/', /^(hash-string|file-kind)\.(js|ts)$/],
];

/** The packages that parse a file's text (CSV) and its naive times (luxon, over the runtime's time-zone data). */
const READER_PACKAGES = ['csv-parse', 'papaparse', 'luxon'];
// (looked up from this module's folder, as its imports are)
const HERE = fileURLToPath(new URL('.', import.meta.url));

// Parsed rows kept by an older build may differ from what this build reads: a store compares this
// fingerprint and reads every file again when it changed (an upgrade costs one full read, never a wrong row).
/**
 * A hash of what reads input files into parsed rows: this build's modules (as files), the versions of the
 * packages they parse with and the runtime's time-zone database.
 * @example await readerFingerprint() // '3f9c…'
 */
export async function readerFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const [folder, pattern] of READER_MODULES) {
    const url = new URL(folder, import.meta.url);
    for (const name of (await readdir(url)).filter((file) => pattern.test(file)).sort()) hash.update(name).update(await readFile(new URL(name, url)));
  }
  // the same code reads otherwise under another parser or another time-zone database
  for (const [name, version] of readerPackages()) hash.update(`${name}@${version}`);
  hash.update(`tz@${process.versions.tz ?? 'unknown'}`);
  return hash.digest('hex');
}

/**
 * The packages that parse a file's text and naive times, with their installed versions (part of readerFingerprint).
 * @example readerPackages() // [['csv-parse', '6.2.1'], ['papaparse', '5.7.1'], ['luxon', '3.7.2']]
 */
export function readerPackages(): Array<[string, string]> {
  return READER_PACKAGES.map((name) => [name, packageVersion(name, HERE) ?? 'unknown']);
}

