/**
 * Resolves on the first SIGINT or SIGTERM; a second one gets Node's default handling (exit at once).
 * @example const signal = await untilStopSignal(); await scheduler.stop();
 */
export declare function untilStopSignal(): Promise<NodeJS.Signals>;
