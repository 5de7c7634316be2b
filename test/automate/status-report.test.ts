import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/read-config.js';
import { appendRun } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { statusReport, formatStatus } from '../../src/automate/status-report.js';
import { writeWatchWaiting } from '../../src/automate/watch-waiting.js';
import { unfinishedRuns } from '../../src/automate/unfinished-runs.js';
import { runCli } from '../helpers/run-cli.js';

let output: string;
beforeEach(async () => {
  output = await mkdtemp(join(tmpdir(), 'uptake-status-'));
});
afterEach(async () => {
  await rm(output, { recursive: true, force: true });
});

describe('statusReport', () => {
  it('shows a running watcher and a running scheduler: pid, since, last run', async () => {
    const log = statePaths(output).runLog;
    const box = hostname(); // this host: whether a pid is alive can be checked
    await appendRun(log, { event: 'scheduler-start', at: '2026-11-16T04:00:00.000Z', cron: '0 6 * * 1', timezone: 'UTC', pid: 41, host: box });
    await appendRun(log, { event: 'watcher-start', at: '2026-11-16T04:10:00.000Z', dir: '/srv/incoming', pid: 42, host: box });
    await appendRun(log, { event: 'start', runId: 'w', at: '2026-11-17T08:00:00.000Z', reason: 'watch', pid: 42, host: box, weeks: ['2026-W46'] });
    await appendRun(log, { event: 'end', runId: 'w', at: '2026-11-17T08:01:00.000Z', outcome: 'ok', durationMs: 60_000 });
    const config = parseConfig({ output });
    const report = await statusReport(config, { now: Date.parse('2026-11-18T12:00:00Z'), last: 5, isAlive: (pid) => pid === 42 });
    expect(report.watcher).toEqual({ pid: 42, host: box, since: '2026-11-16T04:10:00.000Z', dir: '/srv/incoming', alive: true, last_run_at: '2026-11-17T08:00:00.000Z', waiting: [] });
    const text = formatStatus(report);
    // the scheduler that started here is gone: nothing here will start the next run
    expect(text).toContain(
      'Next scheduled run: none known: the scheduler (`uptake schedule`) is not running; its cron "0 6 * * 1" would start one at 2026-11-23 06:00 UTC (2026-11-23T06:00:00.000Z). A cron table or systemd timer running `uptake run` keeps its own times.',
    );
    expect(text).toContain(`Scheduler: not running (last started 2026-11-16T04:00:00.000Z as pid 41 on ${box}; last run none yet)`);
    expect(text).toContain(`Watcher: up (last started 2026-11-16T04:10:00.000Z as pid 42 on ${box}, watching /srv/incoming; last run 2026-11-17T08:00:00.000Z)`);
  });

  it('shows the scheduled runs that did not finish, which the next scheduler start tries again', async () => {
    const unfinished = unfinishedRuns(statePaths(output).unfinishedRuns);
    await unfinished.begin(Date.parse('2026-11-23T06:00:00Z'), Date.parse('2026-11-23T06:00:01Z'));
    await unfinished.delivered(Date.parse('2026-11-23T06:00:00Z'), 'email');
    // (its process is gone)
    const report = await statusReport(parseConfig({ output }), { now: Date.parse('2026-11-24T12:00:00Z'), last: 5, isAlive: () => false });
    expect(report.unfinished).toEqual([{ scheduled_for: '2026-11-23T06:00:00.000Z', since: '2026-11-23T06:00:01.000Z', delivered: ['email'] }]);
    expect(formatStatus(report)).toContain('Unfinished: the run due 2026-11-23T06:00:00.000Z (begun 2026-11-23T06:00:01.000Z; its report went out by email, which do not get it again) did not finish; `uptake schedule` tries it again when it next starts');
    // while it runs it is no unfinished run
    expect((await statusReport(parseConfig({ output }), { now: Date.parse('2026-11-24T12:00:00Z'), last: 5, isAlive: () => true })).unfinished).toEqual([]);
  });

  it('shows the last N runs, newest first, and none for --last 0 (it showed every run)', async () => {
    const log = statePaths(output).runLog;
    for (const id of ['a', 'b', 'c']) {
      await appendRun(log, { event: 'start', runId: id, at: `2026-11-1${['a', 'b', 'c'].indexOf(id) + 5}T06:00:00.000Z`, reason: 'manual', pid: 7, host: 'elsewhere' });
    }
    const config = parseConfig({ output });
    const shown = async (last: number) => (await statusReport(config, { now: Date.parse('2026-11-18T12:00:00Z'), last, isAlive: () => false })).runs.map((run) => run.run_id);
    expect(await shown(2)).toEqual(['c', 'b']);
    expect(await shown(5)).toEqual(['c', 'b', 'a']);
    expect(await shown(0)).toEqual([]);
  });

  it("shows the files the running watcher waits for, and not a list a watcher that is gone left behind", async () => {
    const box = hostname();
    await appendRun(statePaths(output).runLog, { event: 'watcher-start', at: '2026-11-16T04:10:00.000Z', dir: '/srv/incoming', pid: 42, host: box });
    const cut = { file: 'ai_logs_cut.csv', since: '2026-11-18T09:00:00.000Z', why: 'its last record has 4 of 11 fields and no line end', read_as_is_at: '2026-11-18T09:10:00.000Z' };
    const copying = { file: 'manual_logs_2026-W47.csv', since: '2026-11-18T09:05:00.000Z', why: 'it was modified less than 1000 ms ago', read_as_is_at: null };
    await writeWatchWaiting(statePaths(output).watchWaiting, { pid: 42, host: box, at: '2026-11-18T09:05:01.000Z', waiting: [cut, copying] });
    const config = parseConfig({ output });
    const now = Date.parse('2026-11-18T09:06:00Z');
    const report = await statusReport(config, { now, last: 5, isAlive: (pid) => pid === 42 });
    expect(report.watcher?.waiting).toEqual([cut, copying]);
    const text = formatStatus(report);
    expect(text).toContain(
      `Watcher: up (last started 2026-11-16T04:10:00.000Z as pid 42 on ${box}, watching /srv/incoming; last run none yet)\n` +
        '  waiting for ai_logs_cut.csv since 2026-11-18T09:00:00.000Z: its last record has 4 of 11 fields and no line end (left out of the reports built meanwhile; read as it is at 2026-11-18T09:10:00.000Z unless completed first)\n' +
        '  waiting for manual_logs_2026-W47.csv since 2026-11-18T09:05:00.000Z: it was modified less than 1000 ms ago (left out of the reports built meanwhile)',
    );
    // The watcher was killed (its pid is gone), or another one started since: its list is not shown.
    expect((await statusReport(config, { now, last: 5, isAlive: () => false })).watcher?.waiting).toEqual([]);
    await appendRun(statePaths(output).runLog, { event: 'watcher-start', at: '2026-11-18T09:05:30.000Z', dir: '/srv/incoming', pid: 43, host: box });
    expect((await statusReport(config, { now, last: 5, isAlive: () => true })).watcher?.waiting).toEqual([]);
  });

  it('lists the last runs newest first, the next occurrence in the zone, and the dead-man state', async () => {
    const log = statePaths(output).runLog;
    await appendRun(log, { event: 'scheduler-start', at: '2026-11-16T04:00:00.000Z', cron: '0 6 * * 1', timezone: 'Europe/Berlin', pid: 1, host: 'box' });
    await appendRun(log, { event: 'start', runId: 'a', at: '2026-11-16T05:00:00.000Z', reason: 'schedule', pid: 1, host: 'box', scheduledFor: '2026-11-16T05:00:00.000Z' });
    await appendRun(log, { event: 'end', runId: 'a', at: '2026-11-16T05:01:30.000Z', outcome: 'ok', durationMs: 90_000, result: { week: '2026-W46', outDir: 'output/2026-W46' } });
    await appendRun(log, { event: 'start', runId: 'b', at: '2026-11-23T05:00:00.000Z', reason: 'schedule', pid: 1, host: 'box' });
    await appendRun(log, { event: 'end', runId: 'b', at: '2026-11-23T05:00:05.000Z', outcome: 'error', durationMs: 5000, error: { kind: 'input', message: 'data: no ai_logs file', exitCode: 3 } });
    await appendRun(log, { event: 'skipped', at: '2026-11-23T05:00:01.000Z', reason: 'manual', why: 'busy' });
    const config = parseConfig({ output, schedule: { cron: '0 6 * * 1', timezone: 'Europe/Berlin', deadManDays: 8 } });

    const report = await statusReport(config, { now: Date.parse('2026-11-25T12:00:00Z'), last: 2, isAlive: () => false });
    expect(report.total_runs).toBe(3);
    expect(report.runs.map((run) => [run.run_id, run.reason, run.outcome])).toEqual([
      [null, 'manual', 'skipped'],
      ['b', 'schedule', 'error'],
    ]);
    expect(report.next_run).toEqual({ at: '2026-11-30T05:00:00.000Z', local: '2026-11-30 06:00', timezone: 'Europe/Berlin', cron: '0 6 * * 1', scheduled: false });
    expect(report.scheduler).toMatchObject({ pid: 1, host: 'box', since: '2026-11-16T04:00:00.000Z' });
    expect(report.lock).toBeNull();
    // 9.3 days since the last success (2026-11-16 05:01:30) with an 8-day limit.
    expect(report.dead_man).toMatchObject({ overdue: true, last_success_at: '2026-11-16T05:01:30.000Z', silent_days: 9.3 });

    const text = formatStatus(await statusReport(config, { now: Date.parse('2026-11-20T12:00:00Z'), last: 10, isAlive: () => false }));
    expect(text).toContain('2026-11-23 05:00:00Z  schedule  error');
    expect(text).toContain('input: data: no ai_logs file');
    expect(text).toMatch(/2026-11-16 05:00:00Z {2}schedule {2}ok {7}90\.0 s {4}2026-W46/);
    // the scheduler started on another host ('box'): whether it is up cannot be told from here (it was taken as up for good)
    expect(text).toContain(
      'Next scheduled run: none known: the scheduler (`uptake schedule`) last started on box, another host, which cannot be checked from here; its cron "0 6 * * 1" would start one at 2026-11-23 06:00 Europe/Berlin (2026-11-23T05:00:00.000Z).',
    );
    expect(text).toContain('Scheduler: on another host, not checked from here (last started 2026-11-16T04:00:00.000Z as pid 1 on box;');
    expect(text).toContain('Dead-man check (8 days): ok: last successful report 2026-11-16T05:01:30.000Z (4.3 days ago; limit 8 days)');
  });

  it('gives each run the weeks the text shows: a run asked for `latest` (by hand, scheduled) or a watch batch takes them from its result', async () => {
    const log = statePaths(output).runLog;
    const box = hostname();
    // `uptake run` (reason manual) starts without weeks; its result names the week it resolved to
    await appendRun(log, { event: 'start', runId: 'hand', at: '2026-11-23T09:00:00.000Z', reason: 'manual', pid: 7, host: box });
    await appendRun(log, { event: 'end', runId: 'hand', at: '2026-11-23T09:01:00.000Z', outcome: 'ok', durationMs: 60_000, result: { status: 'ok', week: '2026-W47', outDir: '/srv/out/2026-W47' } });
    await appendRun(log, { event: 'start', runId: 'many', at: '2026-11-24T09:00:00.000Z', reason: 'watch', pid: 7, host: box, weeks: [] });
    await appendRun(log, { event: 'end', runId: 'many', at: '2026-11-24T09:01:00.000Z', outcome: 'ok', durationMs: 60_000, result: { reports: [{ week: '2026-W46' }, { week: '2026-W47' }] } });
    await appendRun(log, { event: 'start', runId: 'asked', at: '2026-11-25T09:00:00.000Z', reason: 'watch', pid: 7, host: box, weeks: ['2026-W45'] });
    await appendRun(log, { event: 'end', runId: 'asked', at: '2026-11-25T09:01:00.000Z', outcome: 'ok', durationMs: 60_000, result: { week: '2026-W47' } });
    await appendRun(log, { event: 'start', runId: 'failed', at: '2026-11-26T09:00:00.000Z', reason: 'manual', pid: 7, host: box });
    await appendRun(log, { event: 'end', runId: 'failed', at: '2026-11-26T09:00:05.000Z', outcome: 'error', durationMs: 5000, error: { kind: 'input', message: 'no file', exitCode: 3 } });
    const report = await statusReport(parseConfig({ output }), { now: Date.parse('2026-11-27T12:00:00Z'), last: 10, isAlive: () => false });
    expect(report.runs.map((run) => [run.run_id, run.weeks])).toEqual([
      ['failed', []],
      ['asked', ['2026-W45']],
      ['many', ['2026-W46', '2026-W47']],
      ['hand', ['2026-W47']],
    ]);
    // the JSON and the text say the same
    const text = formatStatus(report);
    expect(text).toMatch(/2026-11-23 09:00:00Z {2}manual {2}ok {7}60\.0 s {4}2026-W47$/m);
    expect(text).toMatch(/2026-11-24 09:00:00Z {2}watch {3}ok {7}60\.0 s {4}2026-W46 2026-W47/);
    // and so does `uptake status --json` of the built CLI
    const cli = await runCli(['status', '--json', '--out', output]);
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as { runs: Array<{ run_id: string; weeks: string[] }> }).runs.find((run) => run.run_id === 'hand')?.weeks).toEqual(['2026-W47']);
  });

  it('calls the next run scheduled only while a scheduler is up, by the cron it was started with', async () => {
    const log = statePaths(output).runLog;
    const config = parseConfig({ output, schedule: { cron: '0 6 * * 1', timezone: 'UTC' } });
    const now = Date.parse('2026-11-18T12:00:00Z');
    const never = formatStatus(await statusReport(config, { now, last: 5 }));
    expect(never).toContain(
      'Next scheduled run: none known: no `uptake schedule` has been started here; its cron "0 6 * * 1" would start one at 2026-11-23 06:00 UTC (2026-11-23T06:00:00.000Z).',
    );
    expect(never).not.toContain('cron "0 6 * * 1"\n');
    // up, started before the config's cron changed to Fridays: it still follows Mondays at 7 in Berlin
    await appendRun(log, { event: 'scheduler-start', at: '2026-11-16T04:00:00.000Z', cron: '0 7 * * 1', timezone: 'Europe/Berlin', pid: 41, host: hostname() });
    const friday = parseConfig({ output, schedule: { cron: '0 6 * * 5', timezone: 'UTC' } });
    const up = await statusReport(friday, { now, last: 5, isAlive: (pid) => pid === 41 });
    expect(up.next_run).toEqual({ at: '2026-11-23T06:00:00.000Z', local: '2026-11-23 07:00', timezone: 'Europe/Berlin', cron: '0 7 * * 1', scheduled: true });
    expect(formatStatus(up)).toContain('Next scheduled run: 2026-11-23 07:00 Europe/Berlin (2026-11-23T06:00:00.000Z), cron "0 7 * * 1"\n');
  });
});
