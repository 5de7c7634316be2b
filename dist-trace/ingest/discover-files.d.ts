import { type Stats } from 'node:fs';
import type { InputKind } from './types.js';
export interface InputFile {
    /** Path as the user can find it (input folder + name). */
    path: string;
    name: string;
    kind: InputKind;
    gzip: boolean;
    bytes: number;
}
export declare const REQUIRED_KINDS: InputKind[];
/** The kind a file name announces, or null for files uptake does not read. */
export declare function kindOfFileName(name: string): InputKind | null;
/**
 * Lists the input files of a folder by name prefix, in name order.
 * @example await discoverFiles('data/sample') // [{ name: 'ai_logs_2026-W40.csv', kind: 'ai_logs', ... }, ...]
 */
export declare function discoverFiles(inputDir: string, required?: InputKind[]): Promise<InputFile[]>;
/**
 * The file's stats when `path` is a readable regular file (a link to one will do), else the UptakeError saying what it is.
 * @example await readableFile('incoming/ai_logs_2026-W47.csv') // throws `… but it is a named pipe (FIFO)` for a FIFO
 */
export declare function readableFile(path: string): Promise<Stats>;
