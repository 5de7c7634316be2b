import { hostname } from 'node:os';
import { Cron } from 'croner';
import { DateTime } from 'luxon';
import type { Config } from '../config/schema.js';
import { UptakeError, isUptakeError } from '../errors.js';
import { systemClock, silentLog, type Clock, type Log } from './clock.js';
import { notifyIfOverdue, type DeadManNotifier } from './dead-man.js';
import { guardedRun } from './guarded-run.js';
import type { Job } from './job.js';
import { appendRun, isDatedAhead, readRunLog, wasInterrupted, type RunLogEntry } from './run-log.js';
import { statePaths } from './state-paths.js';
import { unfinishedRuns, type UnfinishedRun } from './unfinished-runs.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { processIdentity } from '../util/process-identity.js';

/** Times a scheduled run may be begun without finishing (aborted, killed, the machine down) before it is given up. */
export const MAX_TRIES = 3;

const DAY_MS = 86_400_000;
// Timers cannot sleep longer than ~24.8 days, and a suspended machine skews long sleeps: wake hourly and re-check.
const MAX_SLEEP_MS = 3_600_000;

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
  /** Wait before a scheduled run tries again when another process holds the run lock; default 30 s. */
  busyRetryMs?: number;
  /**
   * Told when a run could not start (its run lock or run log cannot be written: a full or read-only disk), so that
   * the channels hear of it now rather than from the dead-man check days later; not when another run holds the lock.
   */
  onStartFailure?: (error: unknown, run: { reason: TickReason; scheduledFor?: number }) => Promise<void>;
}

