import type { RunLogEntry } from './run-log.js';
/** Exit code of `uptake status --check` when no report was produced for too long (documented in the README). */
export declare const DEAD_MAN_EXIT_CODE = 11;
export interface DeadManResult {
    overdue: boolean;
    /** The allowed silence, in days (config.schedule.deadManDays). */
    days: number;
    /** End of the last successful run, or null when the log has none. */
    lastSuccessAt: string | null;
    /** First entry of the run log: when watching began, used while there was never a success. */
    monitoredSince: string | null;
    /** Days since the last success (or since monitoring began), rounded to 0.1. */
    silentDays: number | null;
    message: string;
}
/**
 * Dead-man's check over run-log entries: overdue when no run succeeded within `days`.
 * With no success yet, the clock starts at the log's first entry; an empty log is overdue.
 * @example deadManCheck(await readRunLog('output/.uptake/runs.jsonl'), { days: 8, now: Date.now() }).overdue
 */
export declare function deadManCheck(entries: RunLogEntry[], options: {
    days: number;
    now: number;
}): DeadManResult;
/** Sends the dead-man notice; uptake's CLI wires stderr and the configured channels in. */
export type DeadManNotifier = (result: DeadManResult) => Promise<void>;
/**
 * Runs the dead-man check and calls `notify` when overdue, at most once per episode when
 * `statePath` is given (it remembers which episode was notified).
 * @example await notifyIfOverdue(entries, { days: 8, now: Date.now(), notify: async (r) => console.error(r.message), statePath: 'output/.uptake/dead-man.json' })
 */
export declare function notifyIfOverdue(entries: RunLogEntry[], options: {
    days: number;
    now: number;
    notify: DeadManNotifier;
    statePath?: string;
}): Promise<{
    result: DeadManResult;
    notified: boolean;
}>;
