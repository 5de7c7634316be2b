import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { UptakeError } from '../../src/errors.js';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/read-config.js';
import { createScheduler, previousOccurrence, scheduleCron, missedOccurrence } from '../../src/automate/schedule.js';
import { appendRun, readRuns, readRunLog, type RunLogEntry } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import type { JobRequest } from '../../src/automate/job.js';
import type { DeadManResult } from '../../src/automate/dead-man.js';
import { FakeClock, deferred } from './fake-clock.js';
import { processIdentity } from '../../src/util/process-identity.js';

const at = (iso: string) => Date.parse(iso);

let output: string;
beforeEach(async () => {
  output = await mkdtemp(join(tmpdir(), 'uptake-schedule-'));
});
afterEach(async () => {
  await rm(output, { recursive: true, force: true });
});

function configWith(schedule: Record<string, unknown>) {
  return parseConfig({ output, schedule });
}

// What the job was asked, less the run lock's signal (every run under the lock is given one: see guardedRun).
// (and of the hook a run of an occurrence notes its deliveries with: see unfinishedRuns)
function asked({ lockLost, onDelivered, ...request }: JobRequest): JobRequest {
  expect(lockLost).toBeInstanceOf(AbortSignal);
  expect(onDelivered === undefined).toBe(request.scheduledFor === undefined);
  return request;
}

