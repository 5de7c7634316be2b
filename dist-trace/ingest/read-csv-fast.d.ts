import type { InputFile } from './discover-files.js';
import { type InputLimits } from './input-limits.js';
import { type CsvRecord } from './read-csv.js';
/**
 * The file holds something papaparse and csv-parse might read differently (quoting that breaks RFC 4180,
 * a quoted header, bytes that are not UTF-8) or is too large to hold whole: read it with readCsvBatches,
 * which also reports what is wrong.
 */
export declare class FastReadUnavailable extends Error {
}
/**
 * The chunk size: `setting` when given, else UPTAKE_READ_CHUNK_BYTES, else CHUNK_BYTES (32 MiB).
 * @example chunkBytesOf() // 33554432 when UPTAKE_READ_CHUNK_BYTES is unset
 */
export declare function chunkBytesOf(setting?: number): number;
/**
 * Hands every record of a CSV (or gzipped CSV) file to `onRecord`, the header first, exactly as
 * readCsvBatches reads them (fields, line, raw text; no record has a parse error, as such files go to csv-parse). Throws FastReadUnavailable, before or
 * after some records, when the file needs csv-parse; the caller then starts the file over with readCsvBatches.
 * A file of more than `options.chunkBytes` of text (chunkBytesOf) is read as chunks cut at record boundaries,
 * one after the other, in a buffer or two of that size: never whole.
 * `options.chunkChars`: how much text papaparse is given at a time (64 K; tests cut records with small pieces).
 * @example await readCsvRecordsFast(file, (record) => console.log(record.line, record.fields))
 */
export declare function readCsvRecordsFast(file: Pick<InputFile, 'path' | 'gzip'>, onRecord: (record: CsvRecord) => void, options?: {
    chunkChars?: number;
    limits?: InputLimits;
    chunkBytes?: number;
}): Promise<void>;
/** A piece of a file's text cut at a record boundary (readTextChunks). */
export interface TextChunk {
    /** The chunk's bytes, alone in their ArrayBuffer (so it can be transferred to a thread and back). */
    bytes: Buffer;
    /** 0 for the file's first chunk (the one that can start with a BOM and holds the header). */
    index: number;
    /** The file's record delimiter, from its header line. */
    newline: '\n' | '\r\n' | '\r';
}
/**
 * Parses one chunk of readTextChunks as readCsvRecordsFast parses a whole file, its first record on `line`;
 * returns the line the next chunk starts on.
 * @example let line = 1; for await (const chunk of readTextChunks(file, options)) line = parseChunk(chunk, onRecord, { line })
 */
export declare function parseChunk(chunk: TextChunk, onRecord: (record: CsvRecord) => void, options: {
    line: number;
    chunkChars?: number;
    maxRecordBytes?: number;
}): number;
/**
 * The fields of the header a file's first chunk starts with (after a BOM and empty lines), or undefined
 * when it cannot be told without parsing (a quote in it, or no line ending).
 * @example headerFieldsOf(firstChunk) // ['event_id', 'user_id', ...]
 */
export declare function headerFieldsOf(chunk: TextChunk): string[] | undefined;
/**
 * The text of a CSV (or gzipped CSV) file as chunks of about `chunkBytes` bytes, each ending where a record
 * ends (the last one where the file does), checked as readCsvRecordsFast checks a whole file: the cap on
 * text (UptakeError), UTF-16 or UTF-32 (UptakeError), UTF-8, a quoted header, a quote left open for more than inputLimits.maxRecordBytes (FastReadUnavailable). Hand a chunk's
 * ArrayBuffer back through `pool` once it is read and the next chunk reuses it.
 * @example for await (const chunk of readTextChunks(file, { limits, chunkBytes: 1 << 20, pool })) line = parseChunk(chunk, onRecord, { line })
 */
export declare function readTextChunks(file: Pick<InputFile, 'path' | 'gzip'>, options: {
    limits?: InputLimits;
    chunkBytes?: number;
    pool?: ArrayBuffer[];
}): AsyncGenerator<TextChunk>;
/** Hands each record of a file to `onRecord` (see readCsvRecordsFast and readCsvBatches). */
export type ForEachRecord = (onRecord: (record: CsvRecord) => void) => Promise<void>;
/**
 * Runs `read` over a file's records as papaparse reads them, or, when papaparse cannot read the file
 * as csv-parse would, over csv-parse's (`onProgress` says why). `read` may be started over, so it must
 * keep what it collects to itself.
 * @example const records = await readFileRecords(file, async (forEach) => { const all = []; await forEach((r) => all.push(r)); return all; }, console.error)
 */
export declare function readFileRecords<T>(file: Pick<InputFile, 'path' | 'gzip' | 'name'>, read: (forEachRecord: ForEachRecord) => Promise<T>, onProgress: (message: string) => void, limits?: InputLimits, chunkBytes?: number): Promise<T>;
