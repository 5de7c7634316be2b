import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidIsAlive } from './pid-is-alive.js';

/**
 * Removes a guarded folder, and the folder Chromium made in TMPDIR for its singleton socket
 * (`org.chromium.Chromium.*`, which a profile in the folder links to as `SingletonSocket`). The
 * watchdog runs this very function (its source is embedded there): it uses nothing but its arguments.
 * @example removeGuardedFolder(fs, '/tmp/uptake-chromium-4242-a1B2c3') // true
 */
function removeGuardedFolder(fs: typeof import('node:fs'), path: string): boolean {
  try {
    for (const entry of fs.readdirSync(path, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      let socket = '';
      try {
        socket = fs.readlinkSync(path + '/' + entry.name + '/SingletonSocket');
      } catch {
        continue;
      }
      const folder = socket.slice(0, socket.lastIndexOf('/'));
      if (/\/org\.chromium\.Chromium\.[A-Za-z0-9]+$/.test(folder)) fs.rmSync(folder, { recursive: true, force: true });
    }
  } catch {
    // No folder (any more), or not ours to read.
  }
  try {
    fs.rmSync(path, { recursive: true, force: true, maxRetries: 3 });
    return true;
  } catch {
    return false;
  }
}

// The watchdog runs as `node -e`, so it needs no built file and starts the same from src/ and dist/.
// It ends when its owner ends (the IPC channel closes, or its parent pid changes: kill -9 included)
// or when the guarded process groups are gone. In the first case it kills the groups, and every
// process whose command line holds the marker (the guarded folder: a child whose pid is not known
// yet), then removes the paths (the guarded folder).
const WATCHDOG_SOURCE = `
const fs = require('node:fs');
${removeGuardedFolder.toString()}
const { spawnSync } = require('node:child_process');
const owner = Number(process.argv[1]);
const groups = new Set(JSON.parse(process.argv[2]));
const marker = process.argv[3];
const paths = process.argv.slice(4);
const exists = (pid) => { try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; } };
const kill = (pid) => { try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch {} } };
function marked() {
  if (!marker) return [];
  const found = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout || '';
  return found.split('\\n').map(Number).filter((pid) => pid > 0 && pid !== process.pid);
}
let ending = false;
function ownerGone() {
  if (ending) return;
  ending = true;
  const targets = [...groups, ...marked()];
  for (const pid of targets) kill(pid);
  // The folders go once nothing guarded can write to them any more (at most 3 s: an unreaped zombie still counts).
  const began = Date.now();
  const removeWhenGone = () => {
    if (targets.some((pid) => exists(-pid) || exists(pid)) && Date.now() - began < 3000) return setTimeout(removeWhenGone, 50);
    for (const path of paths) removeGuardedFolder(fs, path);
    process.exit(0);
  };
  removeWhenGone();
}
process.on('disconnect', ownerGone);
process.on('message', (message) => { if (message && Number.isInteger(message.group)) groups.add(message.group); });
process.on('SIGINT', () => {});
setInterval(() => {
  if (ending) return;
  if (process.ppid !== owner || !exists(owner)) ownerGone();
  else if (groups.size > 0 && ![...groups].some((pid) => exists(-pid))) process.exit(0);
}, 250);
`;

/** A watchdog over child process groups and their temp folder; `release()` once they were stopped the ordinary way. */
export interface ChildGuard {
  /** The watchdog's pid. */
  readonly pid: number | undefined;
  /** The guarded temp folder (`uptake-<kind>-<pid>-<random>`): the children keep everything they write in it. */
  readonly dir: string;
  /** Adds a process group (a child spawned `detached` leads its own) once its pid is known. */
  adopt(groupId: number): void;
  /** Lets the watchdog go (it kills what it guards, should any of it still run, removes the folder and exits). Safe to call twice. */
  release(): void;
}

export interface GuardChildOptions {
  /** What the folder is for, in its name: `kernel`, `chromium`. */
  kind: string;
  /** Process groups to guard from the start (the pid of a child spawned `detached`). */
  groups?: number[];
}

/** Where uptake's temp folders go: the system's temp folder (TMPDIR). */
const tempRoot = (): string => tmpdir();

/**
 * Makes a temp folder named after this process (`uptake-<kind>-<pid>-<random>`), so that once this
 * process is gone, however it ended, `removeOrphanedTempDirs` knows the folder is nobody's.
 * @example await makeOwnedTempDir('kernelspec') // '/tmp/uptake-kernelspec-4242-a1B2c3'
 */
export function makeOwnedTempDir(kind: string): Promise<string> {
  return mkdtemp(join(tempRoot(), `uptake-${kind}-${process.pid}-`));
}

/**
 * Makes children end when this process ends, however it ends (kill -9 included, on Linux and macOS),
 * and gives them one temp folder that goes with them: a small watchdog process kills the guarded process
 * groups and every process whose command line holds the folder's path (a child whose pid is not known
 * yet: put the folder on its command line), then removes the folder. The watchdog keeps nothing alive
 * here. Should the watchdog die too (a whole process group killed), `removeOrphanedTempDirs` removes
 * the folder at the next run's start.
 * @example const guard = await guardChild({ kind: 'kernel' }); spawn(..., [join(guard.dir, 'kernel.json')]); guard.adopt(kernel.pid); ...; guard.release();
 */
export async function guardChild(options: GuardChildOptions): Promise<ChildGuard> {
  const dir = await makeOwnedTempDir(options.kind);
  const args = [String(process.pid), JSON.stringify(options.groups ?? []), dir, dir];
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, ...args], { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  watchdog.on('error', () => undefined); // no watchdog (e.g. too many processes): the child is still stopped the ordinary way
  watchdog.unref();
  watchdog.channel?.unref();
  return {
    pid: watchdog.pid,
    dir,
    adopt(groupId) {
      if (watchdog.connected) watchdog.send({ group: groupId }, () => undefined);
    },
    release() {
      if (watchdog.connected) watchdog.disconnect();
    },
  };
}

/**
 * Removes a guard's folder the way its watchdog does, with the `org.chromium.Chromium.*` folder a
 * Chromium profile in it links to (a Chromium that was killed could not remove that one itself).
 * @example removeGuardedDir(guard.dir) // true
 */
export function removeGuardedDir(dir: string): boolean {
  return removeGuardedFolder(fs, dir);
}

/** `uptake-<kind>-<owner pid>-<random>`: a folder of `makeOwnedTempDir`. */
const OWNED = /^uptake-[a-z]+-(\d+)-[A-Za-z0-9]+$/;
/** The same folders as made before their names held the owner's pid. */
const PID_LESS = /^uptake-(?:kernel|chromium|kernelspec|batches)-[A-Za-z0-9]{6}$/;
/** A pid-less folder older than this is nobody's any more (a kernel's, Chromium's or a run's batches' lives for one run). */
const PID_LESS_MAX_AGE_MS = 24 * 3_600_000;

export interface RemoveOrphansOptions {
  /** Where the folders are; default the system's temp folder. */
  tempDir?: string;
  isAlive?: (pid: number) => boolean;
  /** Milliseconds since the epoch; default Date.now(). */
  now?: number;
}

/**
 * Removes the temp folders of processes that are gone (what their watchdog could not remove: it was
 * killed with them; a store run's batches of links): `uptake-<kind>-<pid>-*` whose pid is not alive, and pid-less
 * `uptake-kernel-*`, `uptake-chromium-*`, `uptake-kernelspec-*`, `uptake-batches-*` of older versions untouched for a
 * day. Returns the paths removed.
 * @example await removeOrphanedTempDirs() // ['/tmp/uptake-kernel-4242-a1B2c3']
 */
export async function removeOrphanedTempDirs(options: RemoveOrphansOptions = {}): Promise<string[]> {
  const tempDir = options.tempDir ?? tempRoot();
  const isAlive = options.isAlive ?? pidIsAlive;
  const now = options.now ?? Date.now();
  const names = await readdir(tempDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const owner = OWNED.exec(name);
    const path = join(tempDir, name);
    if (owner ? isAlive(Number(owner[1])) : !PID_LESS.test(name) || !(await untouchedSince(path, now - PID_LESS_MAX_AGE_MS))) continue;
    // Another user's folder cannot be removed: it is not ours.
    if (removeGuardedFolder(fs, path)) removed.push(path);
  }
  return removed;
}

async function untouchedSince(path: string, since: number): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isDirectory() && info.mtimeMs < since;
  } catch {
    return false;
  }
}
