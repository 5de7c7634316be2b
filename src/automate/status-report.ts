import { hostname } from 'node:os';
import { DateTime } from 'luxon';
import type { Config } from '../config/schema.js';
import { textTable } from '../util/text-table.js';
import { deadManCheck, type DeadManResult } from './dead-man.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { readRunLog, runsOf, type RunLogEntry, type RunRecord } from './run-log.js';
import { readRunLock } from './run-lock.js';
import { isSameProcess } from '../util/process-identity.js';
import { scheduleCron } from './schedule.js';
import { statePaths } from './state-paths.js';
import { unfinishedRuns } from './unfinished-runs.js';
import { readWatchWaiting, type WaitingFile } from './watch-waiting.js';
import { printable } from '../util/some-names.js';

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
  /**
   * The next occurrence of `schedule.cron`; `scheduled`: whether an `uptake schedule` on this host is up to start
   * it (a cron table or systemd timer running `uptake run` keeps its own times, which uptake cannot see).
   */
  next_run: { at: string; local: string; timezone: string; cron: string; scheduled: boolean } | null;
  /**
   * The last `uptake schedule` start in the log, whether that process is still up (null: it started on another host,
   * which this one cannot check), and its last run's start.
   */
  scheduler: { pid: number; host: string; since: string; alive: boolean | null; last_run_at: string | null } | null;
  /**
   * The last `uptake watch` start in the log, likewise, and the input files it is waiting for (not whole yet: left
   * out of the reports it builds meanwhile; empty when it is not running).
   */
  watcher: { pid: number; host: string; since: string; dir: string; alive: boolean | null; last_run_at: string | null; waiting: WaitingFile[] } | null;
  lock: { pid: number; host: string; reason: string; since: string; refreshed_at: string; stale: boolean } | null;
  /** Scheduled runs that began and did not finish (aborted, killed): the next `uptake schedule` start tries them again. */
  unfinished: Array<{ scheduled_for: string; since: string; delivered: string[] }>;
  dead_man: { overdue: boolean; days: number; last_success_at: string | null; monitored_since: string | null; silent_days: number | null; message: string };
}

/**
 * Gathers the run log, the next cron occurrence, the lock and the dead-man check; `entries`: the run log's, when
 * the caller has read them already (a large log is read once per command).
 * @example const report = await statusReport(config, { now: Date.now(), last: 10 }); report.dead_man.overdue
 */
export async function statusReport(
  config: Config,
  options: { now: number; last: number; isAlive?: (pid: number) => boolean; entries?: RunLogEntry[] },
): Promise<StatusReport> {
  const paths = statePaths(config.output);
  const isAlive = options.isAlive ?? pidIsAlive;
  const host = hostname();
  const entries = options.entries ?? (await readRunLog(paths.runLog));
  const runs = runsOf(entries, { isAlive, host });
  let scheduler: StatusReport['scheduler'] = null;
  let watcher: StatusReport['watcher'] = null;
  let schedulerCron: { cron: string; timezone: string } = config.schedule;
  const lastRunAt = (reasons: string[]) => runs.filter((run) => reasons.includes(run.reason)).at(-1)?.startedAt ?? null;
  const [scheduledLast, watchedLast] = [lastRunAt(['schedule', 'catch-up']), lastRunAt(['watch'])];
  for (const entry of entries) {
    if (entry.event === 'scheduler-start') {
      scheduler = { pid: entry.pid, host: entry.host, since: entry.at, alive: entry.host !== host ? null : isSameProcess(entry.pid, entry, isAlive), last_run_at: scheduledLast };
      schedulerCron = { cron: entry.cron, timezone: entry.timezone };
    } else if (entry.event === 'watcher-start') {
      watcher = { pid: entry.pid, host: entry.host, since: entry.at, dir: entry.dir, alive: entry.host !== host ? null : isSameProcess(entry.pid, entry, isAlive), last_run_at: watchedLast, waiting: [] };
    }
  }
  // The list is the running watcher's own (a watcher that was killed left its list behind).
  const waiting = watcher ? await readWatchWaiting(paths.watchWaiting) : null;
  if (watcher && waiting && watcher.alive !== false && waiting.pid === watcher.pid && waiting.host === watcher.host) watcher.waiting = waiting.waiting;
  // a running scheduler follows the cron it was started with, which the config may have changed since
  const scheduled = scheduler?.alive === true;
  const schedule = scheduled ? schedulerCron : config.schedule;
  const next = scheduleCron(schedule).nextRun(new Date(options.now));
  const lock = await readRunLock(config.output, { isAlive, host });
  const unfinished = await unfinishedRuns(paths.unfinishedRuns).list({ isAlive });
  return {
    run_log: paths.runLog,
    total_runs: runs.length,
    runs: runs
      // (slice(-0) is the whole log: `--last 0` showed every run)
      .slice(runs.length - Math.min(runs.length, Math.max(0, options.last)))
      .reverse()
      .map((run) => ({
        run_id: run.runId,
        reason: run.reason,
        outcome: run.outcome,
        started_at: run.startedAt,
        ended_at: run.endedAt,
        duration_ms: run.durationMs,
        weeks: run.weeks,
        scheduled_for: run.scheduledFor,
        error: run.error,
        why: run.why,
        result: run.result,
      })),
    next_run: next
      ? {
          at: next.toISOString(),
          local: DateTime.fromJSDate(next, { zone: schedule.timezone }).toFormat('yyyy-MM-dd HH:mm'),
          timezone: schedule.timezone,
          cron: schedule.cron,
          scheduled,
        }
      : null,
    scheduler,
    watcher,
    lock: lock ? { pid: lock.pid, host: lock.host, reason: lock.reason, since: lock.since, refreshed_at: lock.refreshedAt, stale: lock.stale } : null,
    unfinished: unfinished.map((run) => ({ scheduled_for: run.scheduledFor, since: run.since, delivered: run.delivered })),
    dead_man: snakeDeadMan(deadManCheck(entries, { days: config.schedule.deadManDays, now: options.now })),
  };
}

