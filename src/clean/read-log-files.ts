import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UptakeError, type UptakeErrorKind } from '../errors.js';
import type { InputFile } from '../ingest/discover-files.js';
import { DEFAULT_INPUT_LIMITS, MAX_PASS_THROUGH_COLUMNS, outOfReadingMemory, readingMemoryLimit, tooManyColumnsOverFiles, type InputLimits } from '../ingest/input-limits.js';
import { LogRows, type LogRowsPart } from '../ingest/log-rows.js';
import { chunkBytesOf, headerFieldsOf, readTextChunks, type TextChunk } from '../ingest/read-csv-fast.js';
import { resolveHeader } from '../ingest/normalize-headers.js';
import { HeaderHistory, readLogFile, repeatResolver, textBytesOf, type LogChunkResult, type LogFileResult, type RosterZones } from './read-log-file.js';
import type { PlausibleWindow } from './quarantine.js';
import { shiftedPart, type QuarantinePart } from './quarantine-list.js';
import type { FileReport, LogSource } from './types.js';

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
  /** Text over which a file is read in chunks, spread over the threads (chunkBytesOf). */
  chunkBytes?: number;
  /** Called with each file's rows and results as they are merged, in file order (a store keeps them). */
  onFileRead?(read: LogFileRead): void;
  /** Stops the reading (a run aborted by a stop signal): the threads are ended at once, mid-chunk, and nothing is kept. */
  signal?: AbortSignal;
}

/** One log file's readable rows (one part, or one per chunk it was read in) and what else it gave, in a form that crosses threads (and goes into a store). */
export interface LogFileRead {
  file: LogFile;
  parts: LogRowsPart[];
  /** Its quarantine: one part, or one per chunk it was read in. */
  result: Omit<LogFileResult, 'rows' | 'unreadable' | 'quarantine'> & { quarantine: QuarantinePart[]; unreadable: Array<[string, number]> };
}

/** Every log file read, merged in file order (the input order every tie-break uses). */
export interface LogFilesRead {
  rows: Record<LogSource, LogRows>;
  reports: FileReport[];
  /** The files' quarantines, in file order (see Quarantine). */
  quarantine: QuarantinePart[];
  unreadable: Map<string, number>;
  counts: Record<LogSource, { rowsRead: number; quarantined: number }>;
  /** Worker threads the files were read on (0: this thread). */
  threads: number;
}

/** Sent to a worker: first the zones naive times are read in, then one file or chunk to read at a time. */
export type WorkerRequest =
  | { type: 'zones'; zones: RosterZones; defaultZone: string; plausible: PlausibleWindow; limits: InputLimits; chunkBytes: number }
  | { type: 'read'; file: Pick<LogFile, 'path' | 'gzip' | 'name' | 'kind' | 'bytes'>; fileIndex: number }
  | { type: 'chunk'; file: Pick<LogFile, 'path' | 'gzip' | 'name' | 'kind'>; fileIndex: number; chunk: TextChunk; header?: string[] };

/** Sent back by a worker. */
export type WorkerMessage =
  | { type: 'progress'; message: string }
  | ({ type: 'done'; fileIndex: number; part: LogRowsPart; unreadable: Array<[string, number]> } & Pick<LogFileResult, 'report' | 'quarantine' | 'rowsRead' | 'quarantined' | 'afterClock' | 'zoneMonths'>)
  /** A file failed for good (`chunk`: while one of its chunks was read, which is not read again). */
  | { type: 'failed'; fileIndex: number; chunk?: true; error: { kind: UptakeErrorKind; message: string; file?: string; line?: number } }
  | ({ type: 'chunk-done'; fileIndex: number; chunkIndex: number; part: LogRowsPart; unreadable: Array<[string, number]>; bytes: ArrayBuffer } & Omit<LogChunkResult, 'rows' | 'unreadable'>)
  /** The chunk could not be read as such (the whole file is then read again, which says why). */
  | { type: 'chunk-failed'; fileIndex: number; chunkIndex: number; bytes: ArrayBuffer };

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
  readingMemoryLimit(); // a setting that is not a size stops the command before any reading
  const workers = Math.min(options.workers ?? defaultWorkers(files), files.length);
  const reads: LogFileRead[] = [];
  const add = (file: LogFile, part: LogRowsPart | LogRowsPart[], result: Omit<LogFileResult, 'rows' | 'unreadable' | 'quarantine'> & { quarantine: QuarantinePart | QuarantinePart[]; unreadable: Iterable<[string, number]> }) => {
    const quarantine = Array.isArray(result.quarantine) ? result.quarantine : [result.quarantine];
    const { report, rowsRead, quarantined, afterClock, zoneMonths } = result;
    const read: LogFileRead = { file, parts: Array.isArray(part) ? part : [part], result: { report, quarantine, rowsRead, quarantined, afterClock, zoneMonths, unreadable: [...result.unreadable] } };
    options.onFileRead?.(read);
    reads.push(read);
  };
  const threads = workers < 1 || !existsSync(fileURLToPath(WORKER_URL)) ? 0 : workers;
  options.signal?.throwIfAborted();
  if (threads === 0) {
    const zones = await options.zones;
    for (const file of files) {
      options.signal?.throwIfAborted();
      const result = await readLogFile(file, { zones, defaultZone: options.defaultZone, plausible: options.plausible, onProgress: options.onProgress, limits: options.limits, chunkBytes: options.chunkBytes, signal: options.signal });
      add(file, result.rows.toPart(), result);
    }
  } else {
    options.onProgress(`reading ${files.length} log files on ${workers} threads`);
    const read = await readOnWorkers(files, workers, options);
    for (const [index, file] of files.entries()) {
      const outcome = read[index];
      if (outcome.type === 'done') {
        add(file, outcome.part, outcome);
        continue;
      }
      const { parts: chunkParts, ...result } = joinChunks(file, outcome.chunks);
      add(file, chunkParts, result);
    }
  }
  return mergeLogFileReads(reads, threads);
}

