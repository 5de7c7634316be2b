import type { InputLimits } from '../ingest/input-limits.js';
import { type Clock, type Log } from './clock.js';
import type { Job } from './job.js';
import { type Ledger } from './ledger.js';
export interface WatchOptions {
    job: Job;
    /** Files that become ready within this many ms of each other make one run. */
    debounceMs: number;
    /** A file is ready once its size and mtime have not changed for this many ms (and it reads to its end). */
    stableMs: number;
    /** JSON ledger of processed content hashes. */
    ledgerPath: string;
    clock?: Clock;
    log?: Log;
    /** With it, runs take `<outputDir>/.uptake/run.lock` and go into the run log. */
    outputDir?: string;
    /** Run log path; defaults to `<outputDir>/.uptake/runs.jsonl`. */
    runLog?: string;
    /** Report zone (weeks are cut there); default UTC. */
    timezone?: string;
    /** Zone of naive timestamps without a `tz` column; default UTC. */
    defaultTimezone?: string;
    /** Caps on a file's text and one record when reading its weeks (config.inputLimits); default DEFAULT_INPUT_LIMITS. */
    inputLimits?: InputLimits;
    /** Wait before retrying when another run holds the lock; default 30 s. */
    busyRetryMs?: number;
    /** Poll instead of OS events (network mounts). */
    usePolling?: boolean;
    isAlive?: (pid: number) => boolean;
    /**
     * Where the watcher keeps its copy of the input files (one per content, read once) and links a batch's
     * consistent snapshot of the folder from it; default `watch-snapshot` beside the ledger. Removed on close.
     */
    snapshotDir?: string;
    /** Called after every batch with what it found and did. */
    onBatch?: (batch: WatchBatch) => void;
}
/** One debounced batch of ready files and what came of it. */
export interface WatchBatch {
    /** New content: these made (or were meant to make) the run. `weeks` are the file's own. */
    fresh: Array<{
        path: string;
        sha256: string;
        bytes: number;
        weeks: string[];
    }>;
    /** Content already processed (under this or another name), or repeated within the batch. */
    duplicates: Array<{
        path: string;
        sha256: string;
        firstSeenAs: string;
    }>;
    weeks: string[];
    /** Files not taken yet: still being written (not quiet, or not readable to their end). Retried after `stableMs`. */
    waiting: Array<{
        path: string;
        why: string;
    }>;
    /**
     * `ran`: the job succeeded; `nothing-new`: only duplicates (or files still waiting); `busy`: another run held the
     * lock (retried); `changing`: a file changed while the batch copied it (retried); `rejected`: the job refused
     * input (UptakeError `input`): the file it names (else every new file) is marked rejected in the ledger and not
     * tried again until it changes; `error`: the job failed otherwise (retried with the next batch).
     */
    outcome: 'ran' | 'nothing-new' | 'busy' | 'changing' | 'rejected' | 'error';
    /** An input file that changed during the run: nothing was delivered, and the batch runs again. */
    changedDuringRun?: string;
    error?: unknown;
}
/**
 * The weeks a batch should recompute: every week of its new log files, plus the weeks of its new
 * roster months that hold logs (in this batch or in files already in the ledger).
 * @example batchWeeks([{ path: 'user_monthly_summary_2026-11.csv', weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'] }], ledgerWithW45andW46) // ['2026-W45', '2026-W46']
 */
export declare function batchWeeks(fresh: Array<{
    path: string;
    weeks: string[];
}>, ledger: Pick<Ledger, 'entries'>): string[];
export interface Watcher {
    /** Stops watching and waits for a batch in progress. */
    close(): Promise<void>;
    /** Resolves when no batch is waiting or running. */
    idle(): Promise<void>;
}
/**
 * Watches `dir` for input files (ai_logs*, manual_logs*, user_monthly_summary* as .csv or
 * .csv.gz) and runs the job once per burst, for the weeks the new content touches. A file
 * counts once its size has been stable for `stableMs`; content already in the ledger
 * (sha256, kept across restarts) never triggers again. Files present at start that are not
 * in the ledger count as new. Resolves once the initial scan is armed.
 * @example const watcher = await watch('incoming', { job, debounceMs: 2000, stableMs: 1000, ledgerPath: 'output/.uptake/watch-ledger.json' })
 */
export declare function watch(dir: string, options: WatchOptions): Promise<Watcher>;
