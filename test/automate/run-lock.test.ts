import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir, readFile, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireRunLock, readRunLock, withRunLock } from '../../src/automate/run-lock.js';
import { guardedRun } from '../../src/automate/guarded-run.js';
import { readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { UptakeError } from '../../src/errors.js';

let output: string;
let lockPath: string;
beforeEach(async () => {
  output = await mkdtemp(join(tmpdir(), 'uptake-lock-'));
  lockPath = statePaths(output).runLock;
});
afterEach(async () => {
  await rm(output, { recursive: true, force: true });
});

async function writeForeignLock(holder: Record<string, unknown>) {
  await mkdir(statePaths(output).dir, { recursive: true });
  await writeFile(lockPath, JSON.stringify({ reason: 'schedule', since: '2026-11-24T06:00:00.000Z', token: 'theirs', ...holder }));
}

// A pid that surely belonged to a process that has exited.
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('acquireRunLock', () => {
  it('writes pid, host and reason, and release removes the file', async () => {
    const lock = await acquireRunLock(output, { reason: 'watch', now: () => Date.parse('2026-11-24T10:00:00Z') });
    const written = JSON.parse(await readFile(lockPath, 'utf8'));
    expect(written).toEqual({ pid: process.pid, host: hostname(), reason: 'watch', since: '2026-11-24T10:00:00.000Z', token: lock.info.token });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a second holder while the first is alive, with a busy error (exit 10)', async () => {
    const lock = await acquireRunLock(output, { reason: 'schedule' });
    const error = await acquireRunLock(output, { reason: 'manual' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).kind).toBe('busy');
    expect((error as UptakeError).exitCode).toBe(10);
    expect((error as UptakeError).message).toContain(`pid ${process.pid} on ${hostname()} (schedule, since`);
    await lock.release();
  });

  it('takes over a stale lock whose process is dead on this host', async () => {
    const stalePid = deadPid();
    await writeForeignLock({ pid: stalePid, host: hostname() });
    expect(await readRunLock(output)).toMatchObject({ pid: stalePid, stale: true });
    const lock = await acquireRunLock(output);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, token: lock.info.token });
    await lock.release();
  });

  it('treats a lock from another host as live, since its pid cannot be checked', async () => {
    await writeForeignLock({ pid: deadPid(), host: 'some-other-host' });
    await expect(acquireRunLock(output)).rejects.toMatchObject({ kind: 'busy' });
  });

  it('treats an unreadable lock as stale only once it is old', async () => {
    await mkdir(statePaths(output).dir, { recursive: true });
    await writeFile(lockPath, '');
    await expect(acquireRunLock(output)).rejects.toMatchObject({ kind: 'busy' });
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, minuteAgo, minuteAgo);
    const lock = await acquireRunLock(output);
    await lock.release();
  });

  it('release leaves a lock that someone else has taken since', async () => {
    const lock = await acquireRunLock(output);
    await writeForeignLock({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('theirs');
  });

  it('withRunLock releases after a failure', async () => {
    await expect(withRunLock(output, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath)).toBe(false);
  });
});

describe('guardedRun', () => {
  it('logs start and end with outcome, duration and result', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const result = await guardedRun({ outputDir: output, reason: 'manual', weeks: ['2026-W47'], now: () => now }, async () => {
      now += 2500;
      return { week: '2026-W47', outDir: 'output/2026-W47', status: 'ok' };
    });
    expect(result.durationMs).toBe(2500);
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs).toEqual([
      {
        runId: result.runId,
        reason: 'manual',
        outcome: 'ok',
        startedAt: '2026-11-24T10:00:00.000Z',
        endedAt: '2026-11-24T10:00:02.500Z',
        durationMs: 2500,
        weeks: ['2026-W47'],
        scheduledFor: null,
        error: null,
        why: null,
        result: { week: '2026-W47', outDir: 'output/2026-W47', status: 'ok' },
        pid: process.pid,
        host: hostname(),
      },
    ]);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('logs an UptakeError with its kind and exit code, and rethrows it', async () => {
    const failure = new UptakeError('input', 'expected at least one ai_logs file', { file: 'data' });
    await expect(guardedRun({ outputDir: output, reason: 'watch' }, async () => Promise.reject(failure))).rejects.toBe(failure);
    const [run] = await readRuns(statePaths(output).runLog);
    expect(run.outcome).toBe('error');
    expect(run.error).toEqual({ kind: 'input', message: 'data: expected at least one ai_logs file', exitCode: 3 });
  });

  it('logs a skipped run when the lock is held, and throws busy', async () => {
    const lock = await acquireRunLock(output, { reason: 'schedule' });
    let ran = false;
    await expect(guardedRun({ outputDir: output, reason: 'manual' }, async () => void (ran = true))).rejects.toMatchObject({ kind: 'busy' });
    await lock.release();
    expect(ran).toBe(false);
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.reason, run.outcome])).toEqual([['manual', 'skipped']]);
  });
});
