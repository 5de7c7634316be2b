import { basename, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { FSWatcher } from 'chokidar';
import { isUptakeError } from '../errors.js';
import { kindOfFileName } from '../ingest/discover-files.js';
import { systemClock, silentLog, type Clock, type Log } from './clock.js';
import { guardedRun } from './guarded-run.js';
import { hashFile } from './hash-file.js';
import type { Job } from './job.js';
import { openLedger, type Ledger } from './ledger.js';
import { weeksInFile } from './weeks-in-file.js';
import { rosterZones } from './roster-zones.js';

export interface WatchOptions {
  job: Job;
  /** Files that become ready within this many ms of each other make one run. */
  debounceMs: number;
  /** A file is ready once its size has not changed for this many ms. */
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
  /** Wait before retrying when another run holds the lock; default 30 s. */
  busyRetryMs?: number;
  /** Poll instead of OS events (network mounts). */
  usePolling?: boolean;
  isAlive?: (pid: number) => boolean;
  /** Called after every batch with what it found and did. */
  onBatch?: (batch: WatchBatch) => void;
}

/** One debounced batch of ready files and what came of it. */
export interface WatchBatch {
  /** New content: these made (or were meant to make) the run. `weeks` are the file's own. */
  fresh: Array<{ path: string; sha256: string; bytes: number; weeks: string[] }>;
  /** Content already processed (under this or another name), or repeated within the batch. */
  duplicates: Array<{ path: string; sha256: string; firstSeenAs: string }>;
  weeks: string[];
  /** `ran`: the job succeeded; `nothing-new`: only duplicates; `busy`: another run held the lock (retried); `error`: the job failed (retried with the next batch). */
  outcome: 'ran' | 'nothing-new' | 'busy' | 'error';
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

export interface Watcher {
  /** Stops watching and waits for a batch in progress. */
  close(): Promise<void>;
  /** Resolves when no batch is waiting or running. */
  idle(): Promise<void>;
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
  const log = options.log ?? silentLog;
  const root = resolve(dir);
  const ledger = await openLedger(options.ledgerPath);
  const pending = new Set<string>();
  const carried = new Set<string>();
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const { watch: watchFolder } = await import('chokidar');
  const folder: FSWatcher = watchFolder(root, {
    depth: 0,
    ignoreInitial: false,
    usePolling: options.usePolling ?? false,
    awaitWriteFinish: { stabilityThreshold: options.stableMs, pollInterval: Math.max(10, Math.min(100, Math.floor(options.stableMs / 4))) },
    // uptake reads a folder's top level only (like `uptake run`), and only input-kind names.
    ignored: (path: string) => resolve(path) !== root && kindOfFileName(basename(path)) === null,
  });
  const onReady = (path: string) => {
    if (closed) return;
    pending.add(resolve(path));
    arm(options.debounceMs);
  };
  folder.on('add', onReady);
  folder.on('change', onReady);
  folder.on('error', (error) => log(`uptake watch: ${(error as Error)?.message ?? String(error)}`));
  await new Promise<void>((ready) => folder.once('ready', () => ready()));
  log(`uptake watch: watching ${root} (stable after ${options.stableMs} ms, burst window ${options.debounceMs} ms, ledger ${options.ledgerPath} with ${ledger.size} files)`);

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
        carried.clear();
        pending.clear();
        if (paths.length > 0) await processBatch(paths);
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
  }

  async function processBatch(paths: string[]): Promise<void> {
    const batch: WatchBatch = { fresh: [], duplicates: [], weeks: [], outcome: 'nothing-new' };
    const seen = new Map<string, string>();
    const zones = await rosterZones(root);
    for (const path of paths) {
      let bytes: number;
      let sha256: string;
      try {
        bytes = (await stat(path)).size;
        sha256 = await hashFile(path);
      } catch {
        continue; // gone again before we read it
      }
      const known = ledger.get(sha256)?.file ?? seen.get(sha256);
      if (known !== undefined) {
        batch.duplicates.push({ path, sha256, firstSeenAs: known });
        continue;
      }
      seen.set(sha256, basename(path));
      const { weeks } = await weeksInFile(path, { timezone: options.timezone ?? 'UTC', defaultTimezone: options.defaultTimezone ?? 'UTC', rosterZones: zones });
      batch.fresh.push({ path, sha256, bytes, weeks });
    }
    for (const duplicate of batch.duplicates) log(`uptake watch: ${basename(duplicate.path)} has the content of ${duplicate.firstSeenAs}, already processed; no run`);
    batch.weeks = batchWeeks(batch.fresh, ledger);
    if (batch.fresh.length > 0) await runFor(batch);
    options.onBatch?.(batch);
  }

  async function runFor(batch: WatchBatch): Promise<void> {
    const names = batch.fresh.map((file) => basename(file.path)).join(', ');
    log(`uptake watch: new ${names}; weeks ${batch.weeks.join(', ') || '(none found)'}; running`);
    const request = { reason: 'watch' as const, weeks: batch.weeks };
    try {
      if (options.outputDir) {
        await guardedRun(
          { outputDir: options.outputDir, runLog: options.runLog, reason: 'watch', weeks: batch.weeks, now: () => clock.now(), isAlive: options.isAlive },
          () => options.job(request),
        );
      } else {
        await options.job(request);
      }
    } catch (error) {
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
    }
    const processedAt = new Date(clock.now()).toISOString();
    for (const file of batch.fresh) ledger.add(file.sha256, { file: basename(file.path), bytes: file.bytes, processedAt, weeks: file.weeks });
    await ledger.save();
    batch.outcome = 'ran';
    log(`uptake watch: run for ${batch.weeks.join(', ') || 'the latest week'} ok`);
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
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await folder.close();
      if (running) await running;
    },
    idle,
  };
}
