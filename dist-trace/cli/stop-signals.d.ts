/** Seconds a run in progress may take to finish after the first SIGINT/SIGTERM, unless --stop-grace says otherwise. */
export declare const DEFAULT_STOP_GRACE_SEC = 120;
/** The CLI's one handler for SIGINT and SIGTERM, as two stages of stopping. */
export interface StopSignals {
    /** Aborted by the first signal: take no new work, let the run in progress finish. */
    readonly stopping: AbortSignal;
    /** Aborted by a second signal, or when the grace period after the first runs out: abort the run in progress. */
    readonly abort: AbortSignal;
    /** Resolves with the first signal's name. */
    readonly received: Promise<NodeJS.Signals>;
    /** Removes the handler (Node's default handling returns). */
    dispose(): void;
}
export interface StopSignalOptions {
    graceSec: number;
    log: (line: string) => void;
    /** How the command names itself in log lines, e.g. `uptake schedule`. */
    name: string;
}
/**
 * Installs the handler: the first SIGINT/SIGTERM aborts `stopping` and starts the grace timer;
 * a second one, or the timer, aborts `abort`.
 * @example const stop = handleStopSignals({ graceSec: 120, log, name: 'uptake run' }); await runReport(options, runEffects({ signal: stop.abort }));
 */
export declare function handleStopSignals(options: StopSignalOptions): StopSignals;
/**
 * Parses `--stop-grace <seconds>`.
 * @example stopGraceSec('30') // 30
 */
export declare function stopGraceSec(value: string | undefined): number;
/**
 * Resolves on the first SIGINT or SIGTERM, for commands with no run to finish (serve); a second one aborts at once.
 * @example const signal = await untilStopSignal(); await server.close();
 */
export declare function untilStopSignal(): Promise<NodeJS.Signals>;
