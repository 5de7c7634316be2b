import { UptakeError } from '../errors.js';
import { MAX_TIMER_MS } from '../util/max-timer.js';

/** Seconds a run in progress may take to finish after the first stop signal, unless --stop-grace says otherwise. */
export const DEFAULT_STOP_GRACE_SEC = 120;

// SIGHUP too: a run or a schedule left in an SSH or tmux session gets it when the session ends, and
// Node's default for it (exit 129 at once) would leave a staging folder, the lock and a run logged as interrupted.
/** The signals that stop a command: Ctrl-C, `kill`/`systemctl stop`, and the hangup of the terminal it runs in. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The CLI's one handler for SIGINT, SIGTERM and SIGHUP, as two stages of stopping. */
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

// Library code (kernel client, browser) never handles process signals: the command that owns the
// process decides what a signal means, and hands the run an AbortSignal.
/**
 * Installs the handler: the first SIGINT/SIGTERM/SIGHUP aborts `stopping` and starts the grace timer;
 * a second one, or the timer, aborts `abort`.
 * @example const stop = handleStopSignals({ graceSec: 120, log, name: 'uptake run' }); await runReport(options, runEffects({ signal: stop.abort }));
 */
export function handleStopSignals(options: StopSignalOptions): StopSignals {
  const stopping = new AbortController();
  const abort = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  let announce: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    announce = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
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
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    stopping: stopping.signal,
    abort: abort.signal,
    received,
    dispose() {
      clearTimeout(graceTimer);
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}

/**
 * Parses `--stop-grace <seconds>`.
 * @example stopGraceSec('30') // 30
 */
export function stopGraceSec(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STOP_GRACE_SEC;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds * 1000 > MAX_TIMER_MS) throw new UptakeError('usage', `--stop-grace: expected a number of seconds (0 to ${Math.floor(MAX_TIMER_MS / 1000)}), got \`${value}\``);
  return seconds;
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
