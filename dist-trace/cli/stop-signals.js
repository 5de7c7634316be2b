import { UptakeError } from '../errors.js';
/** Seconds a run in progress may take to finish after the first SIGINT/SIGTERM, unless --stop-grace says otherwise. */
export const DEFAULT_STOP_GRACE_SEC = 120;
// Library code (kernel client, browser) never handles process signals: the command that owns the
// process decides what a signal means, and hands the run an AbortSignal.
/**
 * Installs the handler: the first SIGINT/SIGTERM aborts `stopping` and starts the grace timer;
 * a second one, or the timer, aborts `abort`.
 * @example const stop = handleStopSignals({ graceSec: 120, log, name: 'uptake run' }); await runReport(options, runEffects({ signal: stop.abort }));
 */
export function handleStopSignals(options) {
    const stopping = new AbortController();
    const abort = new AbortController();
    let graceTimer;
    let announce = () => { };
    const received = new Promise((resolve) => {
        announce = resolve;
    });
    const onSignal = (signal) => {
        if (!stopping.signal.aborted) {
            options.log(`${options.name}: ${signal}: stopping after the run in progress (at most ${options.graceSec} s; send it again to abort now)`);
            stopping.abort(signal);
            announce(signal);
            graceTimer = setTimeout(() => {
                options.log(`${options.name}: the run in progress did not finish within ${options.graceSec} s of ${signal}: aborting it`);
                abort.abort(signal);
            }, options.graceSec * 1000);
            graceTimer.unref();
            return;
        }
        if (!abort.signal.aborted) {
            options.log(`${options.name}: second ${signal}: aborting the run in progress now`);
            abort.abort(signal);
        }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        stopping: stopping.signal,
        abort: abort.signal,
        received,
        dispose() {
            clearTimeout(graceTimer);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}
/**
 * Parses `--stop-grace <seconds>`.
 * @example stopGraceSec('30') // 30
 */
export function stopGraceSec(value) {
    if (value === undefined)
        return DEFAULT_STOP_GRACE_SEC;
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < 0)
        throw new UptakeError('usage', `--stop-grace: expected a number of seconds (0 or more), got \`${value}\``);
    return seconds;
}
/**
 * Resolves on the first SIGINT or SIGTERM, for commands with no run to finish (serve); a second one aborts at once.
 * @example const signal = await untilStopSignal(); await server.close();
 */
export async function untilStopSignal() {
    const stop = handleStopSignals({ graceSec: 0, log: () => { }, name: 'uptake' });
    const signal = await stop.received;
    stop.dispose();
    return signal;
}
//# sourceMappingURL=stop-signals.js.map