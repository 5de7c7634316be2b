import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir, readFile, stat, utimes } from 'node:fs/promises';
import { cpSync, existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { execa } from 'execa';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireRunLock, readRunLock, withRunLock } from '../../src/automate/run-lock.js';
import { guardedRun } from '../../src/automate/guarded-run.js';
import { readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { UptakeError } from '../../src/errors.js';
import { descendants, eventually, sandbox, startUptake, stillRunning, type Sandbox } from '../helpers/uptake-process.js';

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

// This boot and a process's start as /proc gives them (field 22 of /proc/<pid>/stat), or nothing off Linux.
function identityOf(pid: number): { boot?: string; started?: string } {
  if (!existsSync('/proc/sys/kernel/random/boot_id')) return {};
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return { boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), started: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] };
}

// A pid that surely belonged to a process that has exited.
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('acquireRunLock', () => {
  it('writes pid, host and reason, and release removes the file', async () => {
    const lock = await acquireRunLock(output, { reason: 'watch', now: () => Date.parse('2026-11-24T10:00:00Z') });
    const written = JSON.parse(await readFile(lockPath, 'utf8'));
    expect(written).toEqual({ pid: process.pid, host: hostname(), reason: 'watch', since: '2026-11-24T10:00:00.000Z', token: lock.info.token, ...identityOf(process.pid) });
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
    expect((error as UptakeError).message).toContain('; wait for it (it is taken over once its process has ended) or delete the file if that process is gone');
    await lock.release();
  });

  it('takes over a stale lock whose process is dead on this host, at once, and says so', async () => {
    const stalePid = deadPid();
    await writeForeignLock({ pid: stalePid, host: hostname() });
    expect(await readRunLock(output)).toMatchObject({ pid: stalePid, stale: true });
    const lines: string[] = [];
    const lock = await acquireRunLock(output, { log: (line) => lines.push(line) });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, token: lock.info.token });
    expect(lines).toEqual([`uptake: took over the run lock ${lockPath} of pid ${stalePid} on ${hostname()} (schedule, since 2026-11-24T06:00:00.000Z): pid ${stalePid} is not running on ${hostname()}`]);
    await lock.release();
  });

  it('treats a lock from another host as live while it is refreshed, since its pid cannot be checked', async () => {
    await writeForeignLock({ pid: deadPid(), host: 'some-other-host' });
    const fourMinutesAgo = new Date(Date.now() - 4 * 60_000);
    await utimes(lockPath, fourMinutesAgo, fourMinutesAgo);
    expect(await readRunLock(output)).toMatchObject({ host: 'some-other-host', stale: false, refreshedAt: fourMinutesAgo.toISOString() });
    const error = await acquireRunLock(output).catch((caught) => caught);
    expect(error).toMatchObject({ kind: 'busy' });
    expect((error as UptakeError).message).toContain(`on some-other-host (schedule, since 2026-11-24T06:00:00.000Z) holds the run lock (last refreshed ${fourMinutesAgo.toISOString()})`);
  });

  it('takes over a lock not refreshed for 5 minutes, whatever its host, and says so', async () => {
    const theirPid = deadPid();
    await writeForeignLock({ pid: theirPid, host: 'some-other-host' });
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    await utimes(lockPath, sixMinutesAgo, sixMinutesAgo);
    expect(await readRunLock(output)).toMatchObject({ host: 'some-other-host', stale: true });
    const lines: string[] = [];
    const lock = await acquireRunLock(output, { log: (line) => lines.push(line) });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), token: lock.info.token });
    expect(lines).toEqual([
      `uptake: took over the run lock ${lockPath} of pid ${theirPid} on some-other-host (schedule, since 2026-11-24T06:00:00.000Z): it was last refreshed 6 min ago (a live run refreshes it every 30 s)`,
    ]);
    await lock.release();
  });

  it("takes over a lock of this process's own pid that it does not hold (left by an earlier process with the pid, e.g. before a container restarted)", async () => {
    await writeForeignLock({ pid: process.pid, host: hostname() });
    expect(await readRunLock(output)).toMatchObject({ pid: process.pid, stale: true });
    const lines: string[] = [];
    const lock = await acquireRunLock(output, { log: (line) => lines.push(line) });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, token: lock.info.token });
    expect(lines).toEqual([
      `uptake: took over the run lock ${lockPath} of pid ${process.pid} on ${hostname()} (schedule, since 2026-11-24T06:00:00.000Z): pid ${process.pid} is this process, which does not hold it (an earlier process with the same pid left it, e.g. before a container restarted)`,
    ]);
    // the lock this process holds stays its own: a second acquire is refused
    await expect(acquireRunLock(output)).rejects.toMatchObject({ kind: 'busy', exitCode: 10 });
    expect(await readRunLock(output)).toMatchObject({ token: lock.info.token, stale: false });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))('takes over a lock whose pid lives but is another process now (reused after a reboot or a container restart), and says so', async () => {
    // the parent process lives; as the holder, it is the one that started at this tick, on this boot
    const parent = identityOf(process.ppid);
    await writeForeignLock({ pid: process.ppid, host: hostname(), ...parent });
    await expect(acquireRunLock(output)).rejects.toMatchObject({ kind: 'busy', exitCode: 10 });
    // a holder that started at another tick: the pid was reused since
    await writeForeignLock({ pid: process.ppid, host: hostname(), ...parent, started: String(Number(parent.started) - 1) });
    expect(await readRunLock(output)).toMatchObject({ pid: process.ppid, stale: true });
    const lines: string[] = [];
    const lock = await acquireRunLock(output, { log: (line) => lines.push(line) });
    expect(lines).toEqual([
      `uptake: took over the run lock ${lockPath} of pid ${process.ppid} on ${hostname()} (schedule, since 2026-11-24T06:00:00.000Z): pid ${process.ppid} is now another process on ${hostname()} (it started after the lock was taken)`,
    ]);
    await lock.release();
    // a holder of an earlier boot of this machine
    await writeForeignLock({ pid: process.ppid, host: hostname(), ...parent, boot: '00000000-0000-0000-0000-000000000000' });
    lines.length = 0;
    const again = await acquireRunLock(output, { log: (line) => lines.push(line) });
    expect(lines).toEqual([
      `uptake: took over the run lock ${lockPath} of pid ${process.ppid} on ${hostname()} (schedule, since 2026-11-24T06:00:00.000Z): ${hostname()} has restarted since pid ${process.ppid} took it (pid ${process.ppid} is now another process)`,
    ]);
    await again.release();
  });

  it('keeps the lock of a live pid on this host however long it was not refreshed (a stopped or suspended run resumes)', async () => {
    await writeForeignLock({ pid: process.ppid, host: hostname() });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockPath, hourAgo, hourAgo);
    await expect(acquireRunLock(output)).rejects.toMatchObject({ kind: 'busy' });
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('theirs');
  });

  it('refreshes the lock while it is held, and no more once released', async () => {
    const lock = await acquireRunLock(output, { heartbeatMs: 50 });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockPath, hourAgo, hourAgo);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Date.now() - (await stat(lockPath)).mtimeMs).toBeLessThan(5_000);
    expect(await readRunLock(output)).toMatchObject({ pid: process.pid, stale: false });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('a holder that lost its lock after a stall never refreshes its successor\'s: its heartbeat says so and aborts `lost`', async () => {
    const lines: string[] = [];
    const stalled = await acquireRunLock(output, { heartbeatMs: 50, pid: deadPid(), log: (line) => lines.push(line) });
    const successor = await acquireRunLock(output, { log: () => undefined });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockPath, hourAgo, hourAgo);
    // (until its heartbeat has looked: every 50 ms, later on a loaded machine)
    for (const deadline = Date.now() + 10_000; !stalled.lost.aborted && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stalled.lost.aborted).toBe(true);
    expect(Math.round((await stat(lockPath)).mtimeMs)).toBe(hourAgo.getTime());
    expect(successor.lost.aborted).toBe(false);
    expect(lines).toEqual([`uptake: lost the run lock ${lockPath}: pid ${process.pid} on ${hostname()} (manual, since ${successor.info.since}) took it over; this run publishes and delivers nothing more`]);
    await stalled.release();
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe(successor.info.token);
    await successor.release();
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
    await writeForeignLock({ pid: process.ppid, host: hostname() });
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

  it('a result too large to log whole keeps the weeks and folders status shows (a run asked for latest, a batch)', async () => {
    const alerts = Array.from({ length: 80 }, (_, index) => ({ rule: 'adoption_drop', team: `Team ${index}`, sent: ['email', 'slack'] }));
    await guardedRun({ outputDir: output, reason: 'manual' }, async () => ({ status: 'ok', week: '2026-W47', outDir: '/srv/reports/2026-W47', delivered: { alerts } }));
    await guardedRun({ outputDir: output, reason: 'watch' }, async () => ({ reports: [{ week: '2026-W46', outDir: '/srv/reports/2026-W46', alerts }, { week: '2026-W47', outDir: '/srv/reports/2026-W47' }] }));
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.weeks, run.result])).toEqual([
      [['2026-W47'], { status: 'ok', week: '2026-W47', outDir: '/srv/reports/2026-W47' }],
      [['2026-W46', '2026-W47'], { reports: [{ week: '2026-W46', outDir: '/srv/reports/2026-W46' }, { week: '2026-W47', outDir: '/srv/reports/2026-W47' }] }],
    ]);
  });

  it('tells the run that its lock was taken over (lockLost aborts), and leaves the new holder\'s lock', async () => {
    const lines: string[] = [];
    const outcome = guardedRun({ outputDir: output, reason: 'manual', log: (line) => lines.push(line), heartbeatMs: 50 }, ({ lockLost }) =>
      new Promise<string>((resolve) => lockLost.addEventListener('abort', () => resolve(String(lockLost.reason)), { once: true })),
    );
    await eventually(() => existsSync(lockPath));
    // another host took it over (this run stalled past the staleness limit)
    await writeForeignLock({ pid: 4242, host: 'elsewhere', token: 'theirs' });
    const { value } = await outcome;
    expect(value).toBe('losing the run lock (pid 4242 on elsewhere (schedule, since 2026-11-24T06:00:00.000Z) took it over)');
    expect(lines).toEqual([`uptake: lost the run lock ${lockPath}: pid 4242 on elsewhere (schedule, since 2026-11-24T06:00:00.000Z) took it over; this run publishes and delivers nothing more`]);
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('theirs');
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

  it('tells onStartFailure of a failure before the work began (here the start line cannot be written), never of a held lock or of the work\'s own failure', async () => {
    const told: unknown[] = [];
    const onStartFailure = async (error: unknown) => void told.push(error);
    // a run log that is a folder: the lock is taken, the start line fails, the work never runs
    const runLog = join(output, 'runs-folder');
    await mkdir(runLog);
    let ran = false;
    const failed = await guardedRun({ outputDir: output, reason: 'manual', runLog, onStartFailure }, async () => void (ran = true)).catch((error: unknown) => error);
    expect(ran).toBe(false);
    expect(told).toEqual([failed]);
    expect(failed).toMatchObject({ kind: 'output', message: expect.stringContaining('expected the run log to be a regular file, got a folder') });
    expect(existsSync(lockPath)).toBe(false);

    told.length = 0;
    const failure = new UptakeError('input', 'expected at least one ai_logs file', { file: 'data' });
    await expect(guardedRun({ outputDir: output, reason: 'manual', onStartFailure }, async () => Promise.reject(failure))).rejects.toBe(failure);
    const lock = await acquireRunLock(output, { reason: 'schedule' });
    await expect(guardedRun({ outputDir: output, reason: 'manual', onStartFailure }, async () => undefined)).rejects.toMatchObject({ kind: 'busy' });
    await lock.release();
    expect(told).toEqual([]);
  });
});

