import { readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { UptakeError } from '../errors.js';

/** What to do about an uptake that is its container's first process. */
const INIT_ADVICE = 'run it under an init that reaps them (`docker run --init`, `init: true` in Compose, or tini/dumb-init as the ENTRYPOINT)';

// The first process of a PID namespace (a container's entrypoint) inherits every orphaned process, and must reap
// them. Chromium's helper processes (its crash handlers, its zygotes) outlive their parent by design; Node
// reaps only the children it started itself, so under an uptake that is PID 1 each PDF leaves zombies for good.
/**
 * Checks that the process reaping orphans here (PID 1 of this PID namespace) is not uptake, nor Node: returns what
 * PID 1 is, or throws (exit 9) saying why it matters and what to do.
 * @example await initReapsOrphans() // 'PID 1 is `tini` (it reaps orphaned processes)'
 */
export async function initReapsOrphans(procRoot = '/proc'): Promise<string> {
  let command: string;
  try {
    command = (await readFile(`${procRoot}/1/cmdline`, 'utf8')).split('\0').filter(Boolean).join(' ');
  } catch {
    return 'PID 1 cannot be read here (not Linux, or /proc is not mounted): not checked';
  }
  const program = (await readFile(`${procRoot}/1/comm`, 'utf8').catch(() => '')).trim();
  // Node names its process after the executable (`node`), and `npm exec` / `npx` after themselves: Node too.
  const executable = basename(await readlink(`${procRoot}/1/exe`).catch(() => program));
  if (executable === basename(process.execPath) || executable === 'node' || program.startsWith('npm')) {
    throw new UptakeError(
      'environment',
      `expected PID 1 to be an init that reaps orphaned processes, got \`${command.slice(0, 120)}\` (Node: uptake itself, or another Node program, is the container's first process), so every PDF leaves Chromium's helper processes as zombies that nothing reaps; ${INIT_ADVICE}`,
    );
  }
  return `PID 1 is \`${program || command.slice(0, 60)}\` (it reaps orphaned processes)`;
}
