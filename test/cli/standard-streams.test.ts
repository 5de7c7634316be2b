import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { sandbox, type Sandbox } from '../helpers/uptake-process.js';

// Real `uptake` processes whose stdout or stderr reader is gone before they write to it (as `| head`
// that has read enough, or the terminal of an ended session): the command still ends with its own outcome.
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `uptake ...args` with the reader of `closed` gone from the start; the other stream is collected. */
function uptakeWithReaderGone(closed: 'stdout' | 'stderr' | 'both', args: string[]): Promise<Ended> {
  const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    if (closed === name || closed === 'both') child[name].destroy();
    else child[name].on('data', (chunk: Buffer) => (text[name] += chunk.toString('utf8')));
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, ...text })));
}

const runArgs = () => ['run', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook(0), '--no-deliver', '--no-warehouse'];
const staging = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.2026')) : []);

describe('a stdout whose reader is gone', () => {
  it('`metrics --json` exits 0 quietly: no stack trace, no EPIPE on stderr', async () => {
    const ended = await uptakeWithReaderGone('stdout', ['metrics', '--json', '--input', 'data/sample', '--week', 'latest']);
    expect(ended.stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
    expect(ended).toMatchObject({ code: 0, signal: null });
  });

  it('`run` publishes the report and exits 0, its outcome', async () => {
    const ended = await uptakeWithReaderGone('stdout', runArgs());
    expect(ended.stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
    expect(ended.stderr).toContain(`uptake run: the report is ${join(box.out, '2026-W47', 'report.pdf')}`);
    expect(ended).toMatchObject({ code: 0, signal: null });
    expect(readdirSync(join(box.out, '2026-W47'))).toContain('manifest.json');
  }, 90_000);
});

describe('a stderr whose reader is gone', () => {
  it('`run` (progress on stderr) goes on to the end: report published, run logged ok, no lock or staging folder left, exit 0', async () => {
    const ended = await uptakeWithReaderGone('stderr', runArgs());
    expect(ended).toMatchObject({ code: 0, signal: null });
    expect(ended.stdout.trim()).toBe(join(box.out, '2026-W47'));
    expect(readdirSync(join(box.out, '2026-W47'))).toContain('manifest.json');
    const runs = await readRuns(statePaths(box.out).runLog);
    expect(runs.map((run) => run.outcome)).toEqual(['ok']);
    expect(existsSync(statePaths(box.out).runLock)).toBe(false);
    expect(staging(box.out)).toEqual([]);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 90_000);

  it('a failing command still exits with its own code (3: no such input folder), with stdout gone too', async () => {
    const ended = await uptakeWithReaderGone('both', ['metrics', '--json', '--input', join(box.dir, 'no-such-folder')]);
    expect(ended).toMatchObject({ code: 3, signal: null });
  });
});