/**
 * Files read one by one (or kept from an earlier run), merged in the order given: file order, the input
 * order every tie-break uses. `threads`: how many reading threads were used.
 * @example mergeLogFileReads([{ file, parts, result }], 0).rows.ai_logs.length
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
  const passThroughNames = new Set<string>();
  for (const { file, parts: fileParts, result } of reads) {
    for (const part of fileParts) for (const [name] of part.passThrough) passThroughNames.add(name);
    if (passThroughNames.size > MAX_PASS_THROUGH_COLUMNS) throw tooManyColumnsOverFiles(file.path, passThroughNames.size);
    parts[file.kind].push(...fileParts);
    merged.reports.push(result.report);
    for (const part of result.quarantine) merged.quarantine.push(part);
    for (const [column, count] of result.unreadable) merged.unreadable.set(column, (merged.unreadable.get(column) ?? 0) + count);
    merged.counts[file.kind].rowsRead += result.rowsRead;
    merged.counts[file.kind].quarantined += result.quarantined;
  }
  return { ...merged, rows: { ai_logs: new LogRows('ai_logs', parts.ai_logs), manual_logs: new LogRows('manual_logs', parts.manual_logs) } };
}

type ChunkDone = Extract<WorkerMessage, { type: 'chunk-done' }>;

/** A file read in chunks: its header, the chunks read so far, how many it has once all are cut, and whether it is read whole instead. */
interface ChunkedFile {
  header?: string[];
  chunks: ChunkDone[];
  total?: number;
  whole: boolean;
}

// Each chunk numbered its lines from 1: they are shifted by the lines before it, and the headers it repeats
// are replayed in order, so the file reads as it does whole.
/** The chunks of one file, in order, as one file's result (its rows as several parts). */
function joinChunks(file: LogFile, chunks: ChunkDone[]): Omit<LogFileResult, 'rows' | 'unreadable' | 'quarantine'> & { parts: LogRowsPart[]; quarantine: QuarantinePart[]; unreadable: Array<[string, number]> } {
  const first = resolveHeader(file.kind, chunks[0].firstHeader);
  const history = new HeaderHistory(first);
  const resolve = repeatResolver(file.kind);
  const quarantine: QuarantinePart[] = [];
  const unreadable = new Map<string, number>();
  let rowsRead = 0;
  let quarantined = 0;
  let afterClock = 0;
  const zoneMonths = new Set<string>();
  let before = 0;
  for (const chunk of chunks) {
    quarantine.push(shiftedPart(chunk.quarantine, before));
    for (const repeat of chunk.repeats) history.repeat(repeat.line + before, resolve(repeat.fields)!);
    for (const [column, count] of chunk.unreadable) unreadable.set(column, (unreadable.get(column) ?? 0) + count);
    rowsRead += chunk.rowsRead;
    quarantined += chunk.quarantined;
    afterClock += chunk.afterClock;
    for (const month of chunk.zoneMonths) zoneMonths.add(month);
    before += chunk.lines;
  }
  const report: FileReport = { file: file.path, kind: file.kind, rows: rowsRead, drift: history.drift, missingOptional: first.missingOptional };
  return { parts: chunks.map((chunk) => chunk.part), report, quarantine, unreadable: [...unreadable], rowsRead, quarantined, afterClock, zoneMonths: [...zoneMonths].sort() };
}

