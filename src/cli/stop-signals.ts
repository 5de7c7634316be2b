import { UptakeError } from '../errors.js';
import { MAX_TIMER_SEC } from '../util/max-timer.js';
import { numberOption } from './number-option.js';

/** Seconds a run in progress may take to finish after the first stop signal, unless --stop-grace says otherwise. */
export const DEFAULT_STOP_GRACE_SEC = 120;

// SIGHUP too: a run or a schedule left in an SSH or tmux session gets it when the session ends, and
// Node's default for it (exit 129 at once) would leave a staging folder, the lock and a run logged as interrupted.
/** The signals that stop a command: Ctrl-C, `kill`/`systemctl stop`, and the hangup of the terminal it runs in. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Seconds an aborted run may take to stop (the kernel killed, Chromium closed, the staging folder removed) before uptake ends without it. */
export const ABORT_STOP_SEC = 10;

// An aborted run that waits on I/O that never completes (open() of a FIFO that no process writes to, a call
// nobody answers) never gets to see its abort: uptake ends anyway, and a signal after the abort ends it at once.
let abandon: (error: UptakeError) => void = () => {};
const abandoned = new Promise<UptakeError>((resolve) => {
  abandon = resolve;
});

/**
 * Resolves, with the error to end with (exit 130), when a run aborted by a stop signal has not stopped within
 * ABORT_STOP_SEC, or when a signal comes after the abort: cli/main.ts then ends the process, whatever still runs.
 * @example const failure = await Promise.race([main(argv).then(() => null), abandonedRun()])
 */
export function abandonedRun(): Promise<UptakeError> {
  return abandoned;
}

/** The CLI's one handler for SIGINT, SIGTERM and SIGHUP, as two stages of stopping. */
export interface StopSignals {
  /** Aborted by the first signal: take no new work, let the run in progress finish. */
  readonly stopping: AbortSignal;
  /** Aborted by a second signal, or when the grace period after the first runs out: abort the run in progress. */
  readonly abort: AbortSignal;
  /** Resolves with the first signal's name. */
  readonly received: Promise<NodeJS.Signals>;
  /**
   * Runs `work` as the run in progress: a first signal meanwhile says the command stops once it is done; a first
   * signal while none is (a scheduler or watcher waiting, a run still starting) says the command stops now.
   */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Removes the handler (cli/main.ts's handler of last resort takes signals again). */
  dispose(): void;
}

/**
 * The signal a run is given: aborted with the stop signals' `abort`, or once the run's lock is another run's
 * (`lockLost`, for a run under the output folder's lock).
 * @example runEffects({ log, signal: runSignal(stop, request.lockLost) })
 */
export function runSignal(stop: Pick<StopSignals, 'abort'>, lockLost?: AbortSignal): AbortSignal {
  return lockLost ? AbortSignal.any([stop.abort, lockLost]) : stop.abort;
}

export interface StopSignalOptions {
  graceSec: number;
  log: (line: string) => void;
  /** How the command names itself in log lines, e.g. `uptake schedule`. */
  name: string;
}

// Library code (kernel client, browser) never handles process signals: the command that owns the
// process decides what a signal means, and hands the run an AbortSignal.
/**
 * Installs the handler: the first SIGINT/SIGTERM/SIGHUP aborts `stopping` and starts the grace timer;
 * a second one, or the timer, aborts `abort`; a run that has not stopped ABORT_STOP_SEC later, or a further
 * signal, ends uptake without it (abandonedRun).
 * @example const stop = handleStopSignals({ graceSec: 120, log, name: 'uptake run' }); await runReport(options, runEffects({ signal: stop.abort }));
 */
export function handleStopSignals(options: StopSignalOptions): StopSignals {
  const stopping = new AbortController();
  const abort = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  let stopTimer: NodeJS.Timeout | undefined;
  let announce: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    announce = resolve;
  });
  const endWithout = (signal: NodeJS.Signals, why: string) =>
    abandon(new UptakeError('aborted', `the run in progress was aborted by ${signal} and ${why}: uptake ended without waiting for it (the next run removes what it left)`));
  const abortRun = (signal: NodeJS.Signals) => {
    abort.abort(signal);
    stopTimer = setTimeout(() => {
      options.log(`${options.name}: the aborted run did not stop within ${ABORT_STOP_SEC} s (it waits on something that does not end): exiting without it`);
      endWithout(signal, `did not stop within ${ABORT_STOP_SEC} s`);
    }, ABORT_STOP_SEC * 1000);
  };
  // (runs in progress: see during)
  let running = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping.signal.aborted) {
      options.log(
        running > 0
          ? `${options.name}: ${signal}: stopping after the run in progress (at most ${options.graceSec} s; send it again to abort now)`
          : `${options.name}: ${signal}: stopping (no run in progress)`,
      );
      stopping.abort(signal);
      announce(signal);
      graceTimer = setTimeout(() => {
        options.log(`${options.name}: the run in progress did not finish within ${options.graceSec} s of ${signal}: aborting it`);
        abortRun(signal);
      }, options.graceSec * 1000);
      graceTimer.unref();
      return;
    }
    if (!abort.signal.aborted) {
      options.log(`${options.name}: second ${signal}: aborting the run in progress now`);
      abortRun(signal);
      return;
    }
    options.log(`${options.name}: ${signal} after the abort: exiting now, without waiting for the run to stop`);
    endWithout(signal, `had not stopped at the next ${signal}`);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  handlers += 1;
  let disposed = false;
  return {
    stopping: stopping.signal,
    abort: abort.signal,
    received,
    async during(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
      }
    },
    dispose() {
      clearTimeout(graceTimer);
      clearTimeout(stopTimer);
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      if (!disposed) handlers -= 1;
      disposed = true;
    },
  };
}

/** handleStopSignals' handlers in place: while one is, a signal is the command's to handle. */
let handlers = 0;

/**
 * Whether a command handles the stop signals now (handleStopSignals, not yet disposed): cli/main.ts's handler of
 * last resort leaves them to it.
 * @example if (!commandHandlesSignals()) stopNow(signal)
 */
export function commandHandlesSignals(): boolean {
  return handlers > 0;
}

/**
 * Parses `--stop-grace <seconds>`.
 * @example stopGraceSec('30') // 30
 */
export function stopGraceSec(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STOP_GRACE_SEC;
  return numberOption(value, '--stop-grace', `a number of seconds (0 to ${MAX_TIMER_SEC})`, { max: MAX_TIMER_SEC });
}

/**
 * Resolves on the first SIGINT, SIGTERM or SIGHUP, for commands with no run to finish (serve); a second one aborts at once.
 * @example const signal = await untilStopSignal(); await server.close();
 */
export async function untilStopSignal(): Promise<NodeJS.Signals> {
  const stop = handleStopSignals({ graceSec: 0, log: () => {}, name: 'uptake' });
  const signal = await stop.received;
  stop.dispose();
  return signal;
}
