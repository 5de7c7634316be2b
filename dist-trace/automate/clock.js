/**
 * The real clock: `Date.now` and Node's timers.
 * @example systemClock.setTimeout(() => console.error('tick'), 1000)
 */
export const systemClock = {
    now: () => Date.now(),
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => clearTimeout(handle),
};
export const silentLog = () => { };
//# sourceMappingURL=clock.js.map