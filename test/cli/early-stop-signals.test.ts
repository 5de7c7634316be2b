import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A stop signal in the first moments of any command: README's exit codes promise 130 and
// `uptake: stopped by SIGTERM before it finished`, never the signal's default (143, 129, or SIGINT's death).
// Real processes of the built CLI, real signals.
const CLI = join(process.cwd(), 'dist/cli/main.js');
let folder: string;
let hook: string;

// A module hook (it runs on the loader's thread) that sends the process a real signal the moment the CLI
// resolves the module named in UPTAKE_TEST_SIGNAL_AT, while the modules are still loading.
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'uptake-early-signal-'));
  const hooks = join(folder, 'hooks.mjs');
  writeFileSync(hooks, `
let sent = false;
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!sent && resolved.url.includes(process.env.UPTAKE_TEST_SIGNAL_AT)) {
    sent = true;
    process.kill(process.pid, process.env.UPTAKE_TEST_SIGNAL);
  }
  return resolved;
}
`);
  hook = join(folder, 'register.mjs');
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function ended(child: ReturnType<typeof spawn>): Promise<Ended> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

// Arguments that keep each command busy well past its start-up (a watch and a schedule run until stopped).
const COMMANDS: Record<string, (dir: string) => string[]> = {
  metrics: () => ['metrics', '--input', 'data/sample', '--json'],
  run: (dir) => ['run', '--input', 'data/sample', '--out', join(dir, 'out'), '--no-deliver', '--no-warehouse'],
  schedule: (dir) => ['schedule', '--out', join(dir, 'out'), '--input', 'data/sample'],
  status: (dir) => ['status', '--out', join(dir, 'out')],
  doctor: (dir) => ['doctor', '--out', join(dir, 'out')],
};

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

describe('a stop signal while the CLI loads its modules', () => {
  // commander is the first package the CLI loads; commands/index.js loads every command's module.
  const cases = (['node_modules/commander/', 'cli/commands/index.js'] as const).flatMap((at) =>
    Object.keys(COMMANDS).flatMap((command) => SIGNALS.map((signal) => ({ at, command, signal }))),
  );
  it.each(cases.filter(({ at, command }) => at === 'node_modules/commander/' || command === 'run'))(
    'at $at, `uptake $command` ends at once on $signal: exit 130, saying so',
    async ({ at, command, signal }) => {
      const dir = mkdtempSync(join(folder, 'case-'));
      const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, CLI, ...COMMANDS[command](dir)], {
        env: { ...process.env, UPTAKE_TEST_SIGNAL_AT: at, UPTAKE_TEST_SIGNAL: signal },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const result = await ended(child);
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
      expect(result.stderr).toBe(`uptake: stopped by ${signal} before it finished\n`);
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});

describe('a stop signal to `uptake run` once it handles the signals, before its run began', () => {
  // run.ts reads its config right after it took the signals over: the run has not begun, so there is none to finish
  it.each(SIGNALS)('%s: the run is not begun (exit 130, nothing written), not run whole', async (signal) => {
    const dir = mkdtempSync(join(folder, 'case-'));
    const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, CLI, ...COMMANDS.run(dir)], {
      env: { ...process.env, UPTAKE_TEST_SIGNAL_AT: 'config/read-config.js', UPTAKE_TEST_SIGNAL: signal },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await ended(child);
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
    expect(result.stderr).toContain(`uptake: stopped by ${signal} before the run started: nothing was run\n`);
    // (no run was in progress to wait for, and none is promised)
    expect(result.stderr).toContain(`uptake run: ${signal}: stopping (no run in progress)\n`);
    expect(result.stderr).not.toContain('the run in progress');
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 120_000);
});

// Whether the process listens for SIGHUP (bit 0 of /proc/PID/status's SigCgt): Node itself catches SIGINT and
// SIGTERM from its start (to end by them), SIGHUP only once JavaScript listens for it.
function listensForHangup(pid: number): boolean {
  try {
    const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return caught !== undefined && (BigInt(`0x${caught}`) & 1n) === 1n;
  } catch {
    return false;
  }
}

describe('a stop signal at any moment of start-up, sent after the spawn', () => {
  // Before Node runs any JavaScript, a signal has its default action and nothing in uptake can change that; from
  // uptake's first line on, every signal must end it with 130 and the message.
  const delays = [0, 10, 30, 60, 100, 150, 200, 300, 450];
  it.each(SIGNALS.flatMap((signal) => delays.map((delayMs) => ({ signal, delayMs }))))(
    '`uptake metrics`, $signal $delayMs ms after the spawn',
    async ({ signal, delayMs }) => {
      const child = spawn(process.execPath, [CLI, ...COMMANDS.metrics('')], { stdio: ['ignore', 'pipe', 'pipe'] });
      const result = ended(child);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const listening = listensForHangup(child.pid!);
      child.kill(signal);
      const { code, signal: endedBy, stderr } = await result;
      if (!listening && endedBy === signal) return;
      expect({ code, signal: endedBy }).toEqual({ code: 130, signal: null });
      // (at the later delays the command may have begun its work and said so, "found 19 input files": the stop is its last word)
      expect(stderr.split('\n').filter(Boolean).at(-1)).toBe(`uptake: stopped by ${signal} before it finished`);
      expect(stderr).not.toContain('unexpected failure');
    },
    30_000,
  );

});
