/**
 * Resolves on the first SIGINT or SIGTERM; a second one gets Node's default handling (exit at once).
 * @example const signal = await untilStopSignal(); await scheduler.stop();
 */
export function untilStopSignal() {
    return new Promise((resolve) => {
        const stop = (signal) => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
}
//# sourceMappingURL=until-stop-signal.js.map