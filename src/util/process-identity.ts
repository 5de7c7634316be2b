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
