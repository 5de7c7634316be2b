import type { RunReason } from './job.js';
/** The error part of a failed run, as written to the run log. */
export interface RunLogError {
    kind: string;
    message: string;
    exitCode?: number;
}
/**
 * One line of `<output>/.uptake/runs.jsonl`. A run writes `start` before the job and `end`
 * after it, so a run killed mid-way still shows (as `interrupted`) instead of vanishing.
 */
export type RunLogEntry = {
    event: 'start';
    runId: string;
    at: string;
    reason: RunReason;
    pid: number;
    host: string;
    weeks?: string[];
    scheduledFor?: string;
} | {
    event: 'end';
    runId: string;
    at: string;
    outcome: 'ok' | 'error';
    durationMs: number;
    error?: RunLogError;
    result?: unknown;
} | {
    event: 'skipped';
    at: string;
    reason: RunReason;
    why: string;
    scheduledFor?: string;
    weeks?: string[];
} | {
    event: 'scheduler-start';
    at: string;
    cron: string;
    timezone: string;
    pid: number;
    host: string;
} | {
    event: 'watcher-start';
    at: string;
    dir: string;
    pid: number;
    host: string;
};
export type RunOutcome = 'ok' | 'error' | 'skipped' | 'running' | 'interrupted';
/** A run as `uptake status` shows it: start and end lines joined. */
export interface RunRecord {
    runId: string | null;
    reason: RunReason;
    outcome: RunOutcome;
    startedAt: string;
    endedAt: string | null;
    durationMs: number | null;
    weeks: string[];
    scheduledFor: string | null;
    error: RunLogError | null;
    /** Why a skipped run did not start. */
    why: string | null;
    /** What the job returned (small JSON only), e.g. `{ week, outDir }`. */
    result: unknown;
    pid: number | null;
    host: string | null;
}
/**
 * Appends one entry as one JSON line (a single O_APPEND write, so concurrent writers do not interleave).
 * @example await appendRun('output/.uptake/runs.jsonl', { event: 'skipped', at: new Date().toISOString(), reason: 'schedule', why: 'busy' })
 */
export declare function appendRun(runLogPath: string, entry: RunLogEntry): Promise<void>;
/**
 * Every entry of a run log in file order; a missing log is an empty list.
 * @example const entries = await readRunLog('output/.uptake/runs.jsonl')
 */
export declare function readRunLog(runLogPath: string): Promise<RunLogEntry[]>;
/**
 * Runs in start order. A start without an end is `running` while its process lives, else `interrupted`.
 * @example (await readRuns('output/.uptake/runs.jsonl')).at(-1)?.outcome // 'ok'
 */
export declare function readRuns(runLogPath: string, options?: {
    isAlive?: (pid: number) => boolean;
    host?: string;
}): Promise<RunRecord[]>;
