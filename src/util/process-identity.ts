import { readFileSync } from 'node:fs';

// A pid names a process only while it lives: after a reboot or a container restart (or once the pids wrapped
// round), the pid of a run that was killed names another process, and a check by pid alone took that one for the
// run. Where /proc tells them (Linux), a process is known by its pid and its start, on a boot of the machine.

/**
 * When the process `pid` started, in clock ticks after boot as /proc/<pid>/stat gives it, or null when it is not
 * running or /proc does not tell (not Linux).
 * @example processStart(process.pid) // '123456'
 */
export function processStart(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (the command name in parentheses may hold spaces and parentheses: the fields after the last `)` are fixed)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22, starttime
    return start !== undefined && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

/**
 * This boot of the machine (/proc/sys/kernel/random/boot_id), or null when /proc does not tell.
 * @example bootId() // '5f0c1c3e-…'
 */
export function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** A process as a record of it can name it: its boot and its start (both, or neither where /proc does not tell). */
export interface ProcessIdentity {
  boot?: string;
  started?: string;
}

/**
 * The identity of process `pid` to record beside its pid (in the run lock, the run log), or {} off Linux.
 * @example processIdentity(process.pid) // { boot: '5f0c…', started: '123456' }
 */
export function processIdentity(pid: number): ProcessIdentity {
  const boot = bootId();
  const started = processStart(pid);
  return boot !== null && started !== null ? { boot, started } : {};
}

/**
 * How the live process `pid` differs from the one a record names: 'restarted' (the machine booted since the record),
 * 'replaced' (the pid names a process started since), or null (the same, or the record or /proc does not tell).
 * @example pidReplacedSince(lock.pid, lock) // 'restarted' after a reboot
 */
export function pidReplacedSince(pid: number, recorded: ProcessIdentity): 'restarted' | 'replaced' | null {
  if (recorded.boot === undefined || recorded.started === undefined) return null;
  const boot = bootId();
  if (boot !== null && boot !== recorded.boot) return 'restarted';
  const started = processStart(pid);
  return started !== null && started !== recorded.started ? 'replaced' : null;
}

/**
 * Whether the process a record names (its pid, and its identity when recorded) still runs on this host: its pid
 * is alive, on the same boot, and started when the record says.
 * @example isSameProcess(entry.pid, entry, pidIsAlive) // false once the pid names another process
 */
export function isSameProcess(pid: number, recorded: ProcessIdentity, isAlive: (pid: number) => boolean): boolean {
  return isAlive(pid) && pidReplacedSince(pid, recorded) === null;
}