// Real `uptake run` processes: one killed with kill -9 while it holds the lock, its state copied to
// another output folder (a CI cache restored on the next runner), and runs there on another host name
// (a UTS namespace of their own, `unshare -u`, which needs root or user namespaces).
const canRenameHost = spawnSync('unshare', ['-u', 'true']).status === 0;

describe.skipIf(!canRenameHost)('a run lock left by a killed run on another host', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => {
    box.remove();
  });

  const runArgs = (out: string, notebook: string) => ['run', '--input', 'data/sample', '--out', out, '--notebook', notebook, '--no-deliver', '--no-warehouse', '--no-store'];
  const onOtherHost = (args: string[]) =>
    execa('unshare', ['-u', 'sh', '-c', 'hostname uptake-other-runner && exec "$@"', 'sh', process.execPath, join(process.cwd(), 'dist/cli/main.js'), ...args], {
      env: box.env,
      extendEnv: false,
      reject: false,
    });

  it('is respected while fresh, and taken over (saying so) once not refreshed for 5 minutes', async () => {
    const first = join(box.dir, 'first');
    const killed = startUptake(runArgs(first, box.notebook(60)), box.env);
    await killed.waitFor(/sleep 60/);
    const children = descendants(killed.child.pid!);
    process.kill(killed.child.pid!, 'SIGKILL');
    await killed.child;
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
    const firstLock = statePaths(first).runLock;
    expect(JSON.parse(readFileSync(firstLock, 'utf8'))).toMatchObject({ pid: killed.child.pid, host: hostname() });

    const second = join(box.dir, 'second');
    cpSync(statePaths(first).dir, statePaths(second).dir, { recursive: true, preserveTimestamps: true });
    const fresh = await onOtherHost(runArgs(second, box.notebook(0)));
    expect(fresh.exitCode).toBe(10);
    expect(fresh.stderr).toContain(`pid ${killed.child.pid} on ${hostname()} (manual, since`);

    // As if the next runner started 6 minutes after the kill.
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    utimesSync(statePaths(second).runLock, sixMinutesAgo, sixMinutesAgo);
    const later = await onOtherHost(runArgs(second, box.notebook(0)));
    expect(later.stderr).toContain(
      `uptake: took over the run lock ${statePaths(second).runLock} of pid ${killed.child.pid} on ${hostname()} (manual, since`,
    );
    expect(later.stderr).toContain('it was last refreshed 6 min ago');
    expect(later.exitCode).toBe(0);
    expect(existsSync(statePaths(second).runLock)).toBe(false);
    const runs = await readRuns(statePaths(second).runLog, { host: 'uptake-other-runner' });
    expect(runs.map((run) => [run.host, run.outcome])).toEqual([
      [hostname(), 'interrupted'],
      [null, 'skipped'],
      ['uptake-other-runner', 'ok'],
    ]);
    expect(readdirSync(box.tmp)).toEqual([]);
  }, 90_000);
});
