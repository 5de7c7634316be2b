import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { bundledTslab, findKernelspec, kernelDirectories, type Kernelspec } from './kernelspec.js';
import { withinTime } from '../util/within-time.js';

export interface KernelCheck {
  /** What was checked: `jupyter`, `kernelspec`, `binary`, `start`. */
  check: string;
  ok: boolean;
  /** What was found, or what is wrong and how to fix it. */
  detail: string;
}

export interface KernelDoctorOptions {
  /** Default `tslab`. */
  name?: string;
  /** The `jupyter` command to check first (default `jupyter`); false: no Jupyter check (`uptake doctor`: a run needs none). */
  jupyter?: string | false;
  env?: NodeJS.ProcessEnv;
  /** Starting the kernel takes seconds; false skips it. */
  start?: boolean;
  /** The started kernel's working folder; default the current one. */
  cwd?: string;
  /** Seconds each check may take, by its name, where not KERNEL_CHECK_LIMIT_SEC's. */
  limitSec?: Readonly<Partial<Record<'jupyter' | 'kernelspec' | 'start', number>>>;
  /** Told of each check as it is done (a slow one is not waited for to show the ones before it). */
  onCheck?: (check: KernelCheck) => void;
}

// A probe can wait for good: a `jupyter` that never answers (or whose child holds its output open after it was
// killed), a kernel folder on a hung network mount. Each check has a time limit, past which it fails as timed out.
/** Seconds each check may take: starting the kernel has limits of its own (90 s to start, 90 s to answer) within its. */
export const KERNEL_CHECK_LIMIT_SEC = { jupyter: 60, kernelspec: 20, start: 200 } as const;

const INSTALL_HINT = 'register it with `npx uptake kernel install` (add --sys-prefix inside a virtualenv or conda env)';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | null {
  if (isAbsolute(command)) return isExecutable(command) ? command : null;
  for (const directory of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(directory, command);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/**
 * Says why a notebook kernel does not start, by the very steps `uptake run` takes: the kernelspec
 * as `findKernelspec` finds it (this project's own tslab when none is registered), the programs its
 * argv names, and the kernel started with uptake's own client, running one cell. `jupyter` (the
 * command, or false to skip) first checks that Jupyter itself, for Jupyter, JupyterLab, VS Code and
 * `uptake kernel install`, is on PATH and lists kernelspecs. Stops at the first failure.
 * @example (await kernelDoctor()).every((check) => check.ok)
 */
export async function kernelDoctor(options: KernelDoctorOptions = {}): Promise<KernelCheck[]> {
  const name = options.name ?? 'tslab';
  const env = options.env ?? process.env;
  const limitSec = { ...KERNEL_CHECK_LIMIT_SEC, ...options.limitSec };
  const checks = new ReportedChecks(options.onCheck);
  const timedOut = (limit: number) => `timed out after ${limit} s: no answer (it waits on something that does not end, such as a hung network mount)`;

  // 1. Jupyter (not needed by uptake run itself)
  if (options.jupyter !== false) {
    const jupyterCommand = options.jupyter ?? 'jupyter';
    const jupyter = onPath(jupyterCommand, env);
    if (!jupyter) {
      checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyterCommand}\` is not on PATH: install Jupyter (Debian: apt-get install jupyter-core jupyter-client python3-ipykernel; else pip install jupyter)` });
      return checks.list;
    }
    const listed = await listKernelspecs(jupyter, env, limitSec.jupyter * 1000);
    if (listed === 'timed out') {
      checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyter} kernelspec list --json\` ${timedOut(limitSec.jupyter)}` });
      return checks.list;
    }
    if (listed.exitCode !== 0) {
      checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyter} kernelspec list --json\` failed: ${lastLine(listed.stderr) || listed.shortMessage}` });
      return checks.list;
    }
    checks.push({ check: 'jupyter', ok: true, detail: jupyter });
  }

  // 2. The kernelspec, found as a run finds it
  let spec: Kernelspec;
  try {
    spec = await withinTime(findKernelspec(name, env), limitSec.kernelspec * 1000, () => new TimedOut(timedOut(limitSec.kernelspec)));
  } catch (error) {
    if (error instanceof TimedOut) {
      checks.push({ check: 'kernelspec', ok: false, detail: `looking for \`${name}\` in ${kernelDirectories(env).join(', ')} ${error.message}` });
      return checks.list;
    }
    const message = (error as Error).message;
    checks.push({ check: 'kernelspec', ok: false, detail: message.includes('uptake kernel install') ? message : `${message}; ${INSTALL_HINT}` });
    return checks.list;
  }
  const ours = bundledTslab();
  const isBundled = ours !== null && spec.resourceDir === ours.resourceDir && spec.argv[1] === ours.argv[1];
  checks.push({
    check: 'kernelspec',
    ok: true,
    detail: isBundled ? `none registered: this project's tslab (${INSTALL_HINT} for Jupyter and VS Code)` : `${join(spec.resourceDir, 'kernel.json')}: ${JSON.stringify(spec.argv)}`,
  });

  // 3. The binaries its argv names
  const [command, script] = spec.argv;
  const binary = onPath(command, env);
  if (!binary) {
    const why = isAbsolute(command) ? 'does not exist or is not executable' : 'is not on PATH (Jupyter and VS Code do not run npm scripts)';
    checks.push({ check: 'binary', ok: false, detail: `\`${command}\` ${why}: ${INSTALL_HINT} to name node and tslab by absolute path` });
    return checks.list;
  }
  if (/(^|[\\/])node(\.exe)?$/.test(binary) && script && !script.startsWith('-') && !existsSync(script)) {
    checks.push({ check: 'binary', ok: false, detail: `\`${script}\` does not exist (was the project moved or node_modules removed?): ${INSTALL_HINT}` });
    return checks.list;
  }
  const elsewhere = ours && script && script !== ours.argv[1] && script.endsWith(join('tslab', 'bin', 'tslab')) ? ` (another project's tslab; this project's is ${ours.argv[1]})` : '';
  checks.push({ check: 'binary', ok: true, detail: `${binary}${script && script !== binary ? ` ${script}` : ''}${elsewhere}` });

  // 4. The kernel starts (uptake's own client, as in a run) and runs a cell
  if (options.start === false) return checks.list;
  const started = startAndRunCell(spec, env, options.cwd ?? process.cwd());
  checks.push(await withinTime(started, limitSec.start * 1000, () => new TimedOut(timedOut(limitSec.start))).catch((error: unknown) => {
    if (!(error instanceof TimedOut)) throw error;
    return { check: 'start', ok: false, detail: `the kernel ${error.message}` };
  }));
  return checks.list;
}

