/** Whether a file that stopped growing is whole, and if not, why. */
export type Completeness = {
    complete: true;
} | {
    complete: false;
    why: string;
};
/** Why a file that failed while read to its end (a torn gzip stream, say) is not complete. */
export declare function unreadable(path: string, error: unknown): {
    complete: false;
    why: string;
};
/** Fed a file's (decompressed) bytes in order, says whether its last record is whole. */
export interface LastRecordProbe {
    add(chunk: Buffer): void;
    verdict(): Completeness;
}
/**
 * The last-record check, for a reader that reads the file anyway (one pass: takeInFile).
 * @example const probe = lastRecordProbe(); probe.add(Buffer.from('a,b\n1,2')); probe.verdict() // { complete: true }
 */
export declare function lastRecordProbe(): LastRecordProbe;
