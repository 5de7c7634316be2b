import { basename, dirname, join, resolve } from 'node:path';
import { copyFile, link, readdir, rm, stat } from 'node:fs/promises';
import type { FSWatcher } from 'chokidar';
import { isUptakeError, UptakeError } from '../errors.js';
import { isUtf8 } from 'node:buffer';
import { kindOfFileName, shownName } from '../ingest/discover-files.js';
import type { InputLimits } from '../ingest/input-limits.js';
import { INCOMPLETE_MAX_WAIT_MS } from '../config/schema.js';
import { systemClock, silentLog, type Clock, type Log } from './clock.js';
import { guardedRun } from './guarded-run.js';
import { appendRun, readRunLog } from './run-log.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { isSameProcess, processIdentity } from '../util/process-identity.js';
import { statePaths } from './state-paths.js';
import type { ReportChannel } from './unfinished-runs.js';
import { batchKey, watchDeliveries } from './watch-deliveries.js';
import { hostname } from 'node:os';
import type { Job, LeftOutFile, ReadAsIsFile } from './job.js';
import { openLedger, type Ledger } from './ledger.js';
import { plausibleWindow } from '../clean/quarantine.js';
import { weeksInFile, type TimeSpan } from './weeks-in-file.js';
import { edgeWeeks, edgeWeeksText, type EdgeWeek } from './edge-weeks.js';
import { rosterZones } from './roster-zones.js';
import { takeInFile, type TakeIn, type TakenFile } from './take-in-file.js';
import { writeWatchWaiting, type WaitingFile } from './watch-waiting.js';
import { printable, someNames } from '../util/some-names.js';
import { makeFolder } from '../util/make-folder.js';

export interface WatchOptions {
  job: Job;
  /** Files that become ready within this many ms of each other make one run. */
  debounceMs: number;
  /** A file is ready once its size and mtime have not changed for this many ms (and it reads to its end). */
  stableMs: number;
  /** JSON ledger of processed content hashes. */
  ledgerPath: string;
  clock?: Clock;
  log?: Log;
  /** With it, runs take `<outputDir>/.uptake/run.lock` and go into the run log. */
  outputDir?: string;
  /** Run log path; defaults to `<outputDir>/.uptake/runs.jsonl`. */
  runLog?: string;
  /** Report zone (weeks are cut there); default UTC. */
  timezone?: string;
  /** Zone of naive timestamps without a `tz` column; default UTC. */
  defaultTimezone?: string;
  /** Caps on a file's text and one record when reading its weeks (config.inputLimits); default DEFAULT_INPUT_LIMITS. */
  inputLimits?: InputLimits;
  /** config.cleaning's plausible starts (`earliest`, `maxFutureDays` after the clock): a start the cleaning quarantines gives no week. */
  cleaning?: { earliest: string; maxFutureDays: number };
  /** Wait before retrying when another run holds the lock; default 30 s. */
  busyRetryMs?: number;
  /** Poll instead of OS events (network mounts). */
  usePolling?: boolean;
  isAlive?: (pid: number) => boolean;
  /**
   * Where the watcher keeps its copy of the input files (one per content, read once) and links a batch's
   * consistent snapshot of the folder from it; default `watch-snapshot` beside the ledger. Removed on close.
   */
  snapshotDir?: string;
  /** Called after every batch with what it found and did. */
  onBatch?: (batch: WatchBatch) => void;
  /** How often the watched folder is checked to be the same folder (deleted, made anew, renamed over); default 5 s. */
  folderCheckMs?: number;
  /**
   * A file that stopped changing but is not whole is waited for this many ms after it last changed, then read as it
   * is (the run quarantines what is cut short, or refuses the file); default 10 min (config `watch.incompleteMaxWaitMs`).
   */
  incompleteMaxWaitMs?: number;
  /**
   * Told when a batch's run could not start (its run lock or run log cannot be written: a full or read-only disk), so
   * that the channels hear of it now, not from the dead-man check days later; not when another run holds the lock.
   */
  onStartFailure?: (error: unknown) => Promise<void>;
}

/** One debounced batch of ready files and what came of it. */
export interface WatchBatch {
  /** New content: these made (or were meant to make) the run. `weeks` are the file's own. */
  fresh: Array<{ path: string; sha256: string; bytes: number; weeks: string[]; span?: TimeSpan; readAsIs?: string }>;
  /**
   * Processed files that left the folder (deleted, or moved away): their weeks are built again without them, and
   * their content leaves the ledger once that run succeeded (put back, it runs again).
   */
  removed: Array<{ path: string; sha256: string; weeks: string[] }>;
  /** Content already processed (under this or another name), or repeated within the batch. */
  duplicates: Array<{ path: string; sha256: string; firstSeenAs: string }>;
  /** The weeks the run was for: those of `fresh` (see batchWeeks) but the edge weeks. */
  weeks: string[];
  /** Weeks of `fresh` that only the edges of other weeks' files reach into (see edgeWeeks): left for files of their own. */
  edgeWeeks: EdgeWeek[];
  /**
   * Files not taken yet: still being written (not quiet, or not readable to their end), waited for since `since` (ISO).
   * Retried after `stableMs`; one quiet but not whole for `incompleteMaxWaitMs` is then read as it is (`readAsIs`).
   */
  waiting: Array<{ path: string; why: string; since: string }>;
  /** Input files in the folder that the run's snapshot left out (set when the batch ran). */
  leftOut: LeftOutFile[];
  /**
   * `ran`: the job succeeded; `nothing-new`: only duplicates (or files still waiting); `busy`: another run held the
   * lock (retried); `changing`: a file changed while the batch copied it (retried); `rejected`: the job refused
   * input (UptakeError `input`): the file it names (else every new file) is marked rejected in the ledger and not
   * tried again until it changes; `error`: the job failed otherwise (retried with the next batch); `edge`: every
   * week of the new files is an edge week (`edgeWeeks`): nothing ran, the files are in the ledger.
   */
  outcome: 'ran' | 'nothing-new' | 'busy' | 'changing' | 'rejected' | 'error' | 'edge';
  /** An input file that changed during the run: nothing was delivered, and the batch runs again. */
  changedDuringRun?: string;
  error?: unknown;
}

