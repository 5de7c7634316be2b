import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach } from 'vitest';

// Real `uptake` processes for signal and crash tests: the built CLI (`npm run build` first), a fake
// kernel (test/fixtures/notebooks/fake-kernel.mjs) whose `sleep N` cell holds the notebook stage, and
// a TMPDIR of the test's own, so the kernel's and Chromium's temp folders can be counted.
const CLI = join(process.cwd(), 'dist/cli/main.js');
const FAKE_KERNEL = join(process.cwd(), 'test/fixtures/notebooks/fake-kernel.mjs');

export interface Sandbox {
  dir: string;
  out: string;
  tmp: string;
  env: NodeJS.ProcessEnv;
  /** A notebook of one `sleep N` cell (or of the cell given) on the fake kernel. */
  notebook(sleepSec: number | string): string;
  remove(): void;
}

/** A folder for one test: output, TMPDIR and the fake kernel's kernelspec (as `fake` and as `tslab`). */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-proc-'));
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const argv = [process.execPath, FAKE_KERNEL, '{connection_file}'];
  // Also as `tslab`: the report notebook (commands without --notebook) runs on the fake kernel too.
  for (const name of ['fake', 'tslab']) {
    mkdirSync(join(dir, 'kernels', name), { recursive: true });
    writeFileSync(join(dir, 'kernels', name, 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'fake' }));
  }
  return {
    dir,
    out: join(dir, 'out'),
    tmp,
    env: { ...process.env, JUPYTER_PATH: dir, TMPDIR: tmp },
    notebook(sleepSec) {
      const source = typeof sleepSec === 'number' ? `sleep ${sleepSec}` : sleepSec;
      const path = join(dir, `${source.replace(/\W+/g, '-')}.ipynb`);
      const cell = { cell_type: 'code', id: 'c1', source, metadata: {}, outputs: [], execution_count: null };
      writeFileSync(path, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'fake', display_name: 'Fake', language: 'fake' } }, cells: [cell] }));
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts `uptake ...args` (`nodeArgs` go to node, e.g. `--import` of a test's preload) in `cwd` (default: the project's); stderr is collected in `lines`. */
export function startUptake(args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = [], cwd?: string): { child: ResultPromise; lines: string[]; waitFor(pattern: RegExp): Promise<void> } {
  // No forced kill after a signal (execa's default): the tests send signals themselves, with process.kill.
  const child = execa('node', [...nodeArgs, CLI, ...args], { env, cwd, reject: false, extendEnv: false, forceKillAfterDelay: false });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.some((line) => pattern.test(line))) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      void child.then(() => {
        check();
        if (waiters.has(check)) reject(new Error(`uptake ended before printing ${pattern}:\n${lines.join('\n')}`));
      });
      check();
    });
  return { child, lines, waitFor };
}

/** Every live descendant of `pid` (children, grandchildren, ...), from `ps`. */
export function descendants(pid: number): number[] {
  const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n');
  const children = new Map<number, number[]>();
  for (const row of table) {
    const [child, parent] = row.trim().split(/\s+/).map(Number);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) for (const child of children.get(queue.shift()!) ?? []) found.push(child), queue.push(child);
  return found;
}

/** The pids of `pids` still running (zombies count as gone). */
export function stillRunning(pids: number[]): number[] {
  if (pids.length === 0) return [];
  const result = spawnSync('ps', ['-o', 'pid=,stat=', '-p', pids.join(',')], { encoding: 'utf8' });
  return result.stdout
    .trim()
    .split('\n')
    .filter((row) => row.trim() !== '' && !row.trim().split(/\s+/)[1]?.startsWith('Z'))
    .map((row) => Number(row.trim().split(/\s+/)[0]));
}

/** Polls `condition` every 100 ms until it holds, for at most `limitMs` (then returns false). */
export async function eventually(condition: () => boolean, limitMs = 15_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 100) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/**
 * A sandbox for each test of the file, and the `uptake watch` it starts: a watcher a failed assertion left up is
 * killed before its folder goes. Call at the top of a test file.
 * @example const watching = watchSandbox(); ... const uptake = watching.start(['watch', incoming, '--config', config], watching.box().env)
 */
export function watchSandbox(): { box(): Sandbox; start(args: string[], env: NodeJS.ProcessEnv): ReturnType<typeof startUptake> } {
  let box: Sandbox;
  let watcher: ReturnType<typeof startUptake> | null = null;
  beforeEach(() => {
    box = sandbox();
    watcher = null;
  });
  afterEach(async () => {
    if (watcher && watcher.child.exitCode === null) {
      watcher.child.kill('SIGKILL');
      await watcher.child;
    }
    box.remove();
  });
  return {
    box: () => box,
    start(args, env) {
      watcher = startUptake(args, env);
      return watcher;
    },
  };
}
