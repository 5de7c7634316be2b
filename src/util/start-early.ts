/** Work started before the stage that needs it: a kernel or a browser to start, files to build. */
export interface EarlyStart<T> {
  /** What started, or the start's own error, for the stage that needs it to await (and report). */
  readonly ready: Promise<T>;
  /** Milliseconds from the start until `ready` resolved; null while under way or when it failed. */
  readonly durationMs: number | null;
  /** Cancels a start still under way, or stops what started. Never throws; safe to call twice. */
  stop(): Promise<void>;
}

// A start nobody awaits yet must not fail the process as an unhandled rejection: its error waits in
// `ready` for the stage that needs it, and `stop()` in a `finally` covers every way out before that.
/**
 * Calls `start` now and returns at once. `stop` receives what started when it must be shut down.
 * @example
 * const kernel = startEarly((signal) => startNotebookKernel(path, { signal }), (client) => client.shutdown());
 * try { await ingest(); await executeNotebook(path, { kernel: kernel.ready }); } finally { await kernel.stop(); }
 */
export function startEarly<T>(start: (signal: AbortSignal) => Promise<T>, stop: (started: T) => Promise<void>): EarlyStart<T> {
  const controller = new AbortController();
  const began = performance.now();
  let durationMs: number | null = null;
  const ready = new Promise<T>((resolve) => resolve(start(controller.signal))).then((started) => {
    durationMs = Math.round(performance.now() - began);
    return started;
  });
  ready.catch(() => undefined);
  let stopped: Promise<void> | undefined;
  return {
    ready,
    get durationMs() {
      return durationMs;
    },
    stop() {
      stopped ??= (async () => {
        controller.abort();
        let started: T;
        try {
          started = await ready;
        } catch {
          return; // it never started, or its start was cancelled: nothing to stop
        }
        await stop(started).catch(() => undefined);
      })();
      return stopped;
    },
  };
}