function snakeDeadMan(result: DeadManResult): StatusReport['dead_man'] {
  return {
    overdue: result.overdue,
    days: result.days,
    last_success_at: result.lastSuccessAt,
    monitored_since: result.monitoredSince,
    silent_days: result.silentDays,
    message: result.message,
  };
}

/**
 * The status report as text for a terminal.
 * @example process.stdout.write(`${formatStatus(report)}\n`)
 */
export function formatStatus(report: StatusReport): string {
  const sections: string[] = [];
  const runsTitle = `Runs (last ${report.runs.length} of ${report.total_runs}, newest first; log ${report.run_log})`;
  sections.push(
    report.runs.length === 0
      ? `${runsTitle}\nnone yet`
      : `${runsTitle}\n${textTable(
          ['started (UTC)', 'reason', 'outcome', 'duration', 'weeks', 'detail'],
          report.runs.map((run) => [
            run.started_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
            run.reason,
            run.outcome,
            run.duration_ms === null ? null : `${(run.duration_ms / 1000).toFixed(1)} s`,
            run.weeks.join(' '),
            run.error ? `${run.error.kind}: ${run.error.message}` : (run.why ?? ''),
          ]),
        )}`,
  );
  sections.push(
    nextRunLine(report),
  );
  const lastRun = (at: string | null) => `last run ${at ?? 'none yet'}`;
  sections.push(
    report.scheduler
      ? `Scheduler: ${upText(report.scheduler.alive)} (last started ${report.scheduler.since} as pid ${report.scheduler.pid} on ${report.scheduler.host}; ${lastRun(report.scheduler.last_run_at)})`
      : 'Scheduler: never started here (`uptake schedule`, or an external scheduler running `uptake run`)',
  );
  sections.push(
    report.watcher
      ? `Watcher: ${upText(report.watcher.alive)} (last started ${report.watcher.since} as pid ${report.watcher.pid} on ${report.watcher.host}, watching ${report.watcher.dir}; ${lastRun(report.watcher.last_run_at)})`
      : 'Watcher: never started here (`uptake watch DIR`)',
  );
  for (const file of report.watcher?.waiting ?? []) {
    const until = file.read_as_is_at ? `; read as it is at ${file.read_as_is_at} unless completed first` : '';
    sections[sections.length - 1] += `\n  waiting for ${printable(file.file)} since ${file.since}: ${printable(file.why)} (left out of the reports built meanwhile${until})`;
  }
  sections.push(
    report.lock
      ? `Run lock: held by pid ${report.lock.pid} on ${report.lock.host} (${report.lock.reason}, since ${report.lock.since}, last refreshed ${report.lock.refreshed_at})${report.lock.stale ? ' — stale, the next run takes it over' : ''}`
      : 'Run lock: free',
  );
  for (const run of report.unfinished) {
    const sent = run.delivered.length > 0 ? `; its report went out by ${run.delivered.join(' and ')}, which do not get it again` : '';
    sections.push(`Unfinished: the run due ${run.scheduled_for} (begun ${run.since}${sent}) did not finish; \`uptake schedule\` tries it again when it next starts`);
  }
  sections.push(`Dead-man check (${report.dead_man.days} days): ${report.dead_man.message}`);
  // Alerts that reached nobody are retried by the next run; until one succeeds, status says so.
  const lastFinished = report.runs.find((run) => run.outcome === 'ok' || run.outcome === 'error');
  if (lastFinished?.error?.kind === 'alert') sections.push(`Alerts: the last run (${lastFinished.started_at}) could not deliver alerts: ${lastFinished.error.message}`);
  return sections.join('\n\n');
}

// A scheduler's or watcher's state: on another host (null) it cannot be checked from this one.
function upText(alive: boolean | null): string {
  return alive === null ? 'on another host, not checked from here' : alive ? 'up' : 'not running';
}

// "Next scheduled run" only when an `uptake schedule` is up to start it: with none, the config's cron is what it
// would follow, and an external cron table or timer keeps its own times.
function nextRunLine(report: StatusReport): string {
  const next = report.next_run;
  if (next === null) return 'Next scheduled run: none (the cron has no future occurrence)';
  const when = `${next.local} ${next.timezone} (${next.at})`;
  if (next.scheduled) return `Next scheduled run: ${when}, cron "${next.cron}"`;
  const scheduler =
    report.scheduler === null
      ? 'no `uptake schedule` has been started here'
      : report.scheduler.alive === null
        ? `the scheduler (\`uptake schedule\`) last started on ${report.scheduler.host}, another host, which cannot be checked from here`
        : 'the scheduler (`uptake schedule`) is not running';
  return `Next scheduled run: none known: ${scheduler}; its cron "${next.cron}" would start one at ${when}. A cron table or systemd timer running \`uptake run\` keeps its own times.`;
}