// A roster month speaks for four or five weeks, some of which may hold no logs yet (no report
// can be built for them): roster weeks count only where some log file has rows.
/**
 * The weeks a batch should recompute: every week of its new log files, plus the weeks of its new
 * roster months that hold logs (in this batch or in files already in the ledger).
 * @example batchWeeks([{ path: 'user_monthly_summary_2026-11.csv', weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'] }], ledgerWithW45andW46) // ['2026-W45', '2026-W46']
 */
export function batchWeeks(fresh: Array<{ path: string; weeks: string[] }>, ledger: Pick<Ledger, 'entries'>): string[] {
  const isRoster = (name: string) => kindOfFileName(basename(name)) === 'user_monthly_summary';
  const logWeeks = new Set(fresh.filter((file) => !isRoster(file.path)).flatMap((file) => file.weeks));
  const weeksWithLogs = new Set(logWeeks);
  for (const entry of ledger.entries()) if (!isRoster(entry.file)) for (const week of entry.weeks) weeksWithLogs.add(week);
  const rosterWeeks = fresh.filter((file) => isRoster(file.path)).flatMap((file) => file.weeks.filter((week) => weeksWithLogs.has(week)));
  return [...new Set([...logWeeks, ...rosterWeeks])].sort();
}

/** A batch's consistent copy of the folder: the files linked (size, mtime), those left out, those read as they are. */
interface Snapshot {
  files: Map<string, { size: number; mtimeMs: number }>;
  leftOut: LeftOutFile[];
  readAsIs: ReadAsIsFile[];
}

export interface Watcher {
  /** Stops watching and waits for a batch in progress. */
  close(): Promise<void>;
  /** Resolves when no batch is waiting or running. */
  idle(): Promise<void>;
}

/** How often the watched folder is checked to be the same one. */
const FOLDER_CHECK_MS = 5000;

/** Why a file is not taken yet and since when; `stuck`: it is quiet but not whole (its size and mtime then, and since when it is so). */
interface Wait {
  since: number;
  why: string;
  stuck: { size: number; mtimeMs: number; since: number } | null;
  /** The reason the log last gave, and when. */
  toldWhy: string | null;
  toldAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
// A time a file's mtime is ahead of the clock, in words: `5 s`, `3.2 min`, `2.0 h`, `3.0 days` (a unit is left
// before its amount would round to the next one's: 59.97 min is `1.0 h`).
const aheadText = (ms: number) =>
  ms < 59_500 ? `${Math.round(ms / 1000)} s` : ms < 3_597_000 ? `${(ms / 60_000).toFixed(1)} min` : ms < 86_220_000 ? `${(ms / 3_600_000).toFixed(1)} h` : `${(ms / 86_400_000).toFixed(1)} days`;
const sameStamp = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) => a.size === b.size && a.mtimeMs === b.mtimeMs;

/** A folder's device and inode, or null when there is no folder at the path. */
async function identityOf(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : null;
}

/**
 * Watches `dir` for input files (ai_logs*, manual_logs*, user_monthly_summary* as .csv or
 * .csv.gz) and runs the job once per burst, for the weeks the new content touches. A file
 * counts once its size has been stable for `stableMs`; content already in the ledger
 * (sha256, kept across restarts) never triggers again. Files present at start that are not
 * in the ledger count as new. Resolves once the initial scan is armed.
 * @example const watcher = await watch('incoming', { job, debounceMs: 2000, stableMs: 1000, ledgerPath: 'output/.uptake/watch-ledger.json' })
 */