describe('previousOccurrence', () => {
  it('finds the last Monday 06:00 Berlin time before now, in winter and in summer time', () => {
    const cron = scheduleCron({ cron: '0 6 * * 1', timezone: 'Europe/Berlin' });
    // 2026-11-23 is a Monday; 06:00 CET = 05:00 UTC.
    expect(new Date(previousOccurrence(cron, at('2026-11-25T00:00:00Z'))!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    // 2026-06-29 is a Monday; 06:00 CEST = 04:00 UTC.
    expect(new Date(previousOccurrence(cron, at('2026-07-01T00:00:00Z'))!).toISOString()).toBe('2026-06-29T04:00:00.000Z');
    // An occurrence exactly at now counts as before now.
    expect(new Date(previousOccurrence(cron, at('2026-11-23T05:00:00Z'))!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('steps back one minute for a minutely cron', () => {
    const cron = scheduleCron({ cron: '* * * * *', timezone: 'UTC' });
    expect(new Date(previousOccurrence(cron, at('2026-11-24T10:00:30Z'))!).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('rejects a malformed cron as a config error naming the key and the value', () => {
    expect(() => scheduleCron({ cron: 'every monday', timezone: 'UTC' })).toThrow(/`schedule.cron`: expected a cron expression .* got "every monday"/);
  });
});

describe('createScheduler firing', () => {
  it('fires once per minute tick of a minutely cron, each run logged with its occurrence', async () => {
    const clock = new FakeClock(at('2026-11-24T10:00:30Z'));
    const requests: JobRequest[] = [];
    const scheduler = createScheduler(configWith({ cron: '* * * * *' }), {
      job: async (request) => {
        requests.push(asked(request));
        return { week: '2026-W47', outDir: 'x', status: 'ok' };
      },
      clock,
    });
    const { catchUp } = await scheduler.start();
    expect(catchUp).toBeNull();
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-11-24T10:01:00.000Z');

    await clock.advanceTo(at('2026-11-24T10:01:00Z'));
    await scheduler.idle();
    expect(requests).toEqual([{ reason: 'schedule', scheduledFor: at('2026-11-24T10:01:00Z') }]);

    await clock.advanceTo(at('2026-11-24T10:02:00Z'));
    await scheduler.idle();
    await clock.advanceTo(at('2026-11-24T10:02:59Z'));
    await scheduler.idle();
    expect(requests).toHaveLength(2);
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-11-24T10:03:00.000Z');

    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.reason, run.outcome, run.scheduledFor])).toEqual([
      ['schedule', 'ok', '2026-11-24T10:01:00.000Z'],
      ['schedule', 'ok', '2026-11-24T10:02:00.000Z'],
    ]);
    await scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('skips and logs a tick that comes while the previous run is still going', async () => {
    const clock = new FakeClock(at('2026-11-24T10:00:30Z'));
    const gate = deferred();
    const entered = deferred();
    let calls = 0;
    const logLines: string[] = [];
    const scheduler = createScheduler(configWith({ cron: '* * * * *' }), {
      job: async () => {
        calls++;
        entered.resolve();
        await gate.promise;
      },
      clock,
      log: (line) => logLines.push(line),
    });
    await scheduler.start();
    await clock.advanceTo(at('2026-11-24T10:01:00Z'));
    await entered.promise;
    await clock.advanceTo(at('2026-11-24T10:02:00Z'));
    // A direct tick in the same state is skipped too, and says why.
    const direct = await scheduler.tick();
    expect(direct.outcome).toBe('skipped');
    expect(direct.why).toBe('a run started 2026-11-24T10:01:00.000Z is still in flight');
    expect(calls).toBe(1);

    gate.resolve();
    await scheduler.idle();
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.outcome, run.scheduledFor])).toEqual([
      ['ok', '2026-11-24T10:01:00.000Z'],
      ['skipped', '2026-11-24T10:02:00.000Z'],
      ['skipped', '2026-11-24T10:02:00.000Z'],
    ]);
    expect(logLines.filter((line) => line.includes('tick skipped'))).toHaveLength(2);
    await scheduler.stop();
  });

  it('skips a tick while another process holds the run lock', async () => {
    const clock = new FakeClock(at('2026-11-24T10:00:30Z'));
    await mkdir(statePaths(output).dir, { recursive: true });
    // A live pid (this process's parent) with another token: some other `uptake run` in progress.
    await writeFile(
      statePaths(output).runLock,
      JSON.stringify({ pid: process.ppid, host: hostname(), reason: 'manual', since: '2026-11-24T09:59:00.000Z', token: 'someone-else' }),
    );
    let calls = 0;
    const scheduler = createScheduler(configWith({ cron: '* * * * *' }), { job: async () => void calls++, clock });
    const result = await scheduler.tick({ now: at('2026-11-24T10:01:00Z') });
    expect(result.outcome).toBe('skipped');
    expect(result.why).toMatch(/pid \d+ on .* \(manual, since 2026-11-24T09:59:00.000Z\) holds the run lock/);
    expect(calls).toBe(0);
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => run.outcome)).toEqual(['skipped']);
  });

  it('tries a scheduled run that another process kept from the lock again, every 30 s, until it runs (the week is not lost)', async () => {
    const clock = new FakeClock(at('2026-11-23T05:59:00Z'));
    await mkdir(statePaths(output).dir, { recursive: true });
    // A live pid (this process's parent) with another token: an `uptake watch` batch in progress, say.
    const lock = JSON.stringify({ pid: process.ppid, host: hostname(), reason: 'watch', since: '2026-11-23T05:58:00.000Z', token: 'someone-else' });
    await writeFile(statePaths(output).runLock, lock);
    const requests: JobRequest[] = [];
    const lines: string[] = [];
    const scheduler = createScheduler(configWith({ cron: '0 6 * * 1' }), { job: async (request) => void requests.push(asked(request)), clock, log: (line) => lines.push(line) });
    await scheduler.start();
    await clock.advanceTo(at('2026-11-23T06:00:00Z'));
    await scheduler.idle();
    expect(requests).toEqual([]);
    expect(lines).toContain('uptake schedule: the schedule run due 2026-11-23 06:00 UTC (2026-11-23T06:00:00.000Z) is tried again in 30 s, once the run lock is free');
    await clock.advanceTo(at('2026-11-23T06:00:30Z'));
    await scheduler.idle();
    expect(requests).toEqual([]); // still held
    await rm(statePaths(output).runLock);
    await clock.advanceTo(at('2026-11-23T06:01:00Z'));
    await scheduler.idle();
    expect(requests).toEqual([{ reason: 'schedule', scheduledFor: at('2026-11-23T06:00:00Z') }]);
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.outcome, run.scheduledFor])).toEqual([
      ['skipped', '2026-11-23T06:00:00.000Z'],
      ['skipped', '2026-11-23T06:00:00.000Z'],
      ['ok', '2026-11-23T06:00:00.000Z'],
    ]);
    await scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('records a failing job as an error run and keeps scheduling', async () => {
    const clock = new FakeClock(at('2026-11-24T10:00:30Z'));
    let calls = 0;
    const scheduler = createScheduler(configWith({ cron: '* * * * *' }), {
      job: async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
      },
      clock,
    });
    await scheduler.start();
    await clock.advanceTo(at('2026-11-24T10:01:00Z'));
    await scheduler.idle();
    await clock.advanceTo(at('2026-11-24T10:02:00Z'));
    await scheduler.idle();
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.outcome, run.error?.message ?? null])).toEqual([
      ['error', 'disk full'],
      ['ok', null],
    ]);
    await scheduler.stop();
  });
});

