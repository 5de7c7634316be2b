import type { InputFile } from '../ingest/discover-files.js';
import { type TextChunk } from '../ingest/read-csv-fast.js';
import { type ResolvedHeader } from '../ingest/normalize-headers.js';
import { LogRowsBuilder } from '../ingest/log-rows.js';
import { type InputLimits } from '../ingest/input-limits.js';
import { type PlausibleWindow } from './quarantine.js';
import type { FileReport, LogSource, QuarantineRecord } from './types.js';
/** Roster zone per user and month (`YYYY-MM`); only users with a zone are listed. */
export type RosterZones = Map<string, Map<string, string>>;
export interface ReadLogFileOptions {
    zones: RosterZones;
    defaultZone: string;
    /** Starts outside are quarantined as implausible (see plausibleWindow). */
    plausible: PlausibleWindow;
    onProgress(message: string): void;
    /** Caps on the file's text and on one record (config.inputLimits; default DEFAULT_INPUT_LIMITS). */
    limits?: InputLimits;
    /** Text over which a file is read in chunks (see chunkBytesOf; default UPTAKE_READ_CHUNK_BYTES, else 32 MiB). */
    chunkBytes?: number;
}
/** What one log file gave: its readable rows, its quarantine, and what it reported. */
export interface LogFileResult {
    rows: LogRowsBuilder;
    report: FileReport;
    quarantine: QuarantineRecord[];
    /** Optional values that could not be read and became null, per column, in first-seen order. */
    unreadable: Map<string, number>;
    rowsRead: number;
    quarantined: number;
    /**
     * Starts and ends judged implausible only because they lie after the run's clock (plus
     * `cleaning.maxFutureDays`): while any, a later run's clock may read the file otherwise (a store reads it again).
     */
    afterClock: number;
}
/** A log file's size as text: its size on disk, times what gzip shrinks such text by. */
export declare const textBytesOf: (file: Pick<InputFile, "bytes" | "gzip">) => number;
/** A log file to read: `bytes`, its size on disk when known, sizes the columns up front. */
export type LogFileToRead = Pick<InputFile, 'path' | 'gzip' | 'name'> & Partial<Pick<InputFile, 'bytes'>> & {
    kind: LogSource;
};
/**
 * Reads one ai_logs or manual_logs file: the header resolved, every record typed or quarantined (CONTRACT 2.1-2.2).
 * @example const result = await readLogFile(file, { zones: new Map(), defaultZone: 'UTC', onProgress: console.error })
 */
export declare function readLogFile(file: LogFileToRead, options: ReadLogFileOptions): Promise<LogFileResult>;
/** A header repeated further down a file: its line and fields. */
export interface HeaderRepeat {
    line: number;
    fields: string[];
}
/**
 * The header in force and the schema drift so far, from a file's first header and the headers it repeats.
 * @example const history = new HeaderHistory(first); history.repeat(57, repeated); history.drift
 */
export declare class HeaderHistory {
    header: ResolvedHeader;
    readonly drift: string[];
    constructor(header: ResolvedHeader);
    repeat(line: number, repeated: ResolvedHeader): void;
}
/** What one chunk of a log file gave (readLogChunk): its lines counted from 1 at the chunk's start. */
export interface LogChunkResult extends Omit<LogFileResult, 'report'> {
    /** The header the chunk's rows were first read with (the chunk's own first record for the file's first chunk). */
    firstHeader: string[];
    /** The header in force at the chunk's end. */
    lastHeader: string[];
    repeats: HeaderRepeat[];
    /** Lines the chunk holds: the next chunk's lines come after these. */
    lines: number;
}
/**
 * Reads one chunk of a log file (readTextChunks): the file's first chunk reads its header, a later one is
 * given `header`, the fields of the header in force where it starts.
 * @example const part = readLogChunk(file, chunk, header, { zones, defaultZone: 'UTC', plausible, onProgress() {} })
 */
export declare function readLogChunk(file: LogFileToRead, chunk: TextChunk, header: string[] | undefined, options: ReadLogFileOptions): Promise<LogChunkResult>;
