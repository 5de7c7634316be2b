import type { InputFile } from './discover-files.js';
import { type InputLimits } from './input-limits.js';
export interface CsvRecord {
    fields: string[];
    /** 1-based line where the record starts. */
    line: number;
    /** The record's text without its line ending. */
    raw: string;
    /** Set when the record breaks RFC 4180 quoting; the record must be quarantined. */
    parseError?: string;
    /** Set by readCsvRecordsFast when the record's text is all ASCII (so none of its values can be wide). */
    ascii?: true;
}
/** The text without the line ending(s) at its end. */
export declare function stripLineEnding(raw: string): string;
export declare function countNewlines(text: string): number;
/**
 * Every line ending ends a record, whatever the first line used: exports are appended to and edited on
 * other systems. `\r\n` comes first, so that it is one line ending and not two.
 */
export declare const RECORD_DELIMITERS: string[];
/**
 * Streams the records of a CSV (or gzipped CSV) file; the first record is the header.
 * @example for await (const record of readCsvRecords(file)) console.log(record.line, record.fields)
 */
export declare function readCsvRecords(file: Pick<InputFile, 'path' | 'gzip'>, limits?: InputLimits): AsyncGenerator<CsvRecord>;
/**
 * The records of readCsvRecords, in the same order, as arrays of whatever the parser had ready.
 * @example for await (const batch of readCsvBatches(file)) for (const record of batch) console.log(record.line)
 */
export declare function readCsvBatches(file: Pick<InputFile, 'path' | 'gzip'>, limits?: InputLimits): AsyncGenerator<CsvRecord[]>;
