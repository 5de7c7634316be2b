import { Cron } from 'croner';
import type { Config } from '../config/schema.js';
import { type Clock, type Log } from './clock.js';
import { type DeadManNotifier } from './dead-man.js';
import type { Job } from './job.js';
import { type RunLogEntry } from './run-log.js';
export type TickReason = 'schedule' | 'catch-up' | 'manual';
/** What one tick did. A tick while a run is in flight (here or in another process) is `skipped`. */
export interface TickResult {
    outcome: 'ok' | 'error' | 'skipped';
    reason: TickReason;
    scheduledFor: string | null;
    runId?: string;
    error?: unknown;
    /** Why a skipped tick did not run. */
    why?: string;
}
export interface ScheduleDeps {
    job: Job;
    clock?: Clock;
    log?: Log;
    /** Run log path; defaults to `<config.output>/.uptake/runs.jsonl`. */
    runLog?: string;
    /** Folder holding `.uptake/run.lock`; defaults to config.output. */
    outputDir?: string;
    isAlive?: (pid: number) => boolean;
    /** Called (once per silent episode) when no report succeeded for config.schedule.deadManDays. */
    notifier?: DeadManNotifier;
    /** How often the dead-man check runs while the scheduler is up; default hourly. */
    deadManEveryMs?: number;
}
export interface Scheduler {
    /** Logs the start, arms the timer, then runs the catch-up (if one is due) and resolves when it ends. */
    start(): Promise<{
        catchUp: TickResult | null;
    }>;
    /** Fires one run now (or at the injected `now`); skipped when a run is still in flight. */
    tick(options?: {
        now?: number;
        reason?: TickReason;
        scheduledFor?: number;
    }): Promise<TickResult>;
    /** The next occurrence the timer waits for (null before start or when the cron has no future). */
    nextRun(): Date | null;
    /** Resolves when no run is in flight. */
    idle(): Promise<void>;
    /** Disarms the timers (for good) and waits for a run in flight; a catch-up not yet begun is not begun. */
    stop(): Promise<void>;
}
/**
 * Validates config.schedule's cron and zone into a croner pattern (never started: uptake drives its own timer).
 * @example scheduleCron({ cron: '0 6 * * 1', timezone: 'Europe/Berlin' }).nextRun(new Date('2026-11-23T00:00:00Z')) // 2026-11-23T05:00:00Z
 */
export declare function scheduleCron(schedule: {
    cron: string;
    timezone: string;
}): Cron;
/**
 * The latest occurrence at or before `now`, or null when there is none in the last five years.
 * @example previousOccurrence(scheduleCron({ cron: '0 6 * * 1', timezone: 'UTC' }), Date.parse('2026-11-25T00:00:00Z')) // Date.parse('2026-11-23T06:00:00Z')
 */
export declare function previousOccurrence(cron: Cron, now: number): number | null;
/**
 * An instant in the schedule's zone and in UTC, for people reading logs.
 * @example describeInstant(Date.parse('2026-11-30T05:00:00Z'), 'Europe/Berlin') // '2026-11-30 06:00 Europe/Berlin (2026-11-30T05:00:00.000Z)'
 */
export declare function describeInstant(epochMs: number, zone: string): string;
/**
 * The occurrence to catch up on, or null.
 * @example missedOccurrence(entries, scheduleCron(config.schedule), Date.now())
 */
export declare function missedOccurrence(entries: RunLogEntry[], cron: Cron, now: number): number | null;
/**
 * A scheduler for the weekly job: config.schedule's cron in its zone, never two runs at once
 * (in-process guard plus `<output>/.uptake/run.lock`), one catch-up run after a missed
 * occurrence, every run in `<output>/.uptake/runs.jsonl`. Timers come from the injected clock.
 * @example const scheduler = createScheduler(config, { job: (request) => runReport({ config, week: 'latest', deliver: true }) }); await scheduler.start();
 */
export declare function createScheduler(config: Config, deps: ScheduleDeps): Scheduler;
/**
 * Creates and starts a scheduler (see createScheduler); resolves after the start-up catch-up.
 * @example const scheduler = await schedule(config, { job, log: (line) => process.stderr.write(`${line}\n`) })
 */
export declare function schedule(config: Config, deps: ScheduleDeps): Promise<Scheduler>;