export async function watch(dir: string, options: WatchOptions): Promise<Watcher> {
  const clock = options.clock ?? systemClock;
  // (every line names files whoever dropped them named: a direction override or an escape sequence in a name is shown escaped)
  const tell = options.log ?? silentLog;
  const log = (line: string) => tell(printable(line));
  const root = resolve(dir);
  const ledger = await openLedger(options.ledgerPath);
  const snapshotDir = options.snapshotDir ?? join(dirname(resolve(options.ledgerPath)), 'watch-snapshot');
  // store/<sha256>/<name>: every input file as it was read (once, while checking it is whole);
  // batch/<name>: hard links to the store, the one consistent folder a run reads.
  const store = join(snapshotDir, 'store');
  const batchDir = join(snapshotDir, 'batch');
  /** What was read of each input file (by name), while its size and mtime stay the same; `readAsIs`: why its end was not whole. */
  const taken = new Map<string, TakenFile & { readAsIs?: string }>();
  // One watcher per output folder: a second would remove the first's copies under its running batch.
  if (options.outputDir) await expectNoOtherWatcher(options.runLog ?? statePaths(options.outputDir).runLog, options.outputDir, options.isAlive ?? pidIsAlive);
  // A watcher that was killed left its copies: this one reads the folder afresh.
  await rm(snapshotDir, { recursive: true, force: true });
  /** Input files not taken yet (by name). */
  const waits = new Map<string, Wait>();
  // A file whose mtime is ahead of the clock (the clock of the machine that wrote it runs ahead, or it was
  // copied with a future time) is quiet once its size and mtime have not moved for stableMs as the watcher saw
  // them: name -> the size and mtime first seen, and when.
  const seenAhead = new Map<string, { size: number; mtimeMs: number; at: number }>();
  const incompleteMaxWaitMs = options.incompleteMaxWaitMs ?? INCOMPLETE_MAX_WAIT_MS;
  // A wait is said again now and then (a quarter of the limit, at most every 5 min): the log shows it is still on.
  const remindMs = Math.min(300_000, Math.max(options.stableMs, incompleteMaxWaitMs / 4));
  const waitingPath = options.outputDir ? statePaths(options.outputDir).watchWaiting : null;
  // (where each batch's report went out, until the batch is in the ledger: a batch run again after a kill sends it only where it has not gone)
  const deliveries = options.outputDir ? watchDeliveries(statePaths(options.outputDir).watchDeliveries) : null;
  if (waitingPath) await rm(waitingPath, { force: true });
  let savedWaiting = '[]';
  /** Input-like names that are not UTF-8, said once each. */
  const announcedNames = new Set<string>();
  const pending = new Set<string>();
  const carried = new Set<string>();
  /** Input files that left the folder since the last batch (by path). */
  const gone = new Set<string>();
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const { watch: watchFolder } = await import('chokidar');
  const onReady = (path: string) => {
    if (closed) return;
    pending.add(resolve(path));
    arm(options.debounceMs);
  };
  async function openFolder(): Promise<FSWatcher> {
    const opened = watchFolder(root, {
      depth: 0,
      ignoreInitial: false,
      usePolling: options.usePolling ?? false,
      awaitWriteFinish: { stabilityThreshold: options.stableMs, pollInterval: Math.max(10, Math.min(100, Math.floor(options.stableMs / 4))) },
      // uptake reads a folder's top level only (like `uptake run`), and only input-kind names.
      ignored: (path: string) => resolve(path) !== root && kindOfFileName(basename(path)) === null,
    });
    opened.on('add', onReady);
    opened.on('change', onReady);
    // A processed file that is deleted changes the folder the reports were built from: its weeks run again.
    opened.on('unlink', (path: string) => {
      if (closed) return;
      gone.add(resolve(path));
      arm(options.debounceMs);
    });
    opened.on('error', (error) => log(`uptake watch: ${(error as Error)?.message ?? String(error)}`));
    await new Promise<void>((ready) => opened.once('ready', () => ready()));
    return opened;
  }
  let folder = await openFolder();
  // The OS watches a folder by its inode: once it is deleted and made anew, or another folder is renamed
  // over it, no event comes again and files landed unseen. The folder's identity is checked now and then,
  // and a new folder is watched afresh (its files scanned; the ledger keeps known content from running).
  let folderIdentity = await identityOf(root);
  let checkingFolder: Promise<void> | null = null;
  const folderCheck = setInterval(() => {
    checkingFolder ??= checkFolder().finally(() => (checkingFolder = null));
  }, options.folderCheckMs ?? FOLDER_CHECK_MS); // (it keeps the process up while the folder is gone)
  async function checkFolder(): Promise<void> {
    const identity = await identityOf(root);
    if (closed || identity === folderIdentity) return;
    const before = folderIdentity;
    folderIdentity = identity;
    await folder.close();
    if (identity === null) {
      log(`uptake watch: ${root} is gone; watching for it to come back`);
      return;
    }
    log(`uptake watch: ${root} is a new folder (the one watched was ${before === null ? 'gone' : 'replaced'}); watching it`);
    const opened = await openFolder();
    if (closed) await opened.close();
    else folder = opened;
  }
  // `uptake status` shows a running watcher from this line (and whether its pid is alive).
  if (options.outputDir) {
    const runLog = options.runLog ?? statePaths(options.outputDir).runLog;
    await appendRun(runLog, { event: 'watcher-start', at: new Date(clock.now()).toISOString(), dir: root, pid: process.pid, host: hostname(), ...processIdentity(process.pid) });
  }
  log(`uptake watch: watching ${root} (stable after ${options.stableMs} ms, burst window ${options.debounceMs} ms, ledger ${options.ledgerPath} with ${ledger.size} files)`);
  await announceNamesNotUtf8();

  function arm(delayMs: number): void {
    if (closed) return;
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      flush();
    }, delayMs);
  }

  // Batches run one after another: files that become ready during a run wait for the next batch.
  function flush(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const paths = [...new Set([...carried, ...pending])].sort();
        const removed = [...gone].sort();
        carried.clear();
        pending.clear();
        gone.clear();
        if (paths.length > 0 || removed.length > 0) await processBatch(paths, removed).catch((error: unknown) => batchFailed(paths, error, removed));
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
  }

  // A batch that failed outside its run (its ledger or the watcher's copies cannot be written: a full or read-only
  // disk) leaves its files for the next arrival, and the watcher keeps watching: a rejected promise here would end it.
  function batchFailed(paths: string[], error: unknown, removed: string[] = []): void {
    for (const path of paths) carried.add(path);
    for (const path of removed) gone.add(path);
    log(`uptake watch: ${(error as Error)?.message ?? String(error)}; ${someNames([...paths, ...removed].map((path) => basename(path)))} are looked at again with the next arrival or restart`);
  }

  // Files that are there but could not be taken in (the watcher's copies cannot be written): the run cannot start.
  async function cannotTakeIn(files: Array<{ path: string; error: unknown }>): Promise<void> {
    if (files.length === 0) return;
    for (const { path } of files) carried.add(path);
    const error = files[0]!.error;
    log(`uptake watch: cannot take in ${someNames(files.map(({ path }) => basename(path)))}: ${(error as Error)?.message ?? String(error)}; tried again with the next arrival or restart`);
    await tellStartFailure(error);
  }

  // The channels hear that a run could not start; a notice that cannot be sent is logged, never the batch's error.
  async function tellStartFailure(error: unknown): Promise<void> {
    await options.onStartFailure?.(error).catch((notifyError: unknown) => log(`uptake watch: could not send the failure notice: ${(notifyError as Error)?.message ?? String(notifyError)}`));
  }

  async function processBatch(paths: string[], removedPaths: string[] = []): Promise<void> {
    await announceNamesNotUtf8();
    const batch: WatchBatch = { fresh: [], removed: [], duplicates: [], waiting: [], leftOut: [], weeks: [], edgeWeeks: [], outcome: 'nothing-new' };
    for (const path of removedPaths) {
      const name = basename(path);
      // (back already, or replaced: its add or change event takes it)
      if (await stat(path).then(() => true, () => false)) continue;
      waits.delete(name);
      seenAhead.delete(name);
      const sha256 = ledger.latestFor(name);
      const entry = sha256 === undefined ? undefined : ledger.get(sha256);
      // a file never processed, or refused, was in no report
      if (sha256 === undefined || entry === undefined || entry.rejected !== undefined) continue;
      batch.removed.push({ path, sha256, weeks: entry.weeks });
      log(`uptake watch: ${name} left ${root}; its weeks (${entry.weeks.join(', ') || 'none'}) are built again without it`);
    }
    const seen = new Map<string, string>();
    const zones = await rosterZones(root, options.inputLimits);
    const untaken: Array<{ path: string; error: unknown }> = [];
    for (const path of paths) {
      let file: TakenFile & { readAsIs?: string };
      const name = basename(path);
      try {
        const info = await stat(path);
        // A FIFO, device or folder named like input would block the reads below; the run never reads it either.
        if (!info.isFile()) {
          log(`uptake watch: ${basename(path)} is not a regular file; ignored`);
          continue;
        }
        // Quiet: neither size nor mtime moved for stableMs (a writer that rewrites in place keeps the size).
        const { quietFor, why } = quietness(name, info);
        if (quietFor < options.stableMs) {
          const wait = noteWait(name, why, null);
          batch.waiting.push({ path, why: wait.why, since: iso(wait.since) });
          continue;
        }
        const read = await takeIn(name, info);
        if (!read.complete) {
          batch.waiting.push({ path, why: read.why, since: iso(waits.get(name)?.since ?? clock.now()) });
          continue;
        }
        file = read;
        // (taken: a later change is a new arrival; until then a file ahead of the clock stays quiet as it was seen,
        // and one not whole is waited for from when it stopped changing, then read as it is)
        seenAhead.delete(name);
      } catch (error) {
        waits.delete(name);
        seenAhead.delete(name);
        // gone again before we read it; else it could not be copied (a full or read-only disk), which must not pass unsaid
        if (await stat(path).then(() => true, () => false)) untaken.push({ path, error });
        continue;
      }
      const { sha256, bytes } = file;
      const known = ledger.get(sha256);
      if (known?.rejected !== undefined) {
        batch.duplicates.push({ path, sha256, firstSeenAs: known.file });
        log(`uptake watch: ${basename(path)} was rejected before (${known.rejected}); skipped until it changes`);
        continue;
      }
      // A content processed before is no news, unless this name held other content since: a file put back as it was
      // (an export re-run, a correction undone) changes the folder, and the report built from the other content stood.
      const latest = ledger.latestFor(name);
      const firstSeenAs = (known !== undefined && (latest === undefined || latest === sha256) ? known.file : undefined) ?? seen.get(sha256);
      if (firstSeenAs !== undefined) {
        batch.duplicates.push({ path, sha256, firstSeenAs });
        // after a restart every file is its own duplicate: "X has the content of X" read like a mix-up
        log(firstSeenAs === basename(path)
          ? `uptake watch: ${basename(path)} was processed before, unchanged; no run`
          : `uptake watch: ${basename(path)} has the content of ${firstSeenAs}, already processed; no run`);
        continue;
      }
      seen.set(sha256, basename(path));
      // From the copy read above: the watched file is read once.
      const plausible = options.cleaning ? { plausible: plausibleWindow(options.cleaning, clock.now()) } : {};
      const { weeks, span, error } = await weeksInFile(file.copy, { timezone: options.timezone ?? 'UTC', defaultTimezone: options.defaultTimezone ?? 'UTC', rosterZones: zones, limits: options.inputLimits, ...plausible });
      if (error) log(`uptake watch: ${basename(path)} cannot be read (${error.message}); its weeks come from its name; the run will say what is wrong with it`);
      batch.fresh.push({ path, sha256, bytes, weeks, ...(span === undefined ? {} : { span }), ...(file.readAsIs === undefined ? {} : { readAsIs: file.readAsIs }) });
    }
    if (untaken.length > 0) {
      batch.outcome = 'error';
      batch.error = untaken[0]!.error;
      await cannotTakeIn(untaken);
    }
    for (const waiting of batch.waiting) {
      carried.add(waiting.path);
      tellWait(basename(waiting.path));
    }
    if (batch.waiting.length > 0) arm(options.stableMs);
    await keepRenamed(batch);
    const touched = batchWeeks([...batch.fresh, ...batch.removed], ledger);
    const zone = options.timezone ?? 'UTC';
    const { own, edge } = edgeWeeks(touched, [...ledger.entries(), ...batch.fresh.map((file) => ({ ...file, file: file.path }))], zone);
    batch.weeks = own;
    batch.edgeWeeks = edge;
    if (edge.length > 0) log(`uptake watch: ${edgeWeeksText(edge, zone)}`);
    const changed = batch.fresh.length > 0 || batch.removed.length > 0;
    if (changed && touched.length > 0 && own.length === 0) await keepUnreported(batch);
    else if (changed) await runFor(batch);
    await saveWaiting();
    options.onBatch?.(batch);
  }

  // A file renamed in the folder (or one of two copies deleted) leaves its content there: no week changed. Its
  // ledger entry follows the name that holds it now, so that the file's deletion later is seen.
  async function keepRenamed(batch: WatchBatch): Promise<void> {
    const renamed: string[] = [];
    batch.removed = (
      await Promise.all(
        batch.removed.map(async (file) => {
          for (const [name, held] of taken) {
            if (name === basename(file.path) || held.sha256 !== file.sha256) continue;
            if (!(await stat(join(root, name)).then((info) => info.size === held.size && info.mtimeMs === held.mtimeMs, () => false))) continue;
            const entry = ledger.get(file.sha256);
            if (entry) ledger.add(file.sha256, { ...entry, file: name });
            renamed.push(`${basename(file.path)} (its content is in ${name})`);
            return null;
          }
          return file;
        }),
      )
    ).filter((file) => file !== null);
    if (renamed.length === 0) return;
    log(`uptake watch: left ${root}, but not its content: ${someNames(renamed)}; nothing to build again`);
    await ledger.save();
  }

  // How long a file has been quiet, and why it is waited for while it is not quiet for stableMs: since its mtime,
  // or, for an mtime ahead of the clock, since the watcher first saw its size and mtime as they are.
  function quietness(name: string, info: { size: number; mtimeMs: number }): { quietFor: number; why: string } {
    const now = clock.now();
    const recent = `it was modified less than ${options.stableMs} ms ago`;
    if (info.mtimeMs <= now) {
      seenAhead.delete(name);
      return { quietFor: now - info.mtimeMs, why: recent };
    }
    const seen = seenAhead.get(name);
    const since = seen && sameStamp(seen, info) ? seen.at : now;
    seenAhead.set(name, { size: info.size, mtimeMs: info.mtimeMs, at: since });
    const ahead = info.mtimeMs - now;
    // (a skew under a second is an ordinary one: said as any recent change is)
    const why =
      ahead < 1000
        ? recent
        : `its modification time, ${iso(info.mtimeMs)}, is ${aheadText(ahead)} ahead of this machine's clock, set by another machine's clock or kept by a copy; waiting until it has not changed for ${options.stableMs} ms`;
    return { quietFor: now - since, why };
  }

  // A file not taken yet: why, and since when (kept while it stays not taken; `stuck` is set by takeIn).
  function noteWait(name: string, why: string, stuck: Wait['stuck']): Wait {
    const wait = waits.get(name) ?? { since: clock.now(), why, stuck, toldWhy: null, toldAt: 0 };
    wait.why = why;
    wait.stuck = stuck;
    waits.set(name, wait);
    return wait;
  }

  const readAsIsAt = (wait: Wait) => (wait.stuck ? iso(wait.stuck.since + incompleteMaxWaitMs) : null);

  // Said when the reason changes, and again every remindMs while it lasts: one line when a wait began
  // would leave an unattended log silent about a file that never completes.
  function tellWait(name: string): void {
    const wait = waits.get(name);
    if (!wait) return;
    const now = clock.now();
    const until = wait.stuck ? `; it is read as it is at ${readAsIsAt(wait)} unless it is completed first (watch.incompleteMaxWaitMs)` : '';
    if (wait.toldWhy !== wait.why) log(`uptake watch: ${name} is not complete yet (${wait.why}); waiting${until}`);
    else if (now - wait.toldAt >= remindMs) log(`uptake watch: still waiting for ${name}, since ${iso(wait.since)} (${wait.why}); the reports built meanwhile leave it out${until}`);
    else return;
    wait.toldWhy = wait.why;
    wait.toldAt = now;
  }

  // `uptake status` (another process) shows what the watcher waits for: written when that changes.
  async function saveWaiting(): Promise<void> {
    if (!waitingPath) return;
    const waiting: WaitingFile[] = [...waits.keys()].sort().map((file) => {
      const wait = waits.get(file)!;
      return { file, since: iso(wait.since), why: wait.why, read_as_is_at: readAsIsAt(wait) };
    });
    const text = JSON.stringify(waiting);
    if (text === savedWaiting) return;
    try {
      await writeWatchWaiting(waitingPath, { pid: process.pid, host: hostname(), at: iso(clock.now()), waiting });
      savedWaiting = text;
    } catch (error) {
      log(`uptake watch: cannot write ${waitingPath} (${(error as Error)?.message ?? String(error)}); uptake status does not show the files waited for`);
    }
  }

  // A file named like input whose name is not UTF-8 raises no event (the watcher's stat of the name Node decodes
  // fails) and cannot be read by name: it is said once, at the start and with the first batch after it arrives.
  async function announceNamesNotUtf8(): Promise<void> {
    for (const entry of await readdir(root, { encoding: 'buffer' }).catch(() => [] as Buffer[])) {
      if (isUtf8(entry) || kindOfFileName(entry.toString('utf8')) === null) continue;
      const shown = shownName(entry);
      if (announcedNames.has(shown)) continue;
      announcedNames.add(shown);
      log(`uptake watch: the file name \`${shown}\` is not UTF-8 (its bytes that are not UTF-8 are shown as \\xNN); it is ignored: rename the file`);
    }
  }

  // The folder's input files now: name -> size and mtime.
  async function inputFiles(): Promise<Map<string, { size: number; mtimeMs: number }>> {
    const files = new Map<string, { size: number; mtimeMs: number }>();
    for (const name of (await readdir(root)).sort()) {
      if (kindOfFileName(name) === null) continue;
      try {
        const info = await stat(join(root, name));
        if (info.isFile()) files.set(name, { size: info.size, mtimeMs: info.mtimeMs });
      } catch {
        // gone again
      }
    }
    return files;
  }

  function firstChange(before: Map<string, { size: number; mtimeMs: number }>, now: Map<string, { size: number; mtimeMs: number }>): string | null {
    for (const [name, info] of now) {
      const old = before.get(name);
      if (!old || old.size !== info.size || old.mtimeMs !== info.mtimeMs) return name;
    }
    for (const name of before.keys()) if (!now.has(name)) return name;
    return null;
  }

  // The file as read before while its size and mtime are the same, else read (once) into the store now. A file
  // found quiet but not whole keeps that verdict while its size and mtime do (it is not read again), and is read
  // as it is once it has been so for incompleteMaxWaitMs, counted from when it last changed (its mtime, or when
  // first seen so if that is later): `uptake run` would read it as it is too.
  async function takeIn(name: string, info: { size: number; mtimeMs: number }): Promise<TakeIn & { readAsIs?: string }> {
    const known = taken.get(name);
    if (known && sameStamp(known, info)) return known;
    const waited = waits.get(name);
    if (waited?.stuck && sameStamp(waited.stuck, info)) {
      return clock.now() - waited.stuck.since < incompleteMaxWaitMs ? { complete: false, why: waited.why } : readAsIs(name, waited);
    }
    const read = await takeInFile(join(root, name), store);
    if (read.complete) {
      taken.set(name, read);
      waits.delete(name);
      return read;
    }
    const wait = noteWait(name, read.why, read.changing ? null : { size: info.size, mtimeMs: info.mtimeMs, since: Math.min(clock.now(), info.mtimeMs) });
    return wait.stuck && clock.now() - wait.stuck.since >= incompleteMaxWaitMs ? readAsIs(name, wait) : read;
  }

  // Waited for long enough: the run reads the file as it is and judges it as `uptake run` does (a short last
  // record is quarantined; a file it cannot use is refused, and the ledger marks that content rejected).
  async function readAsIs(name: string, wait: Wait): Promise<TakeIn & { readAsIs?: string }> {
    const read = await takeInFile(join(root, name), store, { asIs: true });
    if (!read.complete) return read;
    const file = { ...read, readAsIs: wait.why };
    taken.set(name, file);
    waits.delete(name);
    const waitedMin = (clock.now() - wait.stuck!.since) / 60_000;
    log(`uptake watch: ${name} has not been completed in ${waitedMin.toFixed(1)} min since it last changed (${wait.why}; watch.incompleteMaxWaitMs is ${(incompleteMaxWaitMs / 60_000).toFixed(1)} min); reading it as it is: the run quarantines what is cut short, or refuses the file`);
    return file;
  }

  // One batch reads one consistent snapshot: a folder of hard links to the store's copies of every
  // input file (a file not read before is read now; one not whole yet is left out, and runs a batch
  // of its own once it is; content a run refused is left out), and a file that moves meanwhile makes
  // the batch wait. What was left out, and what was read as it is, goes to the run (its manifest says so).
  async function takeSnapshot(): Promise<Snapshot | { changing: string }> {
    await rm(batchDir, { recursive: true, force: true });
    await makeFolder(batchDir);
    const files = await inputFiles();
    for (const name of waits.keys()) if (!files.has(name)) waits.delete(name);
    for (const name of seenAhead.keys()) if (!files.has(name)) seenAhead.delete(name);
    const leftOut: LeftOutFile[] = [];
    const readAsIs: ReadAsIsFile[] = [];
    for (const [name, info] of files) {
      const read = await takeIn(name, info).catch((error: unknown) => {
        // (the watcher's copy cannot be written: the batch cannot run, whatever the file holds)
        if (isUptakeError(error) && error.kind === 'output') throw error;
        return { complete: false as const, why: `it cannot be read (${(error as Error)?.message ?? String(error)})` };
      });
      if (!read.complete) {
        leftOut.push({ file: name, why: `not complete yet: ${read.why}`, since: iso(waits.get(name)?.since ?? clock.now()) });
        continue;
      }
      const refused = ledger.get(read.sha256);
      if (refused?.rejected !== undefined) {
        leftOut.push({ file: name, why: `a run refused this content: ${refused.rejected}`, since: refused.processedAt });
        continue;
      }
      if (read.readAsIs !== undefined) readAsIs.push({ file: name, why: read.readAsIs });
      const linked = join(batchDir, name);
      await link(read.copy, linked).catch(() => copyFile(read.copy, linked));
    }
    await dropUnused(new Set(files.keys()));
    const changing = firstChange(files, await inputFiles());
    return changing === null ? { files, leftOut, readAsIs } : { changing };
  }

  // The store keeps the copies of the files in the folder now, no more.
  async function dropUnused(names: Set<string>): Promise<void> {
    for (const name of taken.keys()) if (!names.has(name)) taken.delete(name);
    const used = new Set([...taken.values()].map((file) => file.sha256));
    for (const entry of await readdir(store).catch(() => [] as string[])) {
      if (!used.has(entry) && !entry.startsWith('.incoming-')) await rm(join(store, entry), { recursive: true, force: true });
    }
  }

  async function runFor(batch: WatchBatch): Promise<void> {
    const names = [
      ...(batch.fresh.length > 0 ? [`new ${someNames(batch.fresh.map((file) => basename(file.path)))}`] : []),
      ...(batch.removed.length > 0 ? [`gone ${someNames(batch.removed.map((file) => basename(file.path)))}`] : []),
    ].join('; ');
    let snapshot: Awaited<ReturnType<typeof takeSnapshot>>;
    try {
      snapshot = await takeSnapshot();
    } catch (error) {
      batch.outcome = 'error';
      batch.error = error;
      await rm(batchDir, { recursive: true, force: true }).catch(() => undefined);
      for (const file of batch.removed) gone.add(file.path);
      await cannotTakeIn(batch.fresh.map((file) => ({ path: file.path, error })));
      return;
    }
    if ('changing' in snapshot) {
      for (const file of batch.fresh) carried.add(file.path);
      for (const file of batch.removed) gone.add(file.path);
      batch.outcome = 'changing';
      log(`uptake watch: ${snapshot.changing} changed while it was copied; waiting for it to settle`);
      arm(options.stableMs);
      await rm(batchDir, { recursive: true, force: true });
      return;
    }
    let changedDuringRun: string | null = null;
    const inputChanged = async () => (changedDuringRun ??= firstChange(snapshot.files, await inputFiles()));
    batch.leftOut = snapshot.leftOut;
    await saveWaiting(); // before a run of minutes: files read as they are no longer wait
    const leftOut = snapshot.leftOut.length === 0 ? '' : `; left out: ${someNames(snapshot.leftOut.map((file) => `${file.file} (${file.why})`))}`;
    log(`uptake watch: ${names}; weeks ${batch.weeks.join(', ') || '(none found)'}; running${leftOut}`);
    const rebuildOnly = batch.fresh.length === 0 ? { rebuildOnly: true } : {};
    const key = batchKey(batch.fresh, batch.removed);
    // (read under the run lock, as the run's other state: a state folder that cannot be read fails the run's start)
    const delivery = async () => {
      if (!deliveries) return {};
      const deliveredBefore = await deliveries.delivered(key);
      return { ...(deliveredBefore.length > 0 && { deliveredBefore }), onDelivered: (channel: ReportChannel) => deliveries.note(key, channel) };
    };
    const request = { reason: 'watch' as const, weeks: batch.weeks, input: batchDir, inputChanged, leftOut: snapshot.leftOut, readAsIs: snapshot.readAsIs, ...rebuildOnly };
    try {
      if (options.outputDir) {
        await guardedRun(
          { outputDir: options.outputDir, runLog: options.runLog, reason: 'watch', weeks: batch.weeks, now: () => clock.now(), isAlive: options.isAlive, log, onStartFailure: tellStartFailure },
          async (held) => options.job({ ...request, ...(await delivery()), lockLost: held.lockLost }),
        );
      } else {
        await options.job({ ...request, ...(await delivery()) });
      }
    } catch (error) {
      for (const file of batch.removed) gone.add(file.path);
      if (isUptakeError(error) && error.kind === 'input' && (await reject(batch, error))) return;
      for (const file of batch.fresh) carried.add(file.path);
      if (isUptakeError(error) && error.kind === 'busy') {
        batch.outcome = 'busy';
        const retryMs = options.busyRetryMs ?? 30_000;
        log(`uptake watch: another run holds the lock; retrying in ${Math.round(retryMs / 1000)} s`);
        arm(retryMs);
      } else {
        batch.outcome = 'error';
        batch.error = error;
        log(`uptake watch: run failed (${(error as Error)?.message ?? String(error)}); these files are retried with the next arrival or restart`);
      }
      return;
    } finally {
      await rm(batchDir, { recursive: true, force: true });
    }
    await enterInLedger(batch.fresh, batch.removed);
    // (what stays of a batch in the ledger is never used: a file that cannot be written is said, and the batch stands)
    await deliveries?.clear(key).catch((error: unknown) => log(`uptake watch: could not note that the batch is done in ${statePaths(options.outputDir!).watchDeliveries}: ${(error as Error)?.message ?? String(error)}`));
    batch.outcome = 'ran';
    log(`uptake watch: run for ${batch.weeks.join(', ') || 'the latest week'} ok`);
    const changed = await inputChanged();
    if (changed !== null) {
      batch.changedDuringRun = changed;
      log(`uptake watch: ${changed} changed during the run (nothing was delivered from it); running again once it settles`);
      for (const name of (await inputFiles()).keys()) pending.add(join(root, name));
      arm(Math.max(options.debounceMs, options.stableMs));
    }
  }

  async function enterInLedger(files: WatchBatch['fresh'], removed: WatchBatch['removed'] = []): Promise<void> {
    const processedAt = new Date(clock.now()).toISOString();
    for (const file of removed) ledger.remove(file.sha256);
    for (const file of files) ledger.add(file.sha256, { file: basename(file.path), bytes: file.bytes, processedAt, weeks: file.weeks, ...(file.span ? { span: file.span } : {}) });
    await ledger.save();
  }

  // A batch whose weeks are all edge weeks runs nothing: its files go in the ledger (they are not read again), and
  // each week is reported with a file of its own.
  async function keepUnreported(batch: WatchBatch): Promise<void> {
    await enterInLedger(batch.fresh, batch.removed);
    batch.outcome = 'edge';
  }

  // Input the run refused (UptakeError `input`, e.g. a file over a size cap) is not retried until it
  // changes: only the new file the error names. An error naming none of them (the folder still lacks
  // its roster, say) is no verdict on the new files: false, and they are retried like after any failure.
  async function reject(batch: WatchBatch, error: Error & { file?: string }): Promise<boolean> {
    const rejected = batch.fresh.filter((file) => error.file !== undefined && basename(error.file) === basename(file.path));
    if (rejected.length === 0) return false;
    for (const file of batch.fresh) if (!rejected.includes(file)) carried.add(file.path);
    const processedAt = new Date(clock.now()).toISOString();
    for (const file of rejected) ledger.add(file.sha256, { file: basename(file.path), bytes: file.bytes, processedAt, weeks: file.weeks, rejected: error.message });
    await ledger.save();
    batch.outcome = 'rejected';
    batch.error = error;
    log(`uptake watch: rejected ${someNames(rejected.map((file) => basename(file.path)))}: ${error.message}; not tried again until the content changes; still watching`);
    return true;
  }

  // Polls the debounce timer with real time: meant for the system clock.
  async function idle(): Promise<void> {
    while (running || timer !== null) {
      if (running) await running;
      else await new Promise((settle) => setTimeout(settle, 10));
    }
  }

  return {
    async close() {
      closed = true;
      clearInterval(folderCheck);
      if (checkingFolder) await checkingFolder;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await folder.close();
      if (running) await running;
      // (what cannot be removed now, a full or broken disk, is removed by the next watcher's start: stopping stays clean)
      await rm(snapshotDir, { recursive: true, force: true }).catch((error: unknown) => log(`uptake watch: could not remove ${snapshotDir}: ${(error as Error)?.message ?? String(error)}`));
      if (waitingPath) await rm(waitingPath, { force: true }).catch((error: unknown) => log(`uptake watch: could not remove ${waitingPath}: ${(error as Error)?.message ?? String(error)}`));
    },
    idle,
  };
}

// The last watcher the run log names, when it runs on this host and is not this process, holds the folder (another
// host's cannot be checked: its pid means nothing here).
async function expectNoOtherWatcher(runLog: string, outputDir: string, isAlive: (pid: number) => boolean): Promise<void> {
  const last = (await readRunLog(runLog)).findLast((entry) => entry.event === 'watcher-start');
  // (a pid reused since, after a reboot or a container restart, names another process: no watcher)
  if (!last || last.event !== 'watcher-start' || last.host !== hostname() || last.pid === process.pid || !isSameProcess(last.pid, last, isAlive)) return;
  throw new UptakeError('busy', `expected no other uptake watch writing to ${outputDir}, but pid ${last.pid} on ${last.host} has watched ${last.dir} since ${last.at}; stop it first (uptake status shows it), or give this one another output folder`);
}
