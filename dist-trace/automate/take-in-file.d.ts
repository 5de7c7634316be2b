/** A file read once into the store: its content's hash and the private copy the runs read. */
export interface TakenFile {
    complete: true;
    sha256: string;
    bytes: number;
    /** `<store>/<sha256>/<name>`: the copy keeps the file's name (its kind and weeks are read from it). */
    copy: string;
    /** Size and mtime of the watched file when it was read. */
    size: number;
    mtimeMs: number;
}
export type TakeIn = TakenFile | {
    complete: false;
    why: string;
};
/**
 * Reads `path` once into `store` (by content hash), unless it is not whole yet.
 * @example await takeInFile('incoming/ai_logs_2026-W47.csv', 'output/.uptake/watch-snapshot/store') // { complete: true, sha256: 'e3b0…', copy: '…/store/e3b0…/ai_logs_2026-W47.csv', … }
 */
export declare function takeInFile(path: string, store: string): Promise<TakeIn>;
