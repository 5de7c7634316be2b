import type { RunReason } from './job.js';
import { type RunLogError } from './run-log.js';
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
}
export interface GuardedRunResult<T> {
    runId: string;
    value: T;
    durationMs: number;
}
/**
 * Runs `work` under the run lock and logs it (first removing what dead runs left, see removeStaleRunFiles): a `start` line, then an `end` line with the
 * outcome, duration and error. A held lock logs a `skipped` line and throws UptakeError `busy`;
 * a failing `work` logs its error and rethrows it.
 * @example await guardedRun({ outputDir: 'output', reason: 'manual' }, () => runReport(options))
 */
export declare function guardedRun<T>(options: GuardedRunOptions, work: () => Promise<T>): Promise<GuardedRunResult<T>>;
/**
 * The run-log form of an error: kind and exit code for an UptakeError, `internal` otherwise.
 * @example describeError(new UptakeError('input', 'no files')) // { kind: 'input', message: 'no files', exitCode: 3 }
 */
export declare function describeError(error: unknown): RunLogError;
