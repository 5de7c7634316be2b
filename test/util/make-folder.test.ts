import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolder } from '../../src/util/make-folder.js';
import { ensureFolder } from '../../src/util/atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-make-folder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Settles within `ms`, or says it did not (Node's recursive mkdir under /proc never settles).
async function within<T>(ms: number, work: Promise<T>): Promise<{ settled: false } | { settled: true; error: NodeJS.ErrnoException | null }> {
  const late = new Promise<{ settled: false }>((resolve) => setTimeout(() => resolve({ settled: false }), ms).unref());
  return Promise.race([work.then(() => ({ settled: true as const, error: null }), (error: NodeJS.ErrnoException) => ({ settled: true as const, error })), late]);
}

describe('makeFolder', () => {
  it('makes a folder and its missing parents, and leaves an existing one alone', async () => {
    await makeFolder(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await makeFolder(join(dir, 'a', 'b', 'c'));
    await makeFolder(dir);
  });

  it('throws the system error of a file in the way: EEXIST for the folder itself, ENOTDIR below it', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await expect(makeFolder(join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolder(join(dir, 'file', 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('ends at once under /proc and /sys, where Node\'s recursive mkdir goes round for good', async () => {
    for (const path of ['/proc/self/fdinfo/.uptake', '/proc/1/task/x/y', '/sys/kernel/uptake/.uptake']) {
      expect(await within(5000, makeFolder(path))).toMatchObject({ settled: true, error: { code: expect.stringMatching(/^E/) } });
      // ensureFolder (every state folder a run makes) too, as an output error
      expect(await within(5000, ensureFolder(path))).toMatchObject({ settled: true, error: { kind: 'output' } });
    }
    // (what it replaces: still going after 2 s)
    expect(await within(2000, mkdir('/proc/self/fdinfo/.uptake', { recursive: true }))).toEqual({ settled: false });
  });
});

describe('commands with their output folder under /proc', () => {
  const cli = join(process.cwd(), 'dist/cli/main.js');
  it('`uptake run` fails at once (exit 12, naming the folder) and `uptake status --check` finishes, instead of going round for good', async () => {
    const run = await execa('node', [cli, 'run', '--input', 'data/sample', '--no-deliver', '--no-warehouse', '--out', '/proc/self/fdinfo'], { reject: false, timeout: 60_000 });
    expect(run.exitCode).toBe(12);
    expect(run.stderr).toBe('uptake: /proc/self/fdinfo/.uptake: cannot write: no such file or directory (ENOENT)');
    const status = await execa('node', [cli, 'status', '--check', '--out', '/proc/self/fdinfo'], { reject: false, timeout: 60_000 });
    expect(status.exitCode).toBe(11);
    expect(status.stderr).toContain('uptake status: could not note the start of monitoring: ');
  }, 120_000);
});
