import { link, open, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { ensureFolder } from '../util/atomic-write.js';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { outputError, UptakeError } from '../errors.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { pidReplacedSince, processIdentity } from '../util/process-identity.js';
import { statePaths } from './state-paths.js';
import { readStateFile } from '../util/read-state-file.js';
import { ownedTempPath, removeDeadWritersTemps } from '../util/owned-temp-file.js';

/** What `run.lock` holds. */
export interface RunLockInfo {
  pid: number;
  host: string;
  reason: string;
  since: string;
  token: string;
  /** The holder's boot of its host and its process's start (processStart), where the host tells them (Linux). */
  boot?: string;
  started?: string;
}

/**
 * A held lock; `release` stops its heartbeat and removes it only while it is still this holder's. `lost` aborts
 * when a heartbeat finds the lock no longer this holder's (another host took it over after this run stalled for
 * RUN_LOCK_STALE_AFTER_MS, e.g. a paused machine): the run must then publish and deliver nothing more.
 */
export interface RunLock {
  path: string;
  info: RunLockInfo;
  lost: AbortSignal;
  release(): Promise<void>;
}

export interface RunLockOptions {
  /** Shown to whoever finds the lock held, e.g. `schedule`. */
  reason?: string;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  host?: string;
  pid?: number;
  /** Told when a stale lock is taken over, e.g. `uptake run: took over the run lock of pid 4242 on ci-7 ...`. */
  log?: (line: string) => void;
  /** How often the holder refreshes the lock; default RUN_LOCK_HEARTBEAT_MS. */
  heartbeatMs?: number;
  /**
   * The clock the lock's modification time (its heartbeat) is written and aged by: the file system's, default
   * Date.now. Apart from `now` (which stamps `since`), since a test's `now` may be any day.
   */
  fileClock?: () => number;
}

/** How often a holder refreshes its lock (the file's modification time) while it runs: 30 s. */
export const RUN_LOCK_HEARTBEAT_MS = 30_000;
/** A lock not refreshed for this long (ten heartbeats, 5 min) is stale whatever its host: its holder is gone. */
export const RUN_LOCK_STALE_AFTER_MS = 10 * RUN_LOCK_HEARTBEAT_MS;

// A lock file that is still being written can be empty for a moment; only older unreadable ones are stale.
const UNREADABLE_STALE_AFTER_MS = 10_000;

/**
 * Takes `<output>/.uptake/run.lock` so two report runs never overlap, across processes and hosts.
 * The holder refreshes the lock every RUN_LOCK_HEARTBEAT_MS while it runs. A lock is stale, and is taken
 * over (said through `log`), when its pid is dead on this host, or, of another host (whose pids this host
 * cannot check), when it was not refreshed for RUN_LOCK_STALE_AFTER_MS (a run killed on another machine, a CI
 * runner that timed out); a live one is an UptakeError of kind `busy` (exit code 10).
 * @example const lock = await acquireRunLock('output', { reason: 'manual' }); try { ... } finally { await lock.release(); }
 */
export async function acquireRunLock(outputDir: string, options: RunLockOptions = {}): Promise<RunLock> {
  const path = statePaths(outputDir).runLock;
  const now = options.now ?? Date.now;
  const fileClock = options.fileClock ?? Date.now;
  const isAlive = options.isAlive ?? pidIsAlive;
  const info: RunLockInfo = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    reason: options.reason ?? 'manual',
    since: new Date(now()).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  // (a pid alone names another process after a reboot or a container restart: see staleness)
  Object.assign(info, processIdentity(info.pid));
  await ensureFolder(dirname(path));
  for (let attempt = 0; attempt < 3; attempt++) {
    const handle = await tryCreate(path, info, fileClock());
    if (handle) return heldLock(path, info, handle, fileClock, options.heartbeatMs ?? RUN_LOCK_HEARTBEAT_MS, options.log ?? (() => {}));
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      if (!(await olderThan(path, UNREADABLE_STALE_AFTER_MS, fileClock()))) throw busyError(path, holder, info.host);
    } else if (staleness(holder, info.host, isAlive, fileClock()) === null) {
      throw busyError(path, holder, info.host);
    }
    const taken = await removeStale(path, isAlive, info.host, fileClock());
    if (taken && options.log) options.log(`uptake: took over the run lock ${path} of ${describeHolder(taken.holder)}: ${taken.why}`);
  }
  throw new UptakeError('busy', 'expected to take the run lock, but it kept changing hands; another uptake run is starting', { file: path });
}

