import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadManCheck, notifyIfOverdue, startMonitoring, type DeadManResult } from '../../src/automate/dead-man.js';
import { appendRun, readRunLog, type RunLogEntry } from '../../src/automate/run-log.js';

const at = (iso: string) => Date.parse(iso);
const run = (id: string, end: string, outcome: 'ok' | 'error'): RunLogEntry[] => [
  { event: 'start', runId: id, at: end, reason: 'schedule', pid: 1, host: 'h' },
  { event: 'end', runId: id, at: end, outcome, durationMs: 0 },
];

describe('deadManCheck', () => {
  const log = [...run('a', '2026-11-10T06:00:00.000Z', 'ok'), ...run('b', '2026-11-17T06:00:00.000Z', 'error')];

  it('is overdue 9 days after the last success with an 8-day limit, even though a failed run came later', () => {
    const result = deadManCheck(log, { days: 8, now: at('2026-11-19T06:00:00Z') });
    expect(result).toEqual({
      overdue: true,
      days: 8,
      lastSuccessAt: '2026-11-10T06:00:00.000Z',
      monitoredSince: '2026-11-10T06:00:00.000Z',
      silentDays: 9,
      message: 'overdue: last successful report 2026-11-10T06:00:00.000Z (9 days ago; limit 8 days)',
    });
  });

  it('is fine 7 days after the last success', () => {
    expect(deadManCheck(log, { days: 8, now: at('2026-11-17T06:00:00Z') })).toMatchObject({ overdue: false, silentDays: 7 });
  });

  it('counts from the first log entry while there was never a success, and calls an empty log overdue', () => {
    const failures = run('x', '2026-11-20T00:00:00.000Z', 'error');
    expect(deadManCheck(failures, { days: 8, now: at('2026-11-23T00:00:00Z') })).toMatchObject({ overdue: false, silentDays: 3, lastSuccessAt: null });
    expect(deadManCheck(failures, { days: 8, now: at('2026-11-29T00:00:00Z') })).toMatchObject({ overdue: true, silentDays: 9 });
    expect(deadManCheck([], { days: 8, now: at('2026-11-29T00:00:00Z') })).toMatchObject({ overdue: true, silentDays: null });
  });

  it('does not count runs dated ahead of the clock (it was set back since): a success in 2036 does not silence the check for ten years', () => {
    const skewed = [...run('a', '2026-11-10T06:00:00.000Z', 'ok'), ...run('b', '2036-11-17T06:00:00.000Z', 'ok')];
    expect(deadManCheck(skewed, { days: 8, now: at('2026-11-20T06:00:00Z') })).toEqual({
      overdue: true,
      days: 8,
      lastSuccessAt: '2026-11-10T06:00:00.000Z',
      monitoredSince: '2026-11-10T06:00:00.000Z',
      silentDays: 10,
      message:
        "overdue: last successful report 2026-11-10T06:00:00.000Z (10 days ago; limit 8 days); 2 run-log entries are dated ahead of this machine's clock (the latest 2036-11-17T06:00:00.000Z) and not counted: was the clock set back?",
    });
    // every entry ahead: nothing is known to have succeeded
    expect(deadManCheck(run('b', '2036-11-17T06:00:00.000Z', 'ok'), { days: 8, now: at('2026-11-20T06:00:00Z') })).toMatchObject({ overdue: true, lastSuccessAt: null, silentDays: null });
    // a clock set back by an hour after a run is ordinary skew: that run counts
    expect(deadManCheck(run('c', '2026-11-20T07:00:00.000Z', 'ok'), { days: 8, now: at('2026-11-20T06:00:00Z') })).toMatchObject({ overdue: false, lastSuccessAt: '2026-11-20T07:00:00.000Z' });
  });
});

describe('notifyIfOverdue', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uptake-deadman-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('notifies once per silent episode and again after a success and a new silence', async () => {
    const sent: DeadManResult[] = [];
    const notify = async (result: DeadManResult) => void sent.push(result);
    const statePath = join(dir, 'dead-man.json');
    const first = run('a', '2026-11-10T06:00:00.000Z', 'ok');

    expect((await notifyIfOverdue(first, { days: 8, now: at('2026-11-19T06:00:00Z'), notify, statePath })).notified).toBe(true);
    expect((await notifyIfOverdue(first, { days: 8, now: at('2026-11-20T06:00:00Z'), notify, statePath })).notified).toBe(false);
    expect(sent).toHaveLength(1);

    const second = [...first, ...run('b', '2026-11-21T06:00:00.000Z', 'ok')];
    expect((await notifyIfOverdue(second, { days: 8, now: at('2026-11-22T06:00:00Z'), notify, statePath })).notified).toBe(false);
    expect((await notifyIfOverdue(second, { days: 8, now: at('2026-11-30T06:00:00Z'), notify, statePath })).notified).toBe(true);
    expect(sent.map((result) => result.lastSuccessAt)).toEqual(['2026-11-10T06:00:00.000Z', '2026-11-21T06:00:00.000Z']);
  });

  it('without a state path, notifies on every overdue check', async () => {
    let count = 0;
    const notify = async () => void count++;
    await notifyIfOverdue([], { days: 8, now: 0, notify });
    await notifyIfOverdue([], { days: 8, now: 0, notify });
    expect(count).toBe(2);
  });
});

describe('startMonitoring', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uptake-deadman-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one monitor-start line into a missing or empty log, from which the check counts, and none beside a counted entry', async () => {
    const log = join(dir, 'state', 'runs.jsonl');
    const started = await startMonitoring(log, await readRunLog(log), at('2026-11-20T09:00:00.000Z'));
    expect(await startMonitoring(log, await readRunLog(log), at('2026-11-21T09:00:00.000Z'))).toEqual(started);
    const entries = await readRunLog(log);
    expect(started).toEqual(entries);
    expect(entries).toMatchObject([{ event: 'monitor-start', at: '2026-11-20T09:00:00.000Z' }]);
    expect(deadManCheck(entries, { days: 8, now: at('2026-11-27T09:00:00.000Z') })).toMatchObject({ overdue: false, monitoredSince: '2026-11-20T09:00:00.000Z', silentDays: 7 });
    expect(deadManCheck(entries, { days: 8, now: at('2026-11-29T09:00:00.000Z') }).message).toBe(
      'overdue: no successful report since monitoring began 2026-11-20T09:00:00.000Z (9 days ago; limit 8 days)',
    );
  });

  it('starts the clock when every entry is dated ahead of the clock (they are not counted)', async () => {
    const log = join(dir, 'runs.jsonl');
    for (const entry of run('a', '2036-01-05T06:00:00.000Z', 'ok')) await appendRun(log, entry);
    expect(await startMonitoring(log, await readRunLog(log), at('2026-11-20T09:00:00.000Z'))).toEqual(await readRunLog(log));
    const check = deadManCheck(await readRunLog(log), { days: 8, now: at('2026-11-21T09:00:00.000Z') });
    expect(check).toMatchObject({ overdue: false, lastSuccessAt: null, monitoredSince: '2026-11-20T09:00:00.000Z' });
  });
});
