import { setImmediate as nextTurn } from 'node:timers/promises';

/** Milliseconds a loop on the main thread runs at most before it lets signals, timers and I/O in. */
export const TURN_EVERY_MS = 50;

// Node runs a signal's handler (and a timer, and an abort) only between turns of its event loop: a loop that
// parses a 45 MB file in one go kept a SIGTERM waiting for seconds. A long loop calls the function this returns at
// each step: when TURN_EVERY_MS have passed, it lets one turn go by, then stops the loop if `signal` was aborted.
/**
 * A pacer for long loops on the main thread: returns undefined while the loop may go on at once, else a promise
 * to await (one turn of the event loop; it rejects with the abort's reason when `signal` was aborted meanwhile).
 * @example const turn = eventTurns(signal); for (const piece of pieces) { parse(piece); const due = turn(); if (due) await due; }
 */
export function eventTurns(signal?: AbortSignal, everyMs = TURN_EVERY_MS): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < everyMs) return undefined;
    return (async () => {
      await nextTurn();
      last = performance.now();
      signal?.throwIfAborted();
    })();
  };
}
