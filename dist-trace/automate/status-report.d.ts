import type { Config } from '../config/schema.js';
import { type RunRecord } from './run-log.js';
/** `uptake status --json`: one document, snake_case keys like the metrics JSON. */
export interface StatusReport {
    run_log: string;
    total_runs: number;
    /** The last runs, newest first. */
    runs: Array<{
        run_id: string | null;
        reason: string;
        outcome: RunRecord['outcome'];
        started_at: string;
        ended_at: string | null;
        duration_ms: number | null;
        weeks: string[];
        scheduled_for: string | null;
        error: RunRecord['error'];
        why: string | null;
        /** What the job returned, e.g. `{ week, outDir }` of the report it wrote. */
        result: unknown;
    }>;
    next_run: {
        at: string;
        local: string;
        timezone: string;
        cron: string;
    } | null;
    /** The last `uptake schedule` start in the log, whether that process is still up, and its last run's start. */
    scheduler: {
        pid: number;
        host: string;
        since: string;
        alive: boolean;
        last_run_at: string | null;
    } | null;
    /** The last `uptake watch` start in the log, likewise. */
    watcher: {
        pid: number;
        host: string;
        since: string;
        dir: string;
        alive: boolean;
        last_run_at: string | null;
    } | null;
    lock: {
        pid: number;
        host: string;
        reason: string;
        since: string;
        stale: boolean;
    } | null;
    dead_man: {
        overdue: boolean;
        days: number;
        last_success_at: string | null;
        monitored_since: string | null;
        silent_days: number | null;
        message: string;
    };
}
/**
 * Gathers the run log, the next cron occurrence, the lock and the dead-man check.
 * @example const report = await statusReport(config, { now: Date.now(), last: 10 }); report.dead_man.overdue
 */
export declare function statusReport(config: Config, options: {
    now: number;
    last: number;
    isAlive?: (pid: number) => boolean;
}): Promise<StatusReport>;
/**
 * The status report as text for a terminal.
 * @example process.stdout.write(`${formatStatus(report)}\n`)
 */
export declare function formatStatus(report: StatusReport): string;