/**
 * Runs `work` while holding the run lock, releasing it afterwards whatever happens.
 * @example await withRunLock('output', () => runReport(options), { reason: 'manual' })
 */
export async function withRunLock<T>(outputDir: string, work: () => Promise<T>, options: RunLockOptions = {}): Promise<T> {
  const lock = await acquireRunLock(outputDir, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/**
 * Who holds the run lock now, or null when nobody does; `refreshedAt` is its last heartbeat, and a
 * stale holder (see acquireRunLock) is reported with `stale: true`.
 * @example (await readRunLock('output'))?.pid
 */
export async function readRunLock(
  outputDir: string,
  options: { isAlive?: (pid: number) => boolean; host?: string; fileClock?: () => number } = {},
): Promise<(RunLockInfo & { refreshedAt: string; stale: boolean }) | null> {
  const holder = await readHolder(statePaths(outputDir).runLock);
  if (holder === 'gone' || holder === 'unreadable') return null;
  const host = options.host ?? hostname();
  const stale = staleness(holder, host, options.isAlive ?? pidIsAlive, (options.fileClock ?? Date.now)()) !== null;
  return { ...holder, refreshedAt: new Date(holder.refreshedAt).toISOString(), stale };
}

// Why a lock's holder cannot be alive, or null while it may be: this host's pid, which this host checks (a
// stopped or suspended run keeps its lock), and another host's heartbeat (a holder that stopped refreshing it
// was killed, or its machine is gone).
function staleness(holder: HolderOnDisk, host: string, isAlive: (pid: number) => boolean, now: number): string | null {
  if (holder.host === host && holder.pid === process.pid && !HELD_TOKENS.has(holder.token)) {
    return `pid ${holder.pid} is this process, which does not hold it (an earlier process with the same pid left it, e.g. before a container restarted)`;
  }
  if (holder.host === host) {
    if (!isAlive(holder.pid)) return `pid ${holder.pid} is not running on ${host}`;
    // The pid lives, but is it the holder? After a reboot or a container restart it names another process, and the
    // lock looked held for good: every run exit 10 (which sends no failure notice) until someone deleted the file.
    const replaced = pidReplacedSince(holder.pid, holder);
    if (replaced === 'restarted') return `${host} has restarted since pid ${holder.pid} took it (pid ${holder.pid} is now another process)`;
    if (replaced === 'replaced') return `pid ${holder.pid} is now another process on ${host} (it started after the lock was taken)`;
    return null;
  }
  const silentMs = now - holder.refreshedAt;
  if (silentMs > RUN_LOCK_STALE_AFTER_MS) return `it was last refreshed ${Math.round(silentMs / 60_000)} min ago (a live run refreshes it every ${RUN_LOCK_HEARTBEAT_MS / 1000} s)`;
  return null;
}

// The heartbeat touches the lock's own inode through the handle kept from its creation, so a holder that
// lost its lock (taken over after a long stall) never refreshes its successor's; it then finds the lock at
// `path` another's, says so, and aborts `lost`.
function heldLock(path: string, info: RunLockInfo, handle: FileHandle, now: () => number, heartbeatMs: number, log: (line: string) => void): RunLock {
  const lost = new AbortController();
  let failedToRefresh = false;
  const beat = async () => {
    const at = new Date(now());
    await handle.utimes(at, at).catch((error: unknown) => {
      if (!failedToRefresh) log(`uptake: could not refresh the run lock ${path} (${(error as Error).message}); another host may take it over after ${RUN_LOCK_STALE_AFTER_MS / 60_000} min`);
      failedToRefresh = true;
    });
    const holder = await readHolder(path);
    // (an unreadable lock tells nothing: the run goes on)
    if (lost.signal.aborted || holder === 'unreadable' || (holder !== 'gone' && holder.token === info.token)) return;
    const by = holder === 'gone' ? 'it was removed' : `${describeHolder(holder)} took it over`;
    log(`uptake: lost the run lock ${path}: ${by}; this run publishes and delivers nothing more`);
    lost.abort(`losing the run lock (${by})`);
  };
  HELD_TOKENS.add(info.token);
  const heartbeat = setInterval(() => void beat(), heartbeatMs);
  heartbeat.unref();
  let released: Promise<void> | undefined;
  return {
    path,
    info,
    lost: lost.signal,
    release: () =>
      (released ??= (async () => {
        clearInterval(heartbeat);
        await handle.close().catch(() => undefined);
        await releaseLock(path, info.token);
        HELD_TOKENS.delete(info.token);
      })()),
  };
}

// Write the whole lock beside the target, then hard-link it in: link fails if a lock exists, and nobody sees half a file.
// The handle stays open for the heartbeat; null when another lock is there.
async function tryCreate(path: string, info: RunLockInfo, now: number): Promise<FileHandle | null> {
  const temporary = ownedTempPath(path);
  await removeDeadWritersTemps(path);
  // (a full or read-only disk said "write failed: no space left on device", naming no file)
  const handle = await open(temporary, 'wx').catch((error: unknown) => {
    throw outputError(path, error);
  });
  let linked = false;
  try {
    await handle.writeFile(`${JSON.stringify(info)}\n`, 'utf8');
    await handle.utimes(new Date(now), new Date(now));
    await link(temporary, path);
    linked = true;
    return handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw outputError(path, error);
  } finally {
    if (!linked) await handle.close();
    await rm(temporary, { force: true });
  }
}

// The tokens of the locks this process holds. Its own pid in a lock it does not hold is an earlier process's: a
// container restarted after a kill starts uptake with the pid it had (1, or the init's child), and the lock of the
// run it killed looked live for good (every run exit 10, "held by pid 1", until someone deleted the file).
const HELD_TOKENS = new Set<string>();

/** A lock as read: what it holds, and when its holder last refreshed it (ms since the epoch). */
type HolderOnDisk = RunLockInfo & { refreshedAt: number };

async function readHolder(path: string): Promise<HolderOnDisk | 'gone' | 'unreadable'> {
  const text = await readStateFile(path, 'the run lock');
  if (text === null) return 'gone';
  let parsed: RunLockInfo;
  try {
    parsed = JSON.parse(text) as RunLockInfo;
  } catch {
    return 'unreadable';
  }
  if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return 'unreadable';
  const info = await stat(path).catch(() => null);
  return info ? { ...parsed, refreshedAt: Math.round(info.mtimeMs) } : 'gone';
}

async function olderThan(path: string, ageMs: number, now: number): Promise<boolean> {
  try {
    return now - (await stat(path)).mtimeMs > ageMs;
  } catch {
    return true;
  }
}

// Move the stale lock aside first: if another process took over in between, we moved a live lock and put it back.
// Returns the holder removed and why it was stale, or null when none was.
async function removeStale(path: string, isAlive: (pid: number) => boolean, host: string, now: number): Promise<{ holder: HolderOnDisk | 'unreadable'; why: string } | null> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const moved = await readHolder(aside);
  const why = moved === 'gone' ? null : moved === 'unreadable' ? `it could not be read for ${UNREADABLE_STALE_AFTER_MS / 1000} s` : staleness(moved, host, isAlive, now);
  if (moved !== 'gone' && why === null) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
  return moved === 'gone' || why === null ? null : { holder: moved, why };
}

async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readHolder(path);
  if (typeof holder === 'object' && holder.token === token) await unlink(path).catch(() => undefined);
}

function describeHolder(holder: RunLockInfo | 'unreadable'): string {
  return holder === 'unreadable' ? 'an unreadable lock file' : `pid ${holder.pid} on ${holder.host} (${holder.reason}, since ${holder.since})`;
}

function busyError(path: string, holder: HolderOnDisk | 'unreadable', host: string): UptakeError {
  const who = holder === 'unreadable' ? 'a lock file that is still being written holds the run lock' : `${describeHolder(holder)} holds the run lock (last refreshed ${new Date(holder.refreshedAt).toISOString()})`;
  // (when it is taken over without anyone: see staleness)
  const until =
    holder === 'unreadable'
      ? `an unreadable lock ${UNREADABLE_STALE_AFTER_MS / 1000} s old is taken over`
      : holder.host === host
        ? 'it is taken over once its process has ended'
        : `a lock of another host not refreshed for ${RUN_LOCK_STALE_AFTER_MS / 60_000} min is taken over`;
  return new UptakeError('busy', `expected no other uptake run, but ${who}; wait for it (${until}) or delete the file if that process is gone`, {
    file: path,
  });
}
