import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What the built CLI gave: its exit code (null when a signal ended it) and its output. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (npm test builds dist first), found from wherever a test runs it. */
const CLI = join(process.cwd(), 'dist/cli/main.js');

/**
 * Runs the built CLI as a user does, in a process of its own, and gives its exit code and output: from `cwd`
 * (the repository by default), with `env` added to the test's environment; `as`: as another user (the test runs
 * as root to ask for it).
 * @example const { code, stderr } = await runCli(['metrics', '--input', dir, '--json'])
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; as?: { uid: number; gid: number } } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], ...options.as });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
