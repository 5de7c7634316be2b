import { constants } from 'node:fs';
import { isSameProcess, type ProcessIdentity } from '../util/process-identity.js';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ensureFolder } from '../util/atomic-write.js';
import { UptakeError } from '../errors.js';
import { notRegularFile } from '../util/file-kind.js';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import type { RunReason } from './job.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { readStateFile } from '../util/read-state-file.js';

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
export type RunLogEntry =
  | ({ event: 'start'; runId: string; at: string; reason: RunReason; pid: number; host: string; weeks?: string[]; scheduledFor?: string } & ProcessIdentity)
  | { event: 'end'; runId: string; at: string; outcome: 'ok' | 'error'; durationMs: number; error?: RunLogError; result?: unknown }
  | { event: 'skipped'; at: string; reason: RunReason; why: string; scheduledFor?: string; weeks?: string[] }
  | ({ event: 'scheduler-start'; at: string; cron: string; timezone: string; pid: number; host: string } & ProcessIdentity)
  | ({ event: 'watcher-start'; at: string; dir: string; pid: number; host: string } & ProcessIdentity)
  // the first `uptake status --check` over an empty log: the dead-man check counts from here (see dead-man.ts)
  | { event: 'monitor-start'; at: string; host: string };

/** How far ahead of the clock an entry may be dated and still count (see isDatedAhead). */
const AHEAD_TOLERANCE_MS = 86_400_000;

// An entry dated further ahead of the clock than a day was written while the clock ran ahead (it was set back
// since): it proves nothing about now. Counted, one dated years ahead silenced the dead-man check and stopped
// every catch-up run for years.
/**
 * Whether a run-log entry is dated more than a day ahead of `now` (the dead-man check and the catch-up leave it out).
 * @example isDatedAhead({ event: 'monitor-start', at: '2036-01-05T06:00:00.000Z', host: 'h' }, Date.now()) // true
 */
export function isDatedAhead(entry: RunLogEntry, now: number): boolean {
  return Date.parse(entry.at) > now + AHEAD_TOLERANCE_MS;
}

export type RunOutcome = 'ok' | 'error' | 'skipped' | 'running' | 'interrupted';

/** A run as `uptake status` shows it: start and end lines joined. */
export interface RunRecord {
  runId: string | null;
  reason: RunReason;
  outcome: RunOutcome;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  /** The weeks the run was asked for; for a run asked for `latest` or `due` (`uptake run`, a scheduled run), the weeks its result reports. */
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
 * A last line left unterminated (a writer killed mid-line, a full disk) is ended first, so the entry is
 * a line of its own and the torn one stays alone (and is skipped by readRunLog).
 * @example await appendRun('output/.uptake/runs.jsonl', { event: 'skipped', at: new Date().toISOString(), reason: 'schedule', why: 'busy' })
 */
export async function appendRun(runLogPath: string, entry: RunLogEntry): Promise<void> {
  await ensureFolder(dirname(runLogPath));
  // opened without blocking (a FIFO would wait for a reader for good) and written only when a regular file
  let handle;
  try {
    handle = await open(runLogPath, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
  } catch (cause) {
    const info = await stat(runLogPath).catch(() => null);
    if (info && !info.isFile()) throw notRegularFile(runLogPath, 'the run log', 'output', info, 'name another output folder');
    throw new UptakeError('output', `expected to append to the run log, got ${(cause as NodeJS.ErrnoException).code ?? String(cause)}; move it away or name another output folder`, { file: runLogPath, cause });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegularFile(runLogPath, 'the run log', 'output', info, 'name another output folder');
    await handle.write(`${(await endsInNewline(handle, info.size)) ? '' : '\n'}${JSON.stringify(entry)}\n`);
  } finally {
    await handle.close();
  }
}

// Whether the file's last byte ends a line (an empty file does). Two writers that both find a torn line
// both end it: an empty line, which readers skip.
async function endsInNewline(handle: FileHandle, size: number): Promise<boolean> {
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  const { bytesRead } = await handle.read(last, 0, 1, size - 1);
  return bytesRead === 0 || last[0] === 0x0a;
}

// A crash can leave a torn last line; every other line is kept, a torn one is skipped.
/**
 * Every entry of a run log in file order; a missing log is an empty list.
 * @example const entries = await readRunLog('output/.uptake/runs.jsonl')
 */
export async function readRunLog(runLogPath: string): Promise<RunLogEntry[]> {
  const text = await readStateFile(runLogPath, 'the run log');
  if (text === null) return [];
  const entries: RunLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as RunLogEntry;
      if (entry && typeof entry === 'object' && typeof entry.event === 'string' && typeof entry.at === 'string') entries.push(entry);
    } catch {
      // torn line
    }
  }
  return entries;
}

