import { type UptakeErrorKind } from '../errors.js';
import type { InputFile } from '../ingest/discover-files.js';
import { type InputLimits } from '../ingest/input-limits.js';
import { LogRows, type LogRowsPart } from '../ingest/log-rows.js';
import { type TextChunk } from '../ingest/read-csv-fast.js';
import { type LogChunkResult, type LogFileResult, type RosterZones } from './read-log-file.js';
import type { PlausibleWindow } from './quarantine.js';
import type { FileReport, LogSource, QuarantineRecord } from './types.js';
export type LogFile = InputFile & {
    kind: LogSource;
};
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
}
/** One log file's readable rows (one part, or one per chunk it was read in) and what else it gave, in a form that crosses threads (and goes into a store). */
export interface LogFileRead {
    file: LogFile;
    parts: LogRowsPart[];
    result: Omit<LogFileResult, 'rows' | 'unreadable'> & {
        unreadable: Array<[string, number]>;
    };
}
/** Every log file read, merged in file order (the input order every tie-break uses). */
export interface LogFilesRead {
    rows: Record<LogSource, LogRows>;
    reports: FileReport[];
    quarantine: QuarantineRecord[];
    unreadable: Map<string, number>;
    counts: Record<LogSource, {
        rowsRead: number;
        quarantined: number;
    }>;
    /** Worker threads the files were read on (0: this thread). */
    threads: number;
}
/** Sent to a worker: first the zones naive times are read in, then one file or chunk to read at a time. */
export type WorkerRequest = {
    type: 'zones';
    zones: RosterZones;
    defaultZone: string;
    plausible: PlausibleWindow;
    limits: InputLimits;
    chunkBytes: number;
} | {
    type: 'read';
    file: Pick<LogFile, 'path' | 'gzip' | 'name' | 'kind' | 'bytes'>;
    fileIndex: number;
} | {
    type: 'chunk';
    file: Pick<LogFile, 'path' | 'gzip' | 'name' | 'kind'>;
    fileIndex: number;
    chunk: TextChunk;
    header?: string[];
};
/** Sent back by a worker. */
export type WorkerMessage = {
    type: 'progress';
    message: string;
} | ({
    type: 'done';
    fileIndex: number;
    part: LogRowsPart;
    unreadable: Array<[string, number]>;
} & Pick<LogFileResult, 'report' | 'quarantine' | 'rowsRead' | 'quarantined' | 'afterClock'>) | {
    type: 'failed';
    fileIndex: number;
    error: {
        kind: UptakeErrorKind;
        message: string;
        file?: string;
        line?: number;
    };
} | ({
    type: 'chunk-done';
    fileIndex: number;
    chunkIndex: number;
    part: LogRowsPart;
    unreadable: Array<[string, number]>;
    bytes: ArrayBuffer;
} & Omit<LogChunkResult, 'rows' | 'unreadable'>)
/** The chunk could not be read as such (the whole file is then read again, which says why). */
 | {
    type: 'chunk-failed';
    fileIndex: number;
    chunkIndex: number;
    bytes: ArrayBuffer;
};
/**
 * Reads the log files, on worker threads when the input is large, and merges them in file order:
 * the result is the same whichever way they were read.
 * @example const read = await readLogFiles(files, { zones, defaultZone: 'UTC', onProgress: console.error, limits: config.inputLimits })
 */
export declare function readLogFiles(files: LogFile[], options: ReadLogFilesOptions): Promise<LogFilesRead>;
/**
 * Files read one by one (or kept from an earlier run), merged in the order given: file order, the input
 * order every tie-break uses. `threads`: how many reading threads were used.
 * @example mergeLogFileReads([{ file, parts, result }], 0).rows.ai_logs.length
 */
export declare function mergeLogFileReads(reads: LogFileRead[], threads: number): LogFilesRead;