describe('catch-up', () => {
  const weekly = { cron: '0 6 * * 1', timezone: 'Europe/Berlin' };

  async function seedLog(entries: RunLogEntry[]) {
    for (const entry of entries) await appendRun(statePaths(output).runLog, entry);
  }
  const okRun = (id: string, start: string, end: string): RunLogEntry[] => [
    { event: 'start', runId: id, at: start, reason: 'schedule', pid: 1, host: 'elsewhere' },
    { event: 'end', runId: id, at: end, outcome: 'ok', durationMs: Date.parse(end) - Date.parse(start) },
  ];

  it('runs once for the missed Monday, however many Mondays were missed, and not again on the next start', async () => {
    // Last run 2026-11-02; Mondays 11-09, 11-16 and 11-23 were all missed.
    await seedLog(okRun('r1', '2026-11-02T05:00:00.000Z', '2026-11-02T05:01:00.000Z'));
    const clock = new FakeClock(at('2026-11-25T12:00:00Z'));
    const requests: JobRequest[] = [];
    const config = configWith(weekly);
    const first = createScheduler(config, { job: async (request) => void requests.push(asked(request)), clock });
    const { catchUp } = await first.start();
    expect(catchUp).toMatchObject({ outcome: 'ok', reason: 'catch-up', scheduledFor: '2026-11-23T05:00:00.000Z' });
    expect(requests).toEqual([{ reason: 'catch-up', scheduledFor: at('2026-11-23T05:00:00Z') }]);
    expect(first.nextRun()?.toISOString()).toBe('2026-11-30T05:00:00.000Z');
    await first.stop();

    await clock.advanceTo(at('2026-11-25T13:00:00Z'));
    const second = createScheduler(config, { job: async (request) => void requests.push(asked(request)), clock });
    expect((await second.start()).catchUp).toBeNull();
    expect(requests).toHaveLength(1);
    await second.stop();
  });

  it('does not catch up when the last occurrence was run, on a first start, or with catchUp off', async () => {
    const clock = new FakeClock(at('2026-11-25T12:00:00Z'));
    const requests: JobRequest[] = [];
    const job = async (request: JobRequest) => void requests.push(asked(request));

    // First start: an empty log is not a miss.
    const fresh = createScheduler(configWith(weekly), { job, clock });
    expect((await fresh.start()).catchUp).toBeNull();
    await fresh.stop();

    // The 2026-11-23 occurrence did run.
    await rm(statePaths(output).runLog);
    await seedLog(okRun('r2', '2026-11-23T05:00:01.000Z', '2026-11-23T05:02:00.000Z'));
    const upToDate = createScheduler(configWith(weekly), { job, clock });
    expect((await upToDate.start()).catchUp).toBeNull();
    await upToDate.stop();

    // Missed, but catch-up is switched off.
    await rm(statePaths(output).runLog);
    await seedLog(okRun('r3', '2026-11-09T05:00:00.000Z', '2026-11-09T05:01:00.000Z'));
    const off = createScheduler(configWith({ ...weekly, catchUp: false }), { job, clock });
    expect((await off.start()).catchUp).toBeNull();
    await off.stop();
    expect(requests).toEqual([]);
  });

  it('catches up on an occurrence whose run was interrupted (kill -9, power cut), and tries a catch-up interrupted too again once per start until it finishes', async () => {
    // The Monday 2026-11-23 run started on this host and its process is gone without an `end` line.
    await seedLog([
      ...okRun('r1', '2026-11-16T05:00:00.000Z', '2026-11-16T05:01:00.000Z'),
      { event: 'scheduler-start', at: '2026-11-20T10:00:00.000Z', cron: weekly.cron, timezone: weekly.timezone, pid: 4_000_001, host: hostname() },
      { event: 'start', runId: 'r2', at: '2026-11-23T05:00:00.100Z', reason: 'schedule', pid: 4_000_001, host: hostname(), scheduledFor: '2026-11-23T05:00:00.000Z' },
    ]);
    const clock = new FakeClock(at('2026-11-23T05:10:00Z'));
    const requests: JobRequest[] = [];
    const isAlive = (pid: number) => pid === process.pid;
    // the restarted scheduler's catch-up is aborted by a signal (the second SIGTERM: exit 130)
    const aborted = async (request: JobRequest) => {
      requests.push(asked(request));
      throw new UptakeError('aborted', 'the run for 2026-W47 was aborted by SIGTERM; nothing more was published or delivered');
    };
    const stopped = createScheduler(configWith(weekly), { job: aborted, clock, isAlive });
    expect((await stopped.start()).catchUp).toMatchObject({ outcome: 'error', reason: 'catch-up', scheduledFor: '2026-11-23T05:00:00.000Z' });
    await stopped.stop();
    // ... and at the next start again: tried once per start
    await clock.advanceTo(at('2026-11-23T05:20:00Z'));
    const again = createScheduler(configWith(weekly), { job: aborted, clock, isAlive });
    expect((await again.start()).catchUps.map((result) => [result.outcome, result.scheduledFor])).toEqual([['error', '2026-11-23T05:00:00.000Z']]);
    await again.stop();
    // a failure of its own (not an abort) finishes it, as any failed run: the next start does not try it again
    await clock.advanceTo(at('2026-11-23T05:30:00Z'));
    const failing = createScheduler(configWith(weekly), { job: async (request) => { requests.push(asked(request)); throw new UptakeError('input', 'no data'); }, clock, isAlive });
    expect((await failing.start()).catchUp).toMatchObject({ outcome: 'error', reason: 'catch-up', scheduledFor: '2026-11-23T05:00:00.000Z' });
    await failing.stop();
    await clock.advanceTo(at('2026-11-23T05:40:00Z'));
    const done = createScheduler(configWith(weekly), { job: async (request) => void requests.push(asked(request)), clock, isAlive });
    expect((await done.start()).catchUp).toBeNull();
    await done.stop();
    expect(requests).toEqual(Array(3).fill({ reason: 'catch-up', scheduledFor: at('2026-11-23T05:00:00Z') }).map((request) => expect.objectContaining(request)));
    expect(JSON.parse(await readFile(statePaths(output).unfinishedRuns, 'utf8'))).toEqual({ version: 1, runs: [] });
    // a run of that occurrence still going (another scheduler, or a host of its own) is no miss
    expect(missedOccurrence([{ event: 'start', runId: 'r9', at: '2026-11-23T05:00:00.100Z', reason: 'schedule', pid: 4_000_003, host: 'elsewhere' }], scheduleCron(weekly), at('2026-11-23T05:10:00Z'), { isAlive })).toBeNull();
    // ... but one another run started after (it had lost the lock) was interrupted, as uptake status says: missed
    const otherHostThenKilledHere: RunLogEntry[] = [
      { event: 'start', runId: 'r9', at: '2026-11-23T05:00:00.100Z', reason: 'schedule', pid: 4_000_003, host: 'elsewhere' },
      { event: 'start', runId: 'r10', at: '2026-11-23T05:06:00.000Z', reason: 'manual', pid: 4_000_004, host: hostname() },
    ];
    expect(new Date(missedOccurrence(otherHostThenKilledHere, scheduleCron(weekly), at('2026-11-23T05:10:00Z'), { isAlive })!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('gives up a run begun three times without finishing (killed at each try): the next start says so, tells the channels, and does not run it', async () => {
    await seedLog(okRun('r1', '2026-11-16T05:00:00.000Z', '2026-11-16T05:01:00.000Z'));
    const clock = new FakeClock(at('2026-11-23T05:00:00Z'));
    const isAlive = (pid: number) => pid === process.pid;
    const requests: JobRequest[] = [];
    // each try is aborted (as a run the kernel kills for its memory never finishes either)
    const aborted = async (request: JobRequest) => {
      requests.push(asked(request));
      throw new UptakeError('aborted', 'the run for 2026-W47 was aborted by SIGTERM; nothing more was published or delivered');
    };
    // (the first start at 05:00 catches the occurrence up, and its tick runs it: two tries; a restart, the third)
    const first = createScheduler(configWith(weekly), { job: aborted, clock, isAlive });
    expect((await first.start()).catchUps.map((result) => result.outcome)).toEqual(['error']);
    await first.tick({ reason: 'schedule', scheduledFor: at('2026-11-23T05:00:00Z') });
    await first.stop();
    await clock.advanceTo(at('2026-11-23T05:10:00Z'));
    const again = createScheduler(configWith(weekly), { job: aborted, clock, isAlive });
    expect((await again.start()).catchUps.map((result) => result.outcome)).toEqual(['error']);
    await again.stop();
    expect(requests).toHaveLength(3);
    await clock.advanceTo(at('2026-11-23T05:30:00Z'));
    const lines: string[] = [];
    const notices: Array<[string, unknown]> = [];
    const last = createScheduler(configWith(weekly), {
      job: aborted,
      clock,
      isAlive,
      log: (line) => lines.push(line),
      onStartFailure: async (error, run) => void notices.push([(error as Error).message, run.scheduledFor]),
    });
    expect((await last.start()).catchUps).toEqual([]);
    await last.stop();
    expect(requests).toHaveLength(3);
    const givenUp = 'the run due 2026-11-23 06:00 Europe/Berlin (2026-11-23T05:00:00.000Z) did not finish in 3 tries (the last begun 2026-11-23T05:10:00.000Z); it is not tried again: see why in the run log (uptake status), then run that week by hand';
    expect(lines).toContain(`uptake schedule: ${givenUp}`);
    expect(notices).toEqual([[givenUp, at('2026-11-23T05:00:00Z')]]);
    expect(JSON.parse(await readFile(statePaths(output).unfinishedRuns, 'utf8'))).toEqual({ version: 1, runs: [] });
  });

  it('tells a retry where the interrupted try already sent the report, and runs an unfinished week before a newer missed one', async () => {
    await seedLog(okRun('r1', '2026-11-16T05:00:00.000Z', '2026-11-16T05:01:00.000Z'));
    const clock = new FakeClock(at('2026-11-23T05:00:00Z'));
    const isAlive = (pid: number) => pid === process.pid;
    // the 2026-11-23 run mails its report, then is aborted while it posts to Slack
    const first = createScheduler(configWith(weekly), {
      job: async (request) => {
        await request.onDelivered!('email');
        throw new UptakeError('aborted', 'the run for 2026-W47 was aborted by SIGTERM; nothing more was published or delivered');
      },
      clock,
      isAlive,
    });
    await first.start();
    await first.tick({ reason: 'schedule', scheduledFor: at('2026-11-23T05:00:00Z') });
    await first.stop();
    // the machine stays off over the next Monday
    await clock.advanceTo(at('2026-12-01T09:00:00Z'));
    const requests: JobRequest[] = [];
    const second = createScheduler(configWith(weekly), { job: async (request) => void requests.push(asked(request)), clock, isAlive });
    const { catchUps } = await second.start();
    await second.stop();
    expect(catchUps.map((result) => [result.outcome, result.scheduledFor])).toEqual([['ok', '2026-11-23T05:00:00.000Z'], ['ok', '2026-11-30T05:00:00.000Z']]);
    expect(requests).toEqual([
      { reason: 'catch-up', scheduledFor: at('2026-11-23T05:00:00Z'), deliveredBefore: ['email'] },
      { reason: 'catch-up', scheduledFor: at('2026-11-30T05:00:00Z') },
    ]);
  });

  it('counts a scheduler that was up before the occurrence, even with no run yet, as having missed it', async () => {
    const entries: RunLogEntry[] = [
      { event: 'scheduler-start', at: '2026-11-20T10:00:00.000Z', cron: weekly.cron, timezone: weekly.timezone, pid: 1, host: 'h' },
    ];
    const cron = scheduleCron(weekly);
    expect(new Date(missedOccurrence(entries, cron, at('2026-11-24T08:00:00Z'))!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(missedOccurrence(entries, cron, at('2026-11-22T08:00:00Z'))).toBeNull();
    expect(missedOccurrence([], cron, at('2026-11-24T08:00:00Z'))).toBeNull();
  });

  it('catches up although the log holds runs dated years ahead (the clock ran ahead then, and was set back)', () => {
    const entries: RunLogEntry[] = [
      { event: 'scheduler-start', at: '2026-11-20T10:00:00.000Z', cron: weekly.cron, timezone: weekly.timezone, pid: 1, host: 'h' },
      { event: 'start', runId: 'ahead', at: '2036-11-17T05:00:00.000Z', reason: 'schedule', pid: 1, host: 'h' },
      { event: 'end', runId: 'ahead', at: '2036-11-17T05:01:00.000Z', outcome: 'ok', durationMs: 60_000 },
    ];
    expect(new Date(missedOccurrence(entries, scheduleCron(weekly), at('2026-11-24T08:00:00Z'))!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('logs every scheduler start in the run log', async () => {
    const clock = new FakeClock(at('2026-11-25T12:00:00Z'));
    const scheduler = createScheduler(configWith(weekly), { job: async () => undefined, clock });
    await scheduler.start();
    await scheduler.stop();
    const entries = await readRunLog(statePaths(output).runLog);
    expect(entries).toEqual([
      { event: 'scheduler-start', at: '2026-11-25T12:00:00.000Z', cron: '0 6 * * 1', timezone: 'Europe/Berlin', pid: process.pid, host: hostname(), ...processIdentity(process.pid) },
    ]);
  });

  it.skipIf(processIdentity(process.pid).boot === undefined)('catches up on a run whose pid lives on as another process (reused after a reboot): it was interrupted, not running', () => {
    // the parent process lives, but it is not the run that started at this (earlier) tick
    const parent = processIdentity(process.ppid);
    const reused = { boot: parent.boot!, started: String(Number(parent.started) - 1) };
    const start: RunLogEntry = { event: 'start', runId: 'r1', at: '2026-11-23T05:00:00.100Z', reason: 'schedule', pid: process.ppid, host: hostname(), scheduledFor: '2026-11-23T05:00:00.000Z', ...reused };
    const cron = scheduleCron(weekly);
    expect(new Date(missedOccurrence([start], cron, at('2026-11-23T08:00:00Z'))!).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    // the very process: still running, nothing to catch up
    expect(missedOccurrence([{ ...start, ...parent }], cron, at('2026-11-23T08:00:00Z'))).toBeNull();
  });
});

describe('dead-man check while scheduling', () => {
  it('notifies once when no report succeeded for deadManDays, not again at the next hourly check', async () => {
    const log = statePaths(output).runLog;
    await appendRun(log, { event: 'start', runId: 'old', at: '2026-11-10T05:00:00.000Z', reason: 'schedule', pid: 1, host: 'elsewhere' });
    await appendRun(log, { event: 'end', runId: 'old', at: '2026-11-10T05:01:00.000Z', outcome: 'ok', durationMs: 60_000 });
    const clock = new FakeClock(at('2026-11-20T12:00:00Z'));
    const notices: DeadManResult[] = [];
    const scheduler = createScheduler(configWith({ cron: '0 6 * * 1', timezone: 'UTC', deadManDays: 8, catchUp: false }), {
      job: async () => undefined,
      clock,
      notifier: async (result) => void notices.push(result),
      deadManEveryMs: 3_600_000,
    });
    await scheduler.start();
    expect(notices.map((notice) => notice.lastSuccessAt)).toEqual(['2026-11-10T05:01:00.000Z']);
    await clock.advanceTo(at('2026-11-20T13:00:00Z'));
    await scheduler.idle();
    await clock.advanceTo(at('2026-11-20T14:00:00Z'));
    await scheduler.idle();
    expect(notices).toHaveLength(1);
    // The hourly check does run: with the episode record gone, the next one notifies again.
    await rm(statePaths(output).deadMan);
    await clock.advanceTo(at('2026-11-20T15:00:00Z'));
    await scheduler.idle();
    expect(notices).toHaveLength(2);
    await scheduler.stop();
  });
});
