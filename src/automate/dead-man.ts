import { writeFileAtomic } from '../util/atomic-write.js';
import { hostname } from 'node:os';
import { appendRun, isDatedAhead, type RunLogEntry } from './run-log.js';
import { readStateFile } from '../util/read-state-file.js';

/** Exit code of `uptake status --check` when no report was produced for too long (documented in the README). */
export const DEAD_MAN_EXIT_CODE = 11;

const DAY_MS = 86_400_000;

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
 * With no success yet, the clock starts at the log's first entry (startMonitoring writes one into an empty log);
 * an empty log is overdue. Entries dated more than a day ahead of `now` (isDatedAhead: written while the clock ran
 * ahead) are not counted, and the message says so.
 * @example deadManCheck(await readRunLog('output/.uptake/runs.jsonl'), { days: 8, now: Date.now() }).overdue
 */
export function deadManCheck(entries: RunLogEntry[], options: { days: number; now: number }): DeadManResult {
  const { days, now } = options;
  let lastSuccess: number | null = null;
  let first: number | null = null;
  let latestAhead: number | null = null;
  let ahead = 0;
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    if (Number.isNaN(at)) continue;
    if (isDatedAhead(entry, now)) {
      ahead++;
      if (latestAhead === null || at > latestAhead) latestAhead = at;
      continue;
    }
    if (first === null || at < first) first = at;
    if (entry.event === 'end' && entry.outcome === 'ok' && (lastSuccess === null || at > lastSuccess)) lastSuccess = at;
  }
  const reference = lastSuccess ?? first;
  const silentMs = reference === null ? null : now - reference;
  const silentDays = silentMs === null ? null : Math.round((silentMs / DAY_MS) * 10) / 10;
  const overdue = silentMs === null || silentMs > days * DAY_MS;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  let message: string;
  if (reference === null && ahead > 0) message = `overdue: no run-log entry is dated before this machine's clock, so no report is known to have been produced (expected one within ${days} days)`;
  else if (reference === null) message = `overdue: the run log is empty, no report has ever been produced (expected one within ${days} days)`;
  else if (lastSuccess === null)
    message = `${overdue ? 'overdue' : 'ok'}: no successful report since monitoring began ${iso(first)} (${silentDays} days ago; limit ${days} days)`;
  else message = `${overdue ? 'overdue' : 'ok'}: last successful report ${iso(lastSuccess)} (${silentDays} days ago; limit ${days} days)`;
  if (ahead > 0) message += `; ${ahead} run-log ${ahead === 1 ? 'entry is' : 'entries are'} dated ahead of this machine's clock (the latest ${iso(latestAhead)}) and not counted: was the clock set back?`;
  return { overdue, days, lastSuccessAt: iso(lastSuccess), monitoredSince: iso(first), silentDays, message };
}

/**
 * Starts the dead-man's clock on a run log with no entry the check counts (a fresh install, before its first run):
 * appends a `monitor-start` line dated `now`, from which deadManCheck counts until the first success. `entries` are
 * the log's, as the caller read them (a large log is read once per command); it gives them back as they are now,
 * with the line it wrote. A log with a counted entry is left as it is.
 * @example const entries = await startMonitoring('output/.uptake/runs.jsonl', await readRunLog('output/.uptake/runs.jsonl'), Date.now())
 */
export async function startMonitoring(runLogPath: string, entries: RunLogEntry[], now: number): Promise<RunLogEntry[]> {
  // (the check's own reading of the log: its first counted entry is where monitoring began)
  if (deadManCheck(entries, { days: 1, now }).monitoredSince !== null) return entries;
  const started: RunLogEntry = { event: 'monitor-start', at: new Date(now).toISOString(), host: hostname() };
  await appendRun(runLogPath, started);
  return [...entries, started];
}

/** Sends the dead-man notice; uptake's CLI wires stderr and the configured channels in. */
export type DeadManNotifier = (result: DeadManResult) => Promise<void>;

// Orchestrators that re-send the same alert on every check train people to ignore it:
// notify once per silent episode (keyed by the last success) and re-arm after the next success.
/**
 * Runs the dead-man check and calls `notify` when overdue, at most once per episode when
 * `statePath` is given (it remembers which episode was notified).
 * @example await notifyIfOverdue(entries, { days: 8, now: Date.now(), notify: async (r) => console.error(r.message), statePath: 'output/.uptake/dead-man.json' })
 */
export async function notifyIfOverdue(
  entries: RunLogEntry[],
  options: { days: number; now: number; notify: DeadManNotifier; statePath?: string },
): Promise<{ result: DeadManResult; notified: boolean }> {
  const result = deadManCheck(entries, options);
  const episode = result.lastSuccessAt ?? `never-since-${result.monitoredSince ?? 'empty'}`;
  const state = options.statePath ? await readState(options.statePath) : {};
  if (!result.overdue) {
    if (options.statePath && state.notifiedEpisode) await writeFileAtomic(options.statePath, `${JSON.stringify({})}\n`);
    return { result, notified: false };
  }
  if (state.notifiedEpisode === episode) return { result, notified: false };
  await options.notify(result);
  if (options.statePath) {
    await writeFileAtomic(options.statePath, `${JSON.stringify({ notifiedEpisode: episode, notifiedAt: new Date(options.now).toISOString() })}\n`);
  }
  return { result, notified: true };
}

// Unreadable JSON (a cut write) only means "not notified yet"; a path that is no regular file is an error.
async function readState(path: string): Promise<{ notifiedEpisode?: string }> {
  const text = await readStateFile(path, 'the dead-man state');
  try {
    return JSON.parse(text ?? '{}') as { notifiedEpisode?: string };
  } catch {
    return {};
  }
}