/** Whether each chunk was read with the header in force where it starts (a header repeated with other columns breaks that). */
function chunksAgree(header: string[], chunks: ChunkDone[]): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((field, index) => field === b[index]);
  return chunks.every((chunk, index) => same(chunk.firstHeader, header) && (index === chunks.length - 1 || same(chunk.lastHeader, header)));
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

/** What the threads made of one file: read whole, or in chunks (in order). */
type FileOutcome = Extract<WorkerMessage, { type: 'done' }> | { type: 'chunks'; chunks: ChunkDone[] };

/** Chunks cut and not yet read, at most, beyond one per thread: the text held is bounded by this. */
const CHUNKS_AHEAD = 1;

// Files go out to whichever worker is free, largest first; a large file is cut into chunks here as it is
// read (readTextChunks; a gzip file inflated, which costs a fraction of parsing), and the chunks go out
// before the files. A file whose chunks cannot be read as such (quoting, a header repeated with other
// columns) is read again whole by a thread, which says why. The first failure in file order is reported.
function readOnWorkers(files: LogFile[], count: number, options: ReadLogFilesOptions): Promise<FileOutcome[]> {
  const chunkBytes = chunkBytesOf(options.chunkBytes);
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  return new Promise((resolve, reject) => {
    const outcomes: Array<FileOutcome | Extract<WorkerMessage, { type: 'failed' }> | undefined> = files.map(() => undefined);
    const pool: Worker[] = [];
    const idle: Worker[] = [];
    // Largest first, so that no thread is left reading a big file alone at the end.
    const order = files.map((_, index) => index).sort((a, b) => textBytesOf(files[b]) - textBytesOf(files[a]) || a - b);
    const chunked = new Set(order.filter((index) => textBytesOf(files[index]) > chunkBytes));
    const whole = order.filter((index) => !chunked.has(index));
    const chunkTasks: Array<Extract<WorkerRequest, { type: 'chunk' }>> = [];
    const progress = new Map<number, ChunkedFile>();
    const spare: ArrayBuffer[] = [];
    let running = 0;
    let chunksOut = 0;
    let producing = chunked.size > 0;
    let firstFailure = files.length;
    let settled = false;
    let wakeProducer: (() => void) | null = null;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', stopped);
      for (const worker of pool) void worker.terminate();
      wakeProducer?.();
      if (error) {
        reject(error);
        return;
      }
      const first = outcomes.findIndex((outcome) => outcome?.type === 'failed');
      if (first !== -1) {
        const { kind, message: text, file, line } = (outcomes[first] as Extract<WorkerMessage, { type: 'failed' }>).error;
        reject(kind === 'internal' ? new Error(`reading ${files[first].path} failed: ${text}`) : new UptakeError(kind, text, { file, line }));
        return;
      }
      resolve(outcomes as FileOutcome[]);
    };
    const readWhole = (fileIndex: number) => {
      const state = progress.get(fileIndex);
      if (state) state.whole = true;
      whole.unshift(fileIndex);
      // its chunks not yet handed out are not read
      dropQueuedChunks(fileIndex);
    };
    // The file's chunks not yet sent to a thread are not read (their buffers go back to the cutting).
    const dropQueuedChunks = (fileIndex: number) => {
      for (let at = chunkTasks.length - 1; at >= 0; at -= 1) {
        if (chunkTasks[at].fileIndex !== fileIndex) continue;
        const [dropped] = chunkTasks.splice(at, 1);
        chunksOut -= 1;
        if (producing) spare.push(dropped.chunk.bytes.buffer as ArrayBuffer);
      }
      wakeProducer?.();
    };
    const dispatch = () => {
      while (idle.length > 0 && !settled) {
        let request: WorkerRequest | undefined = chunkTasks.shift();
        const transfer: ArrayBuffer[] = [];
        if (request) {
          transfer.push(request.chunk.bytes.buffer as ArrayBuffer);
        } else {
          // after a failure only the files before it still matter
          const at = whole.findIndex((index) => index < firstFailure);
          if (at === -1) break;
          const [fileIndex] = whole.splice(at, 1);
          const { path, gzip, name, kind, bytes } = files[fileIndex];
          request = { type: 'read', file: { path, gzip, name, kind, bytes }, fileIndex };
        }
        running += 1;
        idle.pop()!.postMessage(request, transfer);
      }
      if (running === 0 && !producing && chunkTasks.length === 0 && !whole.some((index) => index < firstFailure)) finish();
    };
    const chunkDone = (message: ChunkDone | Extract<WorkerMessage, { type: 'chunk-failed' }>) => {
      chunksOut -= 1;
      if (producing) spare.push(message.bytes);
      wakeProducer?.();
      const state = progress.get(message.fileIndex)!;
      if (state.whole) return;
      if (message.type === 'chunk-failed') {
        readWhole(message.fileIndex);
        return;
      }
      state.chunks[message.chunkIndex] = message;
      if (state.total !== undefined && state.chunks.filter(Boolean).length === state.total) settleChunks(message.fileIndex);
    };
    const settleChunks = (fileIndex: number) => {
      const state = progress.get(fileIndex)!;
      if (chunksAgree(state.header!, state.chunks)) {
        outcomes[fileIndex] = { type: 'chunks', chunks: state.chunks };
        options.onProgress(`${files[fileIndex].name}: read in ${state.chunks.length} chunks`);
      } else {
        options.onProgress(`${files[fileIndex].name}: read whole, as a header repeated in it has other columns`);
        readWhole(fileIndex);
      }
    };
    const produce = async () => {
      for (const fileIndex of order.filter((index) => chunked.has(index))) {
        if (settled || fileIndex > firstFailure) continue;
        const file = files[fileIndex];
        const state: ChunkedFile = { chunks: [], whole: false };
        progress.set(fileIndex, state);
        let total = 0;
        try {
          for await (const chunk of readTextChunks(file, { limits, chunkBytes, pool: spare })) {
            if (chunk.index === 0) state.header = headerFieldsOf(chunk);
            // (a thread that failed on a chunk for good, memory run short, ends the file's cutting)
            if (state.header === undefined || state.whole || settled || outcomes[fileIndex]?.type === 'failed') {
              spare.push(chunk.bytes.buffer as ArrayBuffer);
              break;
            }
            const { path, gzip, name, kind } = file;
            chunkTasks.push({ type: 'chunk', file: { path, gzip, name, kind }, fileIndex, chunk, header: chunk.index === 0 ? undefined : state.header });
            total += 1;
            chunksOut += 1;
            dispatch();
            while (chunksOut >= count + CHUNKS_AHEAD && !settled) await new Promise<void>((wake) => (wakeProducer = wake));
            wakeProducer = null;
          }
        } catch {
          // the thread reading the file whole says what is wrong with it
          state.header = undefined;
        }
        if (outcomes[fileIndex]?.type === 'failed') continue;
        if (state.header === undefined || state.whole) {
          if (!state.whole) readWhole(fileIndex);
          continue;
        }
        state.total = total;
        if (state.chunks.filter(Boolean).length === total) settleChunks(fileIndex);
      }
      producing = false;
      // the buffers chunks were read into go with the last chunk's
      spare.length = 0;
      dispatch();
    };
    // A stop signal ends the threads where they are: a chunk of a large file takes seconds to parse, and the abort
    // of a run waited for it (reading ran on until the run was given up, 10 s later).
    const stopped = () => finish(options.signal!.reason instanceof Error ? options.signal!.reason : new UptakeError('aborted', 'reading the log files was stopped'));
    options.signal?.addEventListener('abort', stopped, { once: true });
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(WORKER_URL);
      pool.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          options.onProgress(message.message);
          return;
        }
        running -= 1;
        idle.push(worker);
        // what the threads read gathers here: this thread's memory is checked as theirs is (outOfReadingMemory)
        const full = message.type === 'chunk-done' || message.type === 'done' ? outOfReadingMemory(files[message.fileIndex].path) : null;
        if (full) {
          finish(full);
          return;
        }
        if (message.type === 'chunk-done' || message.type === 'chunk-failed') chunkDone(message);
        else {
          outcomes[message.fileIndex] = message;
          if (message.type === 'failed') firstFailure = Math.min(firstFailure, message.fileIndex);
          // a chunk that failed for good: the file's other chunks still queued go, and the cutting stops (produce)
          if (message.type === 'failed' && message.chunk) {
            chunksOut -= 1;
            dropQueuedChunks(message.fileIndex);
          }
        }
        dispatch();
      });
      worker.on('error', (error) => finish(new Error(`a file-reading thread failed: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => finish(new Error(`a file-reading thread stopped early (exit code ${code})`)));
    }
    // A thread takes a moment to start (modules, compiling): the roster is read meanwhile.
    Promise.resolve(options.zones).then((zones) => {
      if (settled) return;
      for (const worker of pool) {
        worker.postMessage({ type: 'zones', zones, defaultZone: options.defaultZone, plausible: options.plausible, limits, chunkBytes } satisfies WorkerRequest);
        idle.push(worker);
      }
      if (producing) void produce().catch(finish);
      dispatch();
    }, finish);
  });
}