export interface Scheduler {
  /**
   * Logs the start, arms the timer, then runs the catch-ups and resolves when they end: each unfinished run (see
   * unfinishedRuns) once, oldest first, then the missed occurrence if it is none of them. `catchUp` is the last.
   */
  start(): Promise<{ catchUp: TickResult | null; catchUps: TickResult[] }>;
  /** Fires one run now (or at the injected `now`); skipped when a run is still in flight. */
  tick(options?: { now?: number; reason?: TickReason; scheduledFor?: number }): Promise<TickResult>;
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
export function scheduleCron(schedule: { cron: string; timezone: string }): Cron {
  try {
    return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  } catch (cause) {
    throw new UptakeError(
      'config',
      `\`schedule.cron\`: expected a cron expression such as "0 6 * * 1" (minute hour day-of-month month day-of-week), got "${schedule.cron}": ${(cause as Error).message}`,
      { cause },
    );
  }
}

/**
 * The latest occurrence at or before `now`, or null when there is none in the last five years.
 * @example previousOccurrence(scheduleCron({ cron: '0 6 * * 1', timezone: 'UTC' }), Date.parse('2026-11-25T00:00:00Z')) // Date.parse('2026-11-23T06:00:00Z')
 */
export function previousOccurrence(cron: Cron, now: number): number | null {
  // Croner only looks forward: search growing windows back from now, so a minutely cron costs a step, not a year of steps.
  for (const window of [60_000, 3_600_000, DAY_MS, 8 * DAY_MS, 32 * DAY_MS, 367 * DAY_MS, 5 * 367 * DAY_MS]) {
    const first = cron.nextRun(new Date(now - window - 1000));
    if (!first || first.getTime() > now) continue;
    let last = first.getTime();
    for (;;) {
      const following = cron.nextRun(new Date(last));
      if (!following || following.getTime() > now) return last;
      last = following.getTime();
    }
  }
  return null;
}

/**
 * An instant in the schedule's zone and in UTC, for people reading logs.
 * @example describeInstant(Date.parse('2026-11-30T05:00:00Z'), 'Europe/Berlin') // '2026-11-30 06:00 Europe/Berlin (2026-11-30T05:00:00.000Z)'
 */
export function describeInstant(epochMs: number, zone: string): string {
  return `${DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd HH:mm')} ${zone} (${new Date(epochMs).toISOString()})`;
}

// The catch-up rule: the last occurrence before now is missed when nothing (no run, skip or
// scheduler start) was logged at or after it. An empty log means a first start, not a miss. A run
// of it whose process went without an `end` line (kill -9, a power cut) did not serve it either: it
// is caught up once, but a catch-up that was itself interrupted is not tried again (a run that takes
// the machine down would otherwise start with every restart of the service).
/**
 * The occurrence to catch up on, or null.
 * @example missedOccurrence(entries, scheduleCron(config.schedule), Date.now())
 */
export function missedOccurrence(
  logged: RunLogEntry[],
  cron: Cron,
  now: number,
  options: { isAlive?: (pid: number) => boolean; host?: string } = {},
): number | null {
  // (entries dated ahead of the clock say nothing of the occurrence: see isDatedAhead)
  const entries = logged.filter((entry) => !isDatedAhead(entry, now));
  const last = previousOccurrence(cron, now);
  if (last === null) return null;
  const isAlive = options.isAlive ?? pidIsAlive;
  const host = options.host ?? hostname();
  const ended = new Set(entries.flatMap((entry) => (entry.event === 'end' ? [entry.runId] : [])));
  const since = (entry: RunLogEntry) => Date.parse(entry.at) >= last;
  // (as uptake status tells it: readRuns)
  const lastStart = entries.findLast((entry) => entry.event === 'start');
  const interrupted = (entry: Extract<RunLogEntry, { event: 'start' }>) => !ended.has(entry.runId) && wasInterrupted(entry, { startedLater: entry !== lastStart, host, isAlive });
  const runsSince = entries.filter((entry): entry is Extract<RunLogEntry, { event: 'start' }> => entry.event === 'start' && since(entry));
  if (runsSince.length > 0 && runsSince.every(interrupted)) return runsSince.some((run) => run.reason === 'catch-up') ? null : last;
  let latest: number | null = null;
  for (const entry of entries) {
    if (entry.event === 'end' || entry.event === 'watcher-start') continue;
    const at = Date.parse(entry.at);
    if (!Number.isNaN(at) && (latest === null || at > latest)) latest = at;
  }
  if (latest === null) return null;
  return latest < last ? last : null;
}

/**
 * A scheduler for the weekly job: config.schedule's cron in its zone, never two runs at once
 * (in-process guard plus `<output>/.uptake/run.lock`), one catch-up run after a missed
 * occurrence, every run in `<output>/.uptake/runs.jsonl`. Timers come from the injected clock.
 * @example const scheduler = createScheduler(config, { job: (request) => runReport({ config, week: 'latest', deliver: true }) }); await scheduler.start();
 */
export function createScheduler(config: Config, deps: ScheduleDeps): Scheduler {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? silentLog;
  const outputDir = deps.outputDir ?? config.output;
  const runLog = deps.runLog ?? statePaths(outputDir).runLog;
  const unfinished = unfinishedRuns(statePaths(outputDir).unfinishedRuns);
  const { timezone } = config.schedule;
  const cron = scheduleCron(config.schedule);
  let inFlight: { since: number; done: Promise<TickResult> } | null = null;
  // Log appends and dead-man checks started by timers; idle() waits for them too.
  const pendingWrites = new Set<Promise<void>>();
  let nextDue: number | null = null;
  let announcedDue: number | null = null;
  let timer: unknown = null;
  let deadManTimer: unknown = null;
  let retryTimer: unknown = null;
  let stopped = false;

  async function runTick(reason: TickReason, scheduledFor: number | null): Promise<TickResult> {
    const scheduledIso = scheduledFor === null ? null : new Date(scheduledFor).toISOString();
    const due = scheduledFor === null || reason === 'manual' ? {} : { scheduledFor };
    // (a run that cannot start tells the channels, as a failed run does of its own failure)
    const onStartFailure = deps.onStartFailure && ((error: unknown) =>
      deps.onStartFailure!(error, { reason, ...due }).catch((notifyError: unknown) => log(`uptake schedule: could not send the failure notice: ${(notifyError as Error)?.message ?? String(notifyError)}`)));
    // A run of an occurrence is kept as unfinished from when it begins (under the lock) until it ends otherwise than
    // by an abort: one aborted, killed or gone down with the machine is tried again by the next start.
    const kept = 'scheduledFor' in due;
    let began = false;
    try {
      const result = await guardedRun(
        { outputDir, runLog, reason, scheduledFor: scheduledFor ?? undefined, now: () => clock.now(), isAlive: deps.isAlive, log, onStartFailure },
        async (held) => {
          began = true;
          if (!kept) return deps.job({ reason, lockLost: held.lockLost });
          const run = await unfinished.begin(scheduledFor!, clock.now());
          const deliveredBefore = run.delivered.length > 0 ? { deliveredBefore: run.delivered } : {};
          return deps.job({ reason, lockLost: held.lockLost, ...due, ...deliveredBefore, onDelivered: (channel) => unfinished.delivered(scheduledFor!, channel) });
        },
      );
      if (kept) await finish(scheduledFor!);
      log(`uptake schedule: ${reason} run ${result.runId} ok in ${(result.durationMs / 1000).toFixed(1)} s`);
      return { outcome: 'ok', reason, scheduledFor: scheduledIso, runId: result.runId };
    } catch (error) {
      if (isUptakeError(error) && error.kind === 'busy') {
        log(`uptake schedule: ${reason} run skipped: ${error.message}`);
        return { outcome: 'skipped', reason, scheduledFor: scheduledIso, why: error.message };
      }
      const aborted = isUptakeError(error) && error.kind === 'aborted';
      if (kept && began && !aborted) await finish(scheduledFor!);
      log(`uptake schedule: ${reason} run failed: ${(error as Error)?.message ?? String(error)}${kept && began && aborted ? `; the run due ${describeInstant(scheduledFor!, timezone)} is tried again when the scheduler next starts` : ''}`);
      return { outcome: 'error', reason, scheduledFor: scheduledIso, error };
    }
  }

  async function giveUp(run: UnfinishedRun): Promise<void> {
    const occurrence = Date.parse(run.scheduledFor);
    const message = `the run due ${describeInstant(occurrence, timezone)} did not finish in ${run.tries} tries (the last begun ${run.since}); it is not tried again: see why in the run log (uptake status), then run that week by hand`;
    log(`uptake schedule: ${message}`);
    await finish(occurrence);
    await deps.onStartFailure?.(new UptakeError('aborted', message), { reason: 'catch-up', scheduledFor: occurrence }).catch((error: unknown) => log(`uptake schedule: could not send the failure notice: ${(error as Error)?.message ?? String(error)}`));
  }

  async function finish(scheduledFor: number): Promise<void> {
    await unfinished.finish(scheduledFor).catch((error: unknown) => log(`uptake schedule: could not note that the run due ${describeInstant(scheduledFor, timezone)} finished (the next start tries it again): ${(error as Error)?.message ?? String(error)}`));
  }

  function tick(options: { now?: number; reason?: TickReason; scheduledFor?: number } = {}): Promise<TickResult> {
    const now = options.now ?? clock.now();
    const reason = options.reason ?? 'schedule';
    const scheduledFor = options.scheduledFor ?? (reason === 'manual' ? null : now);
    if (inFlight) {
      const why = `a run started ${new Date(inFlight.since).toISOString()} is still in flight`;
      log(`uptake schedule: ${reason} tick skipped: ${why}`);
      const scheduledIso = scheduledFor === null ? null : new Date(scheduledFor).toISOString();
      const written = appendRun(runLog, { event: 'skipped', at: new Date(now).toISOString(), reason, why, scheduledFor: scheduledIso ?? undefined });
      pendingWrites.add(written);
      return written
        .finally(() => pendingWrites.delete(written))
        .then(() => ({ outcome: 'skipped' as const, reason, scheduledFor: scheduledIso, why }));
    }
    // The guard is set synchronously, before any await, so a second tick in the same turn sees it.
    const done = runTick(reason, scheduledFor).then(async (result) => {
      inFlight = null;
      if (result.outcome === 'skipped' && reason !== 'manual' && scheduledFor !== null) retryWhenFree(reason, scheduledFor);
      await checkDeadMan();
      return result;
    });
    inFlight = { since: now, done };
    return done;
  }

  // Another process held the run lock (an `uptake watch` batch, a manual run): skipped for good, the week's report
  // never went out, and that process's successes kept the dead-man check quiet. The occurrence is tried again until
  // it runs, or the next occurrence comes.
  function retryWhenFree(reason: TickReason, scheduledFor: number): void {
    if (stopped) return;
    const retryMs = deps.busyRetryMs ?? 30_000;
    log(`uptake schedule: the ${reason} run due ${describeInstant(scheduledFor, timezone)} is tried again in ${Math.round(retryMs / 1000)} s, once the run lock is free`);
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      if (stopped || inFlight || (nextDue !== null && clock.now() >= nextDue)) return;
      void tick({ reason, scheduledFor });
    }, retryMs);
  }

  async function idle(): Promise<void> {
    while (inFlight || pendingWrites.size > 0) {
      if (inFlight) await inFlight.done;
      await Promise.allSettled([...pendingWrites]);
    }
  }

  function arm(from: number): void {
    if (stopped) return;
    const due = cron.nextRun(new Date(from));
    nextDue = due ? due.getTime() : null;
    if (nextDue === null) {
      log(`uptake schedule: "${config.schedule.cron}" has no future occurrence; nothing to wait for`);
      return;
    }
    if (nextDue !== announcedDue) {
      announcedDue = nextDue;
      log(`uptake schedule: next run ${describeInstant(nextDue, timezone)}`);
    }
    timer = clock.setTimeout(wake, Math.max(0, Math.min(nextDue - clock.now(), MAX_SLEEP_MS)));
  }

  function wake(): void {
    timer = null;
    if (stopped || nextDue === null) return;
    const now = clock.now();
    if (now < nextDue) return arm(now);
    const due = nextDue;
    void tick({ now, reason: 'schedule', scheduledFor: due });
    // However late the wake (a suspended machine), the next wait starts after now: one run, not a burst.
    arm(Math.max(now, due));
  }

  // `entries`: the run log's, when they were just read (the start reads the log once).
  async function checkDeadMan(entries?: RunLogEntry[]): Promise<void> {
    if (!deps.notifier) return;
    try {
      const { notified, result } = await notifyIfOverdue(entries ?? (await readRunLog(runLog)), {
        days: config.schedule.deadManDays,
        now: clock.now(),
        notify: deps.notifier,
        statePath: statePaths(outputDir).deadMan,
      });
      if (notified) log(`uptake schedule: dead-man notice sent: ${result.message}`);
    } catch (error) {
      log(`uptake schedule: dead-man check failed: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  function armDeadMan(): void {
    if (!deps.notifier || stopped) return;
    deadManTimer = clock.setTimeout(() => {
      const check = checkDeadMan().then(armDeadMan);
      pendingWrites.add(check);
      void check.finally(() => pendingWrites.delete(check));
    }, deps.deadManEveryMs ?? MAX_SLEEP_MS);
  }

  return {
    async start() {
      const now = clock.now();
      const entries = await readRunLog(runLog);
      const missed = config.schedule.catchUp ? missedOccurrence(entries, cron, now, { isAlive: deps.isAlive }) : null;
      const started: RunLogEntry = {
        event: 'scheduler-start',
        at: new Date(now).toISOString(),
        cron: config.schedule.cron,
        timezone,
        pid: process.pid,
        host: hostname(),
        ...processIdentity(process.pid),
      };
      await appendRun(runLog, started);
      log(`uptake schedule: "${config.schedule.cron}" in ${timezone}`);
      arm(now);
      armDeadMan();
      // (read before this start's own runs, so that each unfinished run is tried once per start)
      const interrupted = config.schedule.catchUp
        // (one naming this very process is not running: it is listed as the scheduler starts, before any run; a
        // container's uptake restarted as pid 1 has the pid of the one killed)
        ? await unfinished.list({ isAlive: (pid) => pid !== process.pid && (deps.isAlive ?? pidIsAlive)(pid) }).catch((error: unknown) => {
          log(`uptake schedule: could not read which runs did not finish, so none is tried again: ${(error as Error)?.message ?? String(error)}`);
          return [];
        })
        : [];
      // a run begun MAX_TRIES times without finishing (killed by the kernel for its memory, say, at each try) is
      // not tried again at every restart: it is dropped, said and told to the channels
      const givenUp = interrupted.filter((run) => (run.tries ?? 1) >= MAX_TRIES);
      for (const run of givenUp) await giveUp(run);
      const gaveUp = new Set(givenUp.map((run) => Date.parse(run.scheduledFor)));
      const due = interrupted.filter((run) => !givenUp.includes(run)).map((run) => Date.parse(run.scheduledFor));
      if (missed !== null && !due.includes(missed) && !gaveUp.has(missed)) due.push(missed);
      // stop() may have come while the log was read: a stopped scheduler starts no catch-up.
      if (due.length === 0 || stopped) {
        await checkDeadMan([...entries, started]);
        return { catchUp: null, catchUps: [] };
      }
      const catchUps: TickResult[] = [];
      for (const occurrence of due) {
        if (stopped) break;
        const run = interrupted.find((each) => Date.parse(each.scheduledFor) === occurrence);
        log(run
          ? `uptake schedule: the run due ${describeInstant(occurrence, timezone)} (begun ${run.since}) did not finish; trying it again once${run.delivered.length > 0 ? ` (its report went out by ${run.delivered.join(' and ')} already and is not sent again)` : ''}`
          : `uptake schedule: the run due ${describeInstant(occurrence, timezone)} was missed; catching up once`);
        catchUps.push(await tick({ now: clock.now(), reason: 'catch-up', scheduledFor: occurrence }));
      }
      return { catchUp: catchUps.at(-1) ?? null, catchUps };
    },
    tick,
    nextRun: () => (nextDue === null ? null : new Date(nextDue)),
    idle,
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      if (deadManTimer !== null) clock.clearTimeout(deadManTimer);
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      timer = null;
      deadManTimer = null;
      retryTimer = null;
      await idle();
    },
  };
}

/**
 * Creates and starts a scheduler (see createScheduler); resolves after the start-up catch-up.
 * @example const scheduler = await schedule(config, { job, log: (line) => process.stderr.write(`${line}\n`) })
 */
export async function schedule(config: Config, deps: ScheduleDeps): Promise<Scheduler> {
  const scheduler = createScheduler(config, deps);
  await scheduler.start();
  return scheduler;
}
