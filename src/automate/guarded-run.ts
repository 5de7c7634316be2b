import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { isUptakeError } from '../errors.js';
import type { RunReason } from './job.js';
import { appendRun, type RunLogError } from './run-log.js';
import { acquireRunLock } from './run-lock.js';
import { removeStaleRunFiles } from './remove-stale-run-files.js';
import { statePaths } from './state-paths.js';
import { processIdentity } from '../util/process-identity.js';

export interface GuardedRunOptions {
  /** The report's output folder; lock and run log live in `<outputDir>/.uptake/`. */
  outputDir: string;
  reason: RunReason;
  weeks?: string[];
  /** The cron occurrence this run stands for (schedule and catch-up runs). */
  scheduledFor?: number;
  /** Run log path; defaults to `<outputDir>/.uptake/runs.jsonl`. */
  runLog?: string;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  /** Told when a stale run lock (a dead run's) is taken over, or this run's lock is lost. */
  log?: (line: string) => void;
  /** How often the lock is refreshed (and checked to be this run's); default RUN_LOCK_HEARTBEAT_MS. */
  heartbeatMs?: number;
  /**
   * Told of a failure before `work` began (the lock, what dead runs left, the log's start line), a held lock
   * (`busy`) excepted, before it is thrown: a run that cannot start sends the failure notice a failed run sends
   * (a run that began tells of its own failure).
   */
  onStartFailure?: (error: unknown) => Promise<void>;
}

export interface GuardedRunResult<T> {
  runId: string;
  value: T;
  durationMs: number;
}

/** What a run under the lock is told: `lockLost` aborts once the lock is another run's (see RunLock.lost). */
export interface HeldRun {
  lockLost: AbortSignal;
}

/**
 * Runs `work` under the run lock and logs it (first removing what dead runs left, see removeStaleRunFiles): a `start` line, then an `end` line with the
 * outcome, duration and error. A held lock logs a `skipped` line and throws UptakeError `busy`;
 * a failing `work` logs its error and rethrows it. A failure before `work` began is told to `onStartFailure` first.
 * @example await guardedRun({ outputDir: 'output', reason: 'manual' }, () => runReport(options))
 */
export async function guardedRun<T>(options: GuardedRunOptions, work: (held: HeldRun) => Promise<T>): Promise<GuardedRunResult<T>> {
  let began = false;
  try {
    return await lockedRun(options, (held) => {
      began = true;
      return work(held);
    });
  } catch (error) {
    if (!began && !(isUptakeError(error) && error.kind === 'busy')) await options.onStartFailure?.(error);
    throw error;
  }
}

async function lockedRun<T>(options: GuardedRunOptions, work: (held: HeldRun) => Promise<T>): Promise<GuardedRunResult<T>> {
  const now = options.now ?? Date.now;
  const runLog = options.runLog ?? statePaths(options.outputDir).runLog;
  const scheduledFor = options.scheduledFor === undefined ? undefined : new Date(options.scheduledFor).toISOString();
  let lock;
  try {
    lock = await acquireRunLock(options.outputDir, { reason: options.reason, now, isAlive: options.isAlive, log: options.log, heartbeatMs: options.heartbeatMs });
  } catch (error) {
    if (isUptakeError(error) && error.kind === 'busy') {
      await appendRun(runLog, { event: 'skipped', at: new Date(now()).toISOString(), reason: options.reason, why: error.message, scheduledFor, weeks: options.weeks });
    }
    throw error;
  }
  try {
    await removeStaleRunFiles(options.outputDir, { isAlive: options.isAlive });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const runId = `${new Date(now()).toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const started = now();
  try {
    await appendRun(runLog, {
      event: 'start',
      runId,
      at: new Date(started).toISOString(),
      reason: options.reason,
      pid: process.pid,
      host: hostname(),
      ...processIdentity(process.pid),
      weeks: options.weeks,
      scheduledFor,
    });
    let value: T;
    try {
      value = await work({ lockLost: lock.lost });
    } catch (error) {
      const ended = now();
      await appendRun(runLog, { event: 'end', runId, at: new Date(ended).toISOString(), outcome: 'error', durationMs: ended - started, error: describeError(error) });
      throw error;
    }
    const ended = now();
    await appendRun(runLog, { event: 'end', runId, at: new Date(ended).toISOString(), outcome: 'ok', durationMs: ended - started, result: plainResult(value) });
    return { runId, value, durationMs: ended - started };
  } finally {
    await lock.release();
  }
}

/**
 * The run-log form of an error: kind and exit code for an UptakeError, `internal` otherwise.
 * @example describeError(new UptakeError('input', 'no files')) // { kind: 'input', message: 'no files', exitCode: 3 }
 */
export function describeError(error: unknown): RunLogError {
  if (isUptakeError(error)) return { kind: error.kind, message: error.message, exitCode: error.exitCode };
  if (error instanceof Error) return { kind: 'internal', message: error.message, exitCode: 1 };
  return { kind: 'internal', message: String(error), exitCode: 1 };
}

/** The longest result, as JSON, the run log keeps whole. */
const RESULT_MAX_CHARS = 2000;

// Keep small JSON results (runReport's { week, outDir, status }) in the log. A larger one (a run's many alerts
// routed, a watch batch of many weeks) keeps what `uptake status` shows of it, the weeks and where they went: all
// dropped, a run asked for `latest` showed no week at all.
function plainResult(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    const text = JSON.stringify(value);
    if (text.length <= RESULT_MAX_CHARS) return JSON.parse(text);
    const { status, week, outDir, reports } = value as { status?: unknown; week?: unknown; outDir?: unknown; reports?: unknown };
    const brief = {
      status: typeof status === 'string' ? status : undefined,
      week: typeof week === 'string' ? week : undefined,
      outDir: typeof outDir === 'string' ? outDir : undefined,
      reports: Array.isArray(reports) ? reports.map((report: { week?: unknown; outDir?: unknown } | null) => ({ week: report?.week, outDir: report?.outDir })) : undefined,
    };
    return JSON.parse(JSON.stringify(brief));
  } catch {
    return undefined;
  }
}

// A run killed with its scheduler or watcher (kill -9, a power cut) left its staging folder until the next run: a week
// later for a weekly schedule, and never for a catch-up run, which is not tried again.
/**
 * Removes what dead runs left (see removeStaleRunFiles) under the run lock, taken for that moment, and says what went
 * (`<name>: removed what dead runs left: …`): `uptake schedule` and `uptake watch` do it as they start. A lock a live
 * run holds leaves the work to that run; a failure (a read-only disk) is said and left to the runs, which report it.
 * @example await removeDeadRunsLeftovers({ outputDir: 'output', reason: 'schedule', name: 'uptake schedule', log })
 */
export async function removeDeadRunsLeftovers(options: Pick<GuardedRunOptions, 'outputDir' | 'reason' | 'now' | 'isAlive'> & { name: string; log: (line: string) => void }): Promise<string[]> {
  const { name, log } = options;
  try {
    let lock;
    try {
      lock = await acquireRunLock(options.outputDir, { reason: options.reason, now: options.now, isAlive: options.isAlive, log });
    } catch (error) {
      if (isUptakeError(error) && error.kind === 'busy') return [];
      throw error;
    }
    try {
      const removed = await removeStaleRunFiles(options.outputDir, { isAlive: options.isAlive });
      if (removed.length > 0) log(`${name}: removed what dead runs left: ${removed.join(', ')}`);
      return removed;
    } finally {
      await lock.release();
    }
  } catch (error) {
    log(`${name}: could not remove what dead runs left: ${(error as Error)?.message ?? String(error)}`);
    return [];
  }
}
