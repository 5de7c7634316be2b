import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UptakeError, type UptakeErrorKind } from '../errors.js';
import type { InputFile } from '../ingest/discover-files.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../ingest/input-limits.js';
import { LogRows, type LogRowsPart } from '../ingest/log-rows.js';
import { readLogFile, textBytesOf, type LogFileResult, type RosterZones } from './read-log-file.js';
import type { PlausibleWindow } from './quarantine.js';
import type { FileReport, LogSource, QuarantineRecord } from './types.js';

export type LogFile = InputFile & { kind: LogSource };

export interface ReadLogFilesOptions {
  /** The roster's zones, or their promise: threads start loading at once and read once the zones are known. */
  zones: RosterZones | Promise<RosterZones>;
  defaultZone: string;
  /** Starts outside are quarantined as implausible (see plausibleWindow). */
  plausible: PlausibleWindow;
  onProgress(message: string): void;
  /** Caps on each file's text and on one record (config.inputLimits; default DEFAULT_INPUT_LIMITS). */
  limits?: InputLimits;
  /** Worker threads to read with; 0 reads on this thread. Default: UPTAKE_READ_THREADS, else one per core (at most 4) for large input, else 0. */
  workers?: number;
  /** Called with each file's rows and results as they are merged, in file order (a store keeps them). */
  onFileRead?(read: LogFileRead): void;
}

/** One log file's readable rows and what else it gave, in a form that crosses threads (and goes into a store). */
export interface LogFileRead {
  file: LogFile;
  part: LogRowsPart;
  result: Omit<LogFileResult, 'rows' | 'unreadable'> & { unreadable: Array<[string, number]> };
}

/** Every log file read, merged in file order (the input order every tie-break uses). */
export interface LogFilesRead {
  rows: Record<LogSource, LogRows>;
  reports: FileReport[];
  quarantine: QuarantineRecord[];
  unreadable: Map<string, number>;
  counts: Record<LogSource, { rowsRead: number; quarantined: number }>;
  /** Worker threads the files were read on (0: this thread). */
  threads: number;
}

/** Sent to a worker: first the zones naive times are read in, then one file to read at a time. */
export type WorkerRequest =
  | { type: 'zones'; zones: RosterZones; defaultZone: string; plausible: PlausibleWindow; limits: InputLimits }
  | { type: 'read'; file: Pick<LogFile, 'path' | 'gzip' | 'name' | 'kind' | 'bytes'>; fileIndex: number };

/** Sent back by a worker. */
export type WorkerMessage =
  | { type: 'progress'; message: string }
  | ({ type: 'done'; fileIndex: number; part: LogRowsPart; unreadable: Array<[string, number]> } & Pick<LogFileResult, 'report' | 'quarantine' | 'rowsRead' | 'quarantined'>)
  | { type: 'failed'; fileIndex: number; error: { kind: UptakeErrorKind; message: string; file?: string; line?: number } };

/** Below this much CSV text, starting threads costs more than it saves. */
const THREADS_FROM_BYTES = 32 * 1024 * 1024;
const WORKER_URL = new URL('./read-log-worker.js', import.meta.url);

// Files are independent until de-duplication: reading them side by side uses every core.
/**
 * Reads the log files, on worker threads when the input is large, and merges them in file order:
 * the result is the same whichever way they were read.
 * @example const read = await readLogFiles(files, { zones, defaultZone: 'UTC', onProgress: console.error, limits: config.inputLimits })
 */
export async function readLogFiles(files: LogFile[], options: ReadLogFilesOptions): Promise<LogFilesRead> {
  const workers = Math.min(options.workers ?? defaultWorkers(files), files.length);
  const reads: LogFileRead[] = [];
  const add = (file: LogFile, part: LogRowsPart, result: Omit<LogFileResult, 'rows' | 'unreadable'> & { unreadable: Iterable<[string, number]> }) => {
    const { report, quarantine, rowsRead, quarantined } = result;
    const read: LogFileRead = { file, part, result: { report, quarantine, rowsRead, quarantined, unreadable: [...result.unreadable] } };
    options.onFileRead?.(read);
    reads.push(read);
  };
  if (workers < 1 || !existsSync(fileURLToPath(WORKER_URL))) {
    const zones = await options.zones;
    for (const file of files) {
      const result = await readLogFile(file, { zones, defaultZone: options.defaultZone, plausible: options.plausible, onProgress: options.onProgress, limits: options.limits });
      add(file, result.rows.toPart(), result);
    }
    return mergeLogFileReads(reads, 0);
  }
  options.onProgress(`reading ${files.length} log files on ${workers} threads`);
  await readOnWorkers(files, workers, options, (file, message) => add(file, message.part, message));
  return mergeLogFileReads(reads, workers);
}