// A run on another host cannot be checked by its pid, but runs start only under the run lock: a start
// followed by another run's start had lost the lock, so without an end it was interrupted (killed).
/**
 * Whether a run's start without an end was interrupted: another run started after it (it had lost the lock), or
 * its process is gone from this host. Otherwise it may still be running (on another host, nobody here can tell).
 * @example wasInterrupted(start, { startedLater: false, host: hostname(), isAlive: pidIsAlive }) // false while its pid runs here
 */
export function wasInterrupted(start: Extract<RunLogEntry, { event: 'start' }>, options: { startedLater: boolean; host: string; isAlive: (pid: number) => boolean }): boolean {
  return options.startedLater || (start.host === options.host && !isSameProcess(start.pid, start, options.isAlive));
}

/**
 * Runs in start order. A start without an end is `running` while its process lives (on another host:
 * while no later run started), else `interrupted`.
 * @example (await readRuns('output/.uptake/runs.jsonl')).at(-1)?.outcome // 'ok'
 */
export async function readRuns(
  runLogPath: string,
  options: { isAlive?: (pid: number) => boolean; host?: string } = {},
): Promise<RunRecord[]> {
  return runsOf(await readRunLog(runLogPath), options);
}

/**
 * readRuns over entries already read (readRunLog): a command that needs the entries too reads the log once.
 * @example runsOf(await readRunLog('output/.uptake/runs.jsonl')).at(-1)?.outcome // 'ok'
 */
export function runsOf(entries: RunLogEntry[], options: { isAlive?: (pid: number) => boolean; host?: string } = {}): RunRecord[] {
  const isAlive = options.isAlive ?? pidIsAlive;
  const host = options.host ?? hostname();
  const ends = new Map<string, Extract<RunLogEntry, { event: 'end' }>>();
  for (const entry of entries) if (entry.event === 'end') ends.set(entry.runId, entry);
  const lastStart = entries.findLastIndex((entry) => entry.event === 'start');
  const runs: RunRecord[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.event === 'start') {
      const end = ends.get(entry.runId);
      const interrupted = wasInterrupted(entry, { startedLater: index !== lastStart, host, isAlive });
      runs.push({
        runId: entry.runId,
        reason: entry.reason,
        outcome: end ? end.outcome : interrupted ? 'interrupted' : 'running',
        startedAt: entry.at,
        endedAt: end?.at ?? null,
        durationMs: end?.durationMs ?? null,
        weeks: entry.weeks?.length ? entry.weeks : weeksOfResult(end?.result),
        scheduledFor: entry.scheduledFor ?? null,
        error: end?.error ?? null,
        why: null,
        result: end?.result ?? null,
        pid: entry.pid,
        host: entry.host,
      });
    } else if (entry.event === 'skipped') {
      runs.push({
        runId: null,
        reason: entry.reason,
        outcome: 'skipped',
        startedAt: entry.at,
        endedAt: entry.at,
        durationMs: 0,
        weeks: entry.weeks ?? [],
        scheduledFor: entry.scheduledFor ?? null,
        error: null,
        why: entry.why,
        result: null,
        pid: null,
        host: null,
      });
    }
  }
  return runs;
}

// A run asked for `latest` or `due` (by hand, or by the schedule) starts without its weeks: the week it resolved
// to is in the job's result, `{ week }` of a report or `{ reports: [{ week }] }` of several.
function weeksOfResult(result: unknown): string[] {
  if (result === null || typeof result !== 'object') return [];
  const { week, reports } = result as { week?: unknown; reports?: unknown };
  if (typeof week === 'string') return [week];
  if (Array.isArray(reports)) return reports.map((report: { week?: unknown } | null) => report?.week).filter((each): each is string => typeof each === 'string');
  return [];
}
