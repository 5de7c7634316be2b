import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { bundledTslab } from './kernelspec.js';

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
  jupyter?: string;
  env?: NodeJS.ProcessEnv;
  /** Starting the kernel takes seconds; false skips it. */
  start?: boolean;
}

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

// Jupyter's own client starts the kernel the way Jupyter, JupyterLab and nbclient do, and runs one cell.
const START_SCRIPT = `
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=90)
try:
    reply = kc.execute_interactive("1 + 1", timeout=90, output_hook=lambda message: None)
    print(reply["content"]["status"])
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/**
 * Says why a notebook kernel does not start: Jupyter missing, the kernelspec missing, its binary
 * missing, or the kernel failing to start and run a cell. Stops at the first failure.
 * @example (await kernelDoctor()).every((check) => check.ok)
 */
export async function kernelDoctor(options: KernelDoctorOptions = {}): Promise<KernelCheck[]> {
  const name = options.name ?? 'tslab';
  const env = options.env ?? process.env;
  const jupyterCommand = options.jupyter ?? 'jupyter';
  const checks: KernelCheck[] = [];
  const { execa } = await import('execa');

  // 1. Jupyter, and the kernelspecs it sees
  const jupyter = onPath(jupyterCommand, env);
  if (!jupyter) {
    checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyterCommand}\` is not on PATH: install Jupyter (Debian: apt-get install jupyter-core jupyter-client python3-ipykernel; else pip install jupyter)` });
    return checks;
  }
  const listed = await execa(jupyter, ['kernelspec', 'list', '--json'], { env, extendEnv: false, reject: false, timeout: 60_000 });
  let specs: Record<string, { resource_dir: string; spec: { argv: string[] } }>;
  try {
    specs = (JSON.parse(listed.stdout) as { kernelspecs: typeof specs }).kernelspecs;
  } catch {
    checks.push({ check: 'jupyter', ok: false, detail: `\`${jupyter} kernelspec list --json\` failed: ${lastLine(listed.stderr) || listed.shortMessage}` });
    return checks;
  }
  checks.push({ check: 'jupyter', ok: true, detail: jupyter });

  // 2. The kernelspec
  const found = Object.entries(specs).find(([specName]) => specName.toLowerCase() === name.toLowerCase());
  if (!found) {
    checks.push({ check: 'kernelspec', ok: false, detail: `no kernelspec named \`${name}\` (Jupyter has: ${Object.keys(specs).join(', ') || 'none'}): ${INSTALL_HINT}` });
    return checks;
  }
  const [, { resource_dir: resourceDir, spec }] = found;
  checks.push({ check: 'kernelspec', ok: true, detail: `${join(resourceDir, 'kernel.json')}: ${JSON.stringify(spec.argv)}` });

  // 3. The binaries its argv names
  const [command, script] = spec.argv;
  const binary = onPath(command, env);
  if (!binary) {
    const why = isAbsolute(command) ? 'does not exist or is not executable' : 'is not on PATH (Jupyter and VS Code do not run npm scripts)';
    checks.push({ check: 'binary', ok: false, detail: `\`${command}\` ${why}: ${INSTALL_HINT} to name node and tslab by absolute path` });
    return checks;
  }
  if (/(^|[\\/])node(\.exe)?$/.test(binary) && script && !script.startsWith('-') && !existsSync(script)) {
    checks.push({ check: 'binary', ok: false, detail: `\`${script}\` does not exist (was the project moved or node_modules removed?): ${INSTALL_HINT}` });
    return checks;
  }
  const ours = bundledTslab()?.argv[1];
  const elsewhere = ours && script && script !== ours && script.endsWith(join('tslab', 'bin', 'tslab')) ? ` (another project's tslab; this project's is ${ours})` : '';
  checks.push({ check: 'binary', ok: true, detail: `${binary}${script && script !== binary ? ` ${script}` : ''}${elsewhere}` });

  // 4. The kernel starts and runs a cell
  if (options.start === false) return checks;
  const python = readFileSync(jupyter, 'utf8').match(/^#!\s*(\S+python\S*)/)?.[1] ?? 'python3';
  const started = await execa(python, ['-c', START_SCRIPT, found[0]], { env, extendEnv: false, reject: false, timeout: 180_000 });
  if (started.exitCode === 0 && started.stdout.trim() === 'ok') checks.push({ check: 'start', ok: true, detail: 'the kernel started and ran `1 + 1`' });
  else checks.push({ check: 'start', ok: false, detail: `the kernel did not start or run a cell: ${lastLine(started.stderr) || started.stdout.trim() || started.shortMessage}` });
  return checks;
}
