import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, appendFile, readFile, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendRun, readRuns, readRunLog } from '../../src/automate/run-log.js';

let dir: string;
let log: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-runlog-'));
  log = join(dir, '.uptake', 'runs.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRuns', () => {
  it('joins start and end, and marks a start without end interrupted when its pid is gone', async () => {
    await appendRun(log, { event: 'start', runId: 'a', at: '2026-11-23T06:00:00.000Z', reason: 'schedule', pid: 11, host: 'box' });
    await appendRun(log, { event: 'start', runId: 'b', at: '2026-11-24T06:00:00.000Z', reason: 'watch', pid: 12, host: 'box', weeks: ['2026-W47'] });
    await appendRun(log, { event: 'end', runId: 'a', at: '2026-11-23T06:01:00.000Z', outcome: 'ok', durationMs: 60_000 });
    await appendRun(log, { event: 'start', runId: 'c', at: '2026-11-24T07:00:00.000Z', reason: 'manual', pid: 13, host: 'box' });
    const runs = await readRuns(log, { host: 'box', isAlive: (pid) => pid === 13 });
    expect(runs.map((run) => [run.runId, run.outcome, run.durationMs, run.weeks])).toEqual([
      ['a', 'ok', 60_000, []],
      ['b', 'interrupted', null, ['2026-W47']],
      ['c', 'running', null, []],
    ]);
  });

  it('marks a start on another host interrupted once a later run started (it had lost the lock), running before', async () => {
    await appendRun(log, { event: 'start', runId: 'killed', at: '2026-11-23T06:00:00.000Z', reason: 'schedule', pid: 11, host: 'ci-runner-1' });
    expect((await readRuns(log, { host: 'ci-runner-2', isAlive: () => false })).map((run) => run.outcome)).toEqual(['running']);
    await appendRun(log, { event: 'skipped', at: '2026-11-23T06:01:00.000Z', reason: 'schedule', why: 'busy' });
    await appendRun(log, { event: 'start', runId: 'next', at: '2026-11-23T06:10:00.000Z', reason: 'schedule', pid: 11, host: 'ci-runner-2' });
    const runs = await readRuns(log, { host: 'ci-runner-2', isAlive: () => true });
    expect(runs.map((run) => [run.runId, run.outcome])).toEqual([
      ['killed', 'interrupted'],
      [null, 'skipped'],
      ['next', 'running'],
    ]);
  });

  it('writes a record after a torn last line on a line of its own, and keeps every record after it readable', async () => {
    await appendRun(log, { event: 'skipped', at: '2026-11-24T06:00:00.000Z', reason: 'schedule', why: 'busy' });
    await appendFile(log, '{"event":"start","runId":"x","at":"2026-12-06T08:2');
    await appendRun(log, { event: 'start', runId: 'y', at: '2026-12-06T08:30:00.000Z', reason: 'manual', pid: 12, host: 'box' });
    await appendRun(log, { event: 'end', runId: 'y', at: '2026-12-06T08:31:00.000Z', outcome: 'ok', durationMs: 60_000 });
    expect((await readFile(log, 'utf8')).split('\n')).toEqual([
      '{"event":"skipped","at":"2026-11-24T06:00:00.000Z","reason":"schedule","why":"busy"}',
      '{"event":"start","runId":"x","at":"2026-12-06T08:2',
      '{"event":"start","runId":"y","at":"2026-12-06T08:30:00.000Z","reason":"manual","pid":12,"host":"box"}',
      '{"event":"end","runId":"y","at":"2026-12-06T08:31:00.000Z","outcome":"ok","durationMs":60000}',
      '',
    ]);
    expect((await readRuns(log)).map((run) => [run.runId, run.outcome])).toEqual([
      [null, 'skipped'],
      ['y', 'ok'],
    ]);
  });

  it('skips a torn last line and reads a missing log as empty', async () => {
    expect(await readRunLog(log)).toEqual([]);
    await appendRun(log, { event: 'skipped', at: '2026-11-24T06:00:00.000Z', reason: 'schedule', why: 'busy' });
    await appendFile(log, '{"event":"start","runId":"x","at":"2026-11-');
    const runs = await readRuns(log);
    expect(runs.map((run) => [run.outcome, run.why])).toEqual([['skipped', 'busy']]);
  });
});

describe('the run log of real uptake processes', () => {
  it('a run after a torn last line (a writer killed mid-line) shows in `uptake status`', async () => {
    await appendRun(log, { event: 'skipped', at: '2026-12-06T08:00:00.000Z', reason: 'schedule', why: 'busy' });
    await appendFile(log, '{"event":"start","runId":"x","at":"2026-12-06T08:2');
    const cli = join(process.cwd(), 'dist/cli/main.js');
    // No such input folder: the run starts under the lock, fails at once (exit 3) and logs both lines.
    const run = await execa('node', [cli, 'run', '--input', join(dir, 'nowhere'), '--out', dir, '--no-deliver', '--no-warehouse'], { reject: false, cwd: dir });
    expect(run.exitCode).toBe(3);
    await writeFile(join(dir, 'uptake.config.json'), JSON.stringify({ output: dir }));
    const status = await execa('node', [cli, 'status', '--json'], { reject: false, cwd: dir });
    expect(status.exitCode).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.total_runs).toBe(2);
    expect(report.runs.map((shown: { reason: string; outcome: string }) => [shown.reason, shown.outcome])).toEqual([
      ['manual', 'error'],
      ['schedule', 'skipped'],
    ]);
    expect(report.runs[0].error.exitCode).toBe(3);
  }, 60_000);
});
