import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelDoctor } from '../../src/notebook/kernel-doctor.js';
import { pidIsAlive } from '../../src/util/pid-is-alive.js';

// Alive and not a zombie (a killed orphan waits for its reaper, pid 1, which in a container may be slow to reap).
function isRunning(pid: number): boolean {
  if (!pidIsAlive(pid)) return false;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

// A `jupyter` on PATH that never answers: a shell script whose child (`sleep`) holds its output open, so that
// killing the script alone leaves the pipe open, as a Python launcher's helper would.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-kernel-doctor-'));
});
afterEach(() => {
  const pidFile = join(dir, 'sleep.pid');
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  } catch {
    // gone already (the check killed it)
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('kernelDoctor', () => {
  it('fails a jupyter that never answers as timed out after its limit, and leaves none of its processes behind', async () => {
    const jupyter = join(dir, 'jupyter');
    writeFileSync(jupyter, `#!/bin/sh\nsleep 60 &\necho $! > ${join(dir, 'sleep.pid')}\nwait\n`);
    chmodSync(jupyter, 0o755);
    const reported: string[] = [];
    const started = Date.now();
    const checks = await kernelDoctor({ jupyter, start: false, limitSec: { jupyter: 2 }, onCheck: (check) => reported.push(check.check) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(checks).toEqual([{ check: 'jupyter', ok: false, detail: `\`${jupyter} kernelspec list --json\` timed out after 2 s: no answer (it waits on something that does not end, such as a hung network mount)` }]);
    expect(reported).toEqual(['jupyter']);
    // (a SIGKILL takes a moment to land)
    const sleeper = Number(readFileSync(join(dir, 'sleep.pid'), 'utf8'));
    for (let waited = 0; waited < 2000 && isRunning(sleeper); waited += 50) await new Promise((later) => setTimeout(later, 50));
    expect(isRunning(sleeper)).toBe(false);
  }, 30_000);

  it('fails a kernel that starts and never answers as timed out after the start limit', async () => {
    const kernels = join(dir, 'kernels', 'silent');
    const script = join(dir, 'silent-kernel.mjs');
    writeFileSync(script, 'setTimeout(() => {}, 60_000);\n');
    rmSync(kernels, { recursive: true, force: true });
    await import('node:fs/promises').then(({ mkdir }) => mkdir(kernels, { recursive: true }));
    writeFileSync(join(kernels, 'kernel.json'), JSON.stringify({ argv: [process.execPath, script, '{connection_file}'], display_name: 'Silent', language: 'typescript' }));
    const started = Date.now();
    const checks = await kernelDoctor({ name: 'silent', jupyter: false, env: { ...process.env, JUPYTER_PATH: dir }, limitSec: { start: 3 } });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(checks.map((check) => [check.check, check.ok])).toEqual([['kernelspec', true], ['binary', true], ['start', false]]);
    expect(checks.at(-1)?.detail).toBe('the kernel timed out after 3 s: no answer (it waits on something that does not end, such as a hung network mount)');
  }, 60_000);
});
