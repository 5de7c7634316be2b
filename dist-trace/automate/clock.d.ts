/** What a scheduler needs from time: the current instant and timers. Tests pass their own. */
export interface Clock {
    now(): number;
    setTimeout(callback: () => void, delayMs: number): unknown;
    clearTimeout(handle: unknown): void;
}
/** A log line sink; uptake's commands send these to stderr. */
export type Log = (line: string) => void;
/**
 * The real clock: `Date.now` and Node's timers.
 * @example systemClock.setTimeout(() => console.error('tick'), 1000)
 */
export declare const systemClock: Clock;
export declare const silentLog: Log;
