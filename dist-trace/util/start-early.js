// A start nobody awaits yet must not fail the process as an unhandled rejection: its error waits in
// `ready` for the stage that needs it, and `stop()` in a `finally` covers every way out before that.
/**
 * Calls `start` now and returns at once. `stop` receives what started when it must be shut down.
 * @example
 * const kernel = startEarly((signal) => startNotebookKernel(path, { signal }), (client) => client.shutdown());
 * try { await ingest(); await executeNotebook(path, { kernel: kernel.ready }); } finally { await kernel.stop(); }
 */
export function startEarly(start, stop) {
    const controller = new AbortController();
    const began = performance.now();
    let durationMs = null;
    const ready = new Promise((resolve) => resolve(start(controller.signal))).then((started) => {
        durationMs = Math.round(performance.now() - began);
        return started;
    });
    ready.catch(() => undefined);
    let stopped;
    return {
        ready,
        get durationMs() {
            return durationMs;
        },
        stop() {
            stopped ??= (async () => {
                controller.abort();
                let started;
                try {
                    started = await ready;
                }
                catch {
                    return; // it never started, or its start was cancelled: nothing to stop
                }
                await stop(started).catch(() => undefined);
            })();
            return stopped;
        },
    };
}
//# sourceMappingURL=start-early.js.map