import { spawn } from 'node:child_process';

// The watchdog runs as `node -e`, so it needs no built file and starts the same from src/ and dist/.
// It ends when its owner ends (the IPC channel closes, or its parent pid changes: kill -9 included)
// or when the guarded process groups are gone. In the first case it kills the groups, and every
// process whose command line holds the marker (a child whose pid is not known yet), then removes
// the paths.
const WATCHDOG_SOURCE = `
const { rmSync } = require('node:fs');
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
    for (const path of paths) { try { rmSync(path, { recursive: true, force: true, maxRetries: 3 }); } catch {} }
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

/** A watchdog over child process groups; `release()` once they were stopped the ordinary way. */
export interface ChildGuard {
  /** The watchdog's pid. */
  readonly pid: number | undefined;
  /** Adds a process group (a child spawned `detached` leads its own) once its pid is known. */
  adopt(groupId: number): void;
  /** Lets the watchdog go (it kills what it guards, should any of it still run, and exits). Safe to call twice. */
  release(): void;
}

export interface GuardChildOptions {
  /** Process groups to guard from the start (the pid of a child spawned `detached`). */
  groups?: number[];
  /** Processes whose command line holds this text are killed too (e.g. a unique profile folder). */
  marker?: string;
  /** Folders the child writes, removed once it is gone. */
  paths?: string[];
}

/**
 * Makes children end when this process ends, however it ends (kill -9 included, on Linux and macOS):
 * a small watchdog process kills the guarded process groups (and the processes carrying `marker`)
 * and removes `paths` once this process is gone. The watchdog keeps nothing alive here.
 * @example const guard = guardChild({ groups: [kernel.pid], paths: [connectionDir] }); ...; await shutdown(); guard.release();
 */
export function guardChild(options: GuardChildOptions): ChildGuard {
  const args = [String(process.pid), JSON.stringify(options.groups ?? []), options.marker ?? '', ...(options.paths ?? [])];
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, ...args], { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  watchdog.on('error', () => undefined); // no watchdog (e.g. too many processes): the child is still stopped the ordinary way
  watchdog.unref();
  watchdog.channel?.unref();
  return {
    pid: watchdog.pid,
    adopt(groupId) {
      if (watchdog.connected) watchdog.send({ group: groupId }, () => undefined);
    },
    release() {
      if (watchdog.connected) watchdog.disconnect();
    },
  };
}