class TimedOut extends Error {}

// The checks so far, each told as it is added.
class ReportedChecks {
  readonly list: KernelCheck[] = [];
  constructor(private readonly onCheck: ((check: KernelCheck) => void) | undefined) {}
  push(check: KernelCheck): void {
    this.list.push(check);
    this.onCheck?.(check);
  }
}

// `jupyter` runs in a process group of its own: on timeout the whole group is killed, so that a child it started
// (a shell script's `sleep`, a Python helper) cannot hold its output open and keep the check waiting for good.
async function listKernelspecs(jupyter: string, env: NodeJS.ProcessEnv, limitMs: number) {
  const { execa } = await import('execa');
  const listing = execa(jupyter, ['kernelspec', 'list', '--json'], { env, extendEnv: false, reject: false, detached: true });
  try {
    return await withinTime(listing, limitMs, () => new TimedOut());
  } catch (error) {
    if (!(error instanceof TimedOut)) throw error;
    try {
      if (listing.pid !== undefined) process.kill(-listing.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    listing.stdout?.destroy();
    listing.stderr?.destroy();
    listing.catch(() => undefined);
    return 'timed out' as const;
  }
}

async function startAndRunCell(spec: Kernelspec, env: NodeJS.ProcessEnv, cwd: string): Promise<KernelCheck> {
  const { KernelClient } = await import('./kernel-client.js');
  let kernel: import('./kernel-client.js').KernelClient | undefined;
  try {
    kernel = await KernelClient.start(spec, { cwd, env, startupTimeoutSec: 90 });
    const outcome = await kernel.execute('1 + 1', { timeoutSec: 90, onIopub: () => undefined });
    const status = outcome.kind === 'reply' ? outcome.reply.content.status : outcome.kind;
    return status === 'ok'
      ? { check: 'start', ok: true, detail: `\`${spec.name}\` started and ran \`1 + 1\`` }
      : { check: 'start', ok: false, detail: `the kernel started but did not run a cell (${String(status)})` };
  } catch (error) {
    return { check: 'start', ok: false, detail: `the kernel did not start: ${(error as Error).message}` };
  } finally {
    await kernel?.shutdown();
  }
}
