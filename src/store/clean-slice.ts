// The one place the store calls into the data core (clean/ and ingest/): when the core's reading and its
// rules over parsed rows split, only this file follows them.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { cleanInput, type CleanEffects } from '../clean/clean-input.js';
import { mergeLogFileReads, readLogFiles, type LogFile, type LogFileRead } from '../clean/read-log-files.js';
import type { RosterZones } from '../clean/read-log-file.js';
import type { CleanedData } from '../clean/types.js';
import { discoverFiles, type InputFile } from '../ingest/discover-files.js';

export type { CleanedData, InputFile, LogFile, LogFileRead, RosterZones };

/** What a store keeps of one log file: its parsed rows and what else reading it gave. */
export type KeptFileRead = Omit<LogFileRead, 'file'>;

export interface SliceEffects extends Pick<CleanEffects, 'onProgress' | 'now' | 'workers'> {
  /** Given the log files and the roster's zones (naive times depend on them): the kept reads, by path. The rest are read. */
  kept(files: LogFile[], zones: RosterZones): Promise<Map<string, KeptFileRead>>;
  /** Each file read in this run, in file order. */
  onFileRead(read: LogFileRead): void;
}

/**
 * The input's files, as the data core finds them (name order: the input order of every tie-break).
 * @example await inputFiles('data/sample')
 */
export function inputFiles(inputDir: string): Promise<InputFile[]> {
  return discoverFiles(inputDir);
}

/**
 * Cleans the input like cleanInput, but log files the store kept are not read again: their parsed rows
 * join the new files' in file order, and every rule of CONTRACT section 2 runs over them all, so the
 * result is the from-scratch one by construction.
 * @example const data = await cleanSlice('data/sample', config, { kept: async () => new Map(), onFileRead: () => {} })
 */
export function cleanSlice(inputDir: string, config: Config, effects: SliceEffects): Promise<CleanedData> {
  return cleanInput(inputDir, config, {
    onProgress: effects.onProgress,
    now: effects.now,
    workers: effects.workers,
    readLogs: async (files, options) => {
      const zones = await options.zones;
      const kept = await effects.kept(files, zones);
      const fresh = new Map<string, LogFileRead>();
      const toRead = files.filter((file) => !kept.has(file.path));
      const read =
        toRead.length === 0
          ? { threads: 0 }
          : await readLogFiles(toRead, {
              ...options,
              zones,
              onFileRead: (fileRead) => {
                fresh.set(fileRead.file.path, fileRead);
                effects.onFileRead(fileRead);
              },
            });
      const reads = files.map((file) => fresh.get(file.path) ?? { file, ...kept.get(file.path)! });
      return mergeLogFileReads(reads, read.threads);
    },
  });
}

/** The code that turns a file into parsed rows: all of ingest/ and columns/ (its dictionaries), and the reading and row rules of clean/. */
const READER_MODULES: Array<[string, RegExp]> = [
  ['../ingest/', /\.(js|ts)$/],
  ['../columns/', /\.(js|ts)$/],
  ['../clean/', /^(read-log-file|read-log-files|read-log-worker|quarantine|load-roster)\.(js|ts)$/],
];

// Parsed rows kept by an older build may differ from what this build reads: a store compares this
// fingerprint and reads every file again when it changed (an upgrade costs one full read, never a wrong row).
/**
 * A hash of the code that reads input files into parsed rows (this build's modules, as files).
 * @example await readerFingerprint() // '3f9c…'
 */
export async function readerFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const [folder, pattern] of READER_MODULES) {
    const url = new URL(folder, import.meta.url);
    for (const name of (await readdir(url)).filter((file) => pattern.test(file)).sort()) hash.update(name).update(await readFile(new URL(name, url)));
  }
  return hash.digest('hex');
}