/**
 * Files read one by one (or kept from an earlier run), merged in the order given: file order, the input
 * order every tie-break uses. `threads`: how many reading threads were used.
 * @example mergeLogFileReads([{ file, part, result }], 0).rows.ai_logs.length
 */
export function mergeLogFileReads(reads: LogFileRead[], threads: number): LogFilesRead {
  const parts: Record<LogSource, LogRowsPart[]> = { ai_logs: [], manual_logs: [] };
  const merged: Omit<LogFilesRead, 'rows'> = {
    threads,
    reports: [],
    quarantine: [],
    unreadable: new Map(),
    counts: { ai_logs: { rowsRead: 0, quarantined: 0 }, manual_logs: { rowsRead: 0, quarantined: 0 } },
  };
  for (const { file, part, result } of reads) {
    parts[file.kind].push(part);
    merged.reports.push(result.report);
    for (const record of result.quarantine) merged.quarantine.push(record);
    for (const [column, count] of result.unreadable) merged.unreadable.set(column, (merged.unreadable.get(column) ?? 0) + count);
    merged.counts[file.kind].rowsRead += result.rowsRead;
    merged.counts[file.kind].quarantined += result.quarantined;
  }
  return { ...merged, rows: { ai_logs: new LogRows('ai_logs', parts.ai_logs), manual_logs: new LogRows('manual_logs', parts.manual_logs) } };
}

// UPTAKE_READ_THREADS lets an operator cap the threads on a shared host (0: read on the main thread).
function defaultWorkers(files: LogFile[]): number {
  const setting = process.env.UPTAKE_READ_THREADS;
  if (setting !== undefined && setting.trim() !== '') {
    const threads = Number(setting);
    if (!Number.isInteger(threads) || threads < 0) throw new UptakeError('config', `expected UPTAKE_READ_THREADS to be a whole number (0 reads on the main thread), got \`${setting}\``);
    return threads;
  }
  const total = files.reduce((sum, file) => sum + textBytesOf(file), 0);
  return total < THREADS_FROM_BYTES ? 0 : Math.min(availableParallelism(), 4);
}

// Files go out to whichever worker is free; results are merged strictly in file order.
function readOnWorkers(
  files: LogFile[],
  count: number,
  options: ReadLogFilesOptions,
  merge: (file: LogFile, message: Extract<WorkerMessage, { type: 'done' }>) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, Extract<WorkerMessage, { type: 'done' | 'failed' }>>();
    const pool: Worker[] = [];
    // Largest first, so that no thread is left reading a big file alone at the end.
    const queue = files.map((_, index) => index).sort((a, b) => textBytesOf(files[b]) - textBytesOf(files[a]) || a - b);
    let merged = 0;
    let firstFailure = files.length;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const dispatch = (worker: Worker) => {
      // after a failure only the files before it still matter
      const at = queue.findIndex((index) => index < firstFailure);
      if (at === -1) return;
      const [fileIndex] = queue.splice(at, 1);
      const { path, gzip, name, kind, bytes } = files[fileIndex];
      worker.postMessage({ type: 'read', file: { path, gzip, name, kind, bytes }, fileIndex } satisfies WorkerRequest);
    };
    const drain = () => {
      while (done.has(merged)) {
        const message = done.get(merged)!;
        done.delete(merged);
        if (message.type === 'failed') {
          const { kind, message: text, file, line } = message.error;
          finish(kind === 'internal' ? new Error(`reading ${files[merged].path} failed: ${text}`) : new UptakeError(kind, text, { file, line }));
          return;
        }
        merge(files[merged], message);
        merged += 1;
      }
      if (merged === files.length) finish();
    };
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(WORKER_URL);
      pool.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          options.onProgress(message.message);
          return;
        }
        done.set(message.fileIndex, message);
        if (message.type === 'failed') firstFailure = Math.min(firstFailure, message.fileIndex);
        else dispatch(worker);
        drain();
      });
      worker.on('error', (error) => finish(new Error(`a file-reading thread failed: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => finish(new Error(`a file-reading thread stopped early (exit code ${code})`)));
    }
    // A thread takes a moment to start (modules, compiling): the roster is read meanwhile.
    Promise.resolve(options.zones).then((zones) => {
      if (settled) return;
      for (const worker of pool) {
        worker.postMessage({ type: 'zones', zones, defaultZone: options.defaultZone, plausible: options.plausible, limits: options.limits ?? DEFAULT_INPUT_LIMITS } satisfies WorkerRequest);
        dispatch(worker);
      }
    }, finish);
  });
}
