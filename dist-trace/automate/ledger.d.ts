/** What the ledger remembers about one processed content hash. */
export interface LedgerEntry {
    /** The file name the content first arrived under. */
    file: string;
    bytes: number;
    processedAt: string;
    weeks: string[];
    /** Set when a run refused this content (e.g. over a size cap): it is not tried again until it changes. */
    rejected?: string;
}
/** Processed content hashes (sha256 of the file bytes), kept across restarts. */
export interface Ledger {
    readonly path: string;
    has(sha256: string): boolean;
    get(sha256: string): LedgerEntry | undefined;
    add(sha256: string, entry: LedgerEntry): void;
    entries(): LedgerEntry[];
    readonly size: number;
    /** Writes the ledger atomically (a crash leaves the old or the new ledger, never half of one). */
    save(): Promise<void>;
}
/**
 * Opens the watch ledger at `path`; a missing file is an empty ledger.
 * @example const ledger = await openLedger('output/.uptake/watch-ledger.json'); ledger.has(await hashFile(path))
 */
export declare function openLedger(path: string): Promise<Ledger>;
