/** What `run.lock` holds. */
export interface RunLockInfo {
    pid: number;
    host: string;
    reason: string;
    since: string;
    token: string;
}
/** A held lock; `release` removes it only while it is still this holder's. */
export interface RunLock {
    path: string;
    info: RunLockInfo;
    release(): Promise<void>;
}
export interface RunLockOptions {
    /** Shown to whoever finds the lock held, e.g. `schedule`. */
    reason?: string;
    now?: () => number;
    isAlive?: (pid: number) => boolean;
    host?: string;
    pid?: number;
}
/**
 * Takes `<output>/.uptake/run.lock` so two report runs never overlap, across processes.
 * A lock whose pid is dead on this host is stale and is taken over; a live one is an
 * UptakeError of kind `busy` (exit code 10). A lock from another host is treated as live.
 * @example const lock = await acquireRunLock('output', { reason: 'manual' }); try { ... } finally { await lock.release(); }
 */
export declare function acquireRunLock(outputDir: string, options?: RunLockOptions): Promise<RunLock>;
/**
 * Runs `work` while holding the run lock, releasing it afterwards whatever happens.
 * @example await withRunLock('output', () => runReport(options), { reason: 'manual' })
 */
export declare function withRunLock<T>(outputDir: string, work: () => Promise<T>, options?: RunLockOptions): Promise<T>;
/**
 * Who holds the run lock now, or null when nobody does (a stale holder is reported with `stale: true`).
 * @example (await readRunLock('output'))?.pid
 */
export declare function readRunLock(outputDir: string, options?: {
    isAlive?: (pid: number) => boolean;
    host?: string;
}): Promise<(RunLockInfo & {
    stale: boolean;
}) | null>;
