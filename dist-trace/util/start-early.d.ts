/** Work started before the stage that needs it: a kernel or a browser to start, files to build. */
export interface EarlyStart<T> {
    /** What started, or the start's own error, for the stage that needs it to await (and report). */
    readonly ready: Promise<T>;
    /** Milliseconds from the start until `ready` resolved; null while under way or when it failed. */
    readonly durationMs: number | null;
    /** Cancels a start still under way, or stops what started. Never throws; safe to call twice. */
    stop(): Promise<void>;
}
/**
 * Calls `start` now and returns at once. `stop` receives what started when it must be shut down.
 * @example
 * const kernel = startEarly((signal) => startNotebookKernel(path, { signal }), (client) => client.shutdown());
 * try { await ingest(); await executeNotebook(path, { kernel: kernel.ready }); } finally { await kernel.stop(); }
 */
export declare function startEarly<T>(start: (signal: AbortSignal) => Promise<T>, stop: (started: T) => Promise<void>): EarlyStart<T>;
