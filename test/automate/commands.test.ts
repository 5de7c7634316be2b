import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRunLog, readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { appendRun } from '../../src/automate/run-log.js';

// Runs the built CLI (`npm run build` first): dist/cli/main.js.
const cli = join(process.cwd(), 'dist/cli/main.js');
let dir: string;
let config: string;
let output: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-automate-cli-'));
  output = join(dir, 'output');
  config = join(dir, 'uptake.config.json');
  await writeFile(config, JSON.stringify({ output, input: join(dir, 'missing'), schedule: { cron: '0 6 * * 1', deadManDays: 8 } }));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('uptake status', () => {
  it('--check on a fresh install starts the clock (exit 0), exits 11 once the limit passes without a report, and 0 after a recent success', async () => {
    // plain status writes nothing
    await execa('node', [cli, 'status', '--config', config]);
    expect(await readRunLog(statePaths(output).runLog)).toEqual([]);

    const first = await execa('node', [cli, 'status', '--config', config, '--check', '--json'], { reject: false });
    expect(first.exitCode).toBe(0);
    const entries = await readRunLog(statePaths(output).runLog);
    expect(entries.map((entry) => entry.event)).toEqual(['monitor-start']);
    expect(JSON.parse(first.stdout).dead_man).toMatchObject({ overdue: false, last_success_at: null, monitored_since: entries[0].at, silent_days: 0 });
    // a second check writes nothing more
    await execa('node', [cli, 'status', '--config', config, '--check']);
    expect(await readRunLog(statePaths(output).runLog)).toHaveLength(1);

    // nine days after monitoring began, still no report: overdue
    await rm(statePaths(output).runLog);
    const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000).toISOString();
    await appendRun(statePaths(output).runLog, { event: 'monitor-start', at: nineDaysAgo, host: 'x' });
    const overdue = await execa('node', [cli, 'status', '--config', config, '--check'], { reject: false });
    expect(overdue.exitCode).toBe(11);
    expect(overdue.stderr).toContain(`dead-man check overdue: no successful report since monitoring began ${nineDaysAgo} (9 days ago; limit 8 days)`);

    const now = new Date().toISOString();
    await appendRun(statePaths(output).runLog, { event: 'start', runId: 'r', at: now, reason: 'manual', pid: 1, host: 'x' });
    await appendRun(statePaths(output).runLog, { event: 'end', runId: 'r', at: now, outcome: 'ok', durationMs: 10 });
    const fine = await execa('node', [cli, 'status', '--config', config, '--check', '--json'], { reject: false });
    expect(fine.exitCode).toBe(0);
    const report = JSON.parse(fine.stdout);
    expect(report.dead_man).toMatchObject({ overdue: false, last_success_at: now });
    expect(report.runs.map((run: { run_id: string; outcome: string }) => [run.run_id, run.outcome])).toEqual([['r', 'ok']]);
  });
});

// Every time the command opens the run log to read it, from the system calls of the real process (strace).
async function runLogReads(args: string[]): Promise<{ reads: number; exitCode: number | undefined; stdout: string }> {
  const trace = join(dir, 'trace');
  const result = await execa('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', trace, 'node', cli, ...args], { reject: false });
  const { readFile } = await import('node:fs/promises');
  const opens = (await readFile(trace, 'utf8')).split('\n').filter((line) => line.includes(statePaths(output).runLog));
  return { reads: opens.filter((line) => !/O_WRONLY|O_RDWR/.test(line)).length, exitCode: result.exitCode, stdout: result.stdout };
}

const hasStrace = (await execa('strace', ['-V'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

describe.skipIf(!hasStrace)('uptake status reads the run log once', () => {
  it('--check --notify over an overdue log: once (the dead-man start, the report and the notice share it)', async () => {
    const log = statePaths(output).runLog;
    await appendRun(log, { event: 'start', runId: 'a', at: '2026-10-01T05:00:00.000Z', reason: 'manual', pid: 1, host: 'elsewhere' });
    await appendRun(log, { event: 'end', runId: 'a', at: '2026-10-01T05:01:00.000Z', outcome: 'ok', durationMs: 60_000, result: { week: '2026-W39' } });
    const overdue = await runLogReads(['status', '--config', config, '--check', '--notify', '--json']);
    expect(overdue.exitCode).toBe(11);
    expect(JSON.parse(overdue.stdout).runs[0].weeks).toEqual(['2026-W39']);
    expect(overdue.reads).toBe(1);
    // plain status too
    expect((await runLogReads(['status', '--config', config])).reads).toBe(1);
  });

  it('--check --notify on a fresh install: read once, the monitor-start line written, and the report counts from it', async () => {
    const fresh = await runLogReads(['status', '--config', config, '--check', '--notify', '--json']);
    expect(fresh.exitCode).toBe(0);
    expect(fresh.reads).toBe(1);
    const entries = await readRunLog(statePaths(output).runLog);
    expect(entries.map((entry) => entry.event)).toEqual(['monitor-start']);
    expect(JSON.parse(fresh.stdout).dead_man).toMatchObject({ overdue: false, monitored_since: entries[0].at, silent_days: 0 });
  });
});

describe.skipIf(!hasStrace)('uptake schedule reads the run log once at its start', () => {
  it('the start and its dead-man check share one reading', async () => {
    const log = statePaths(output).runLog;
    await appendRun(log, { event: 'start', runId: 'a', at: '2026-10-01T05:00:00.000Z', reason: 'manual', pid: 1, host: 'elsewhere' });
    await appendRun(log, { event: 'end', runId: 'a', at: '2026-10-01T05:01:00.000Z', outcome: 'ok', durationMs: 60_000 });
    await writeFile(config, JSON.stringify({ output, input: join(dir, 'missing'), schedule: { cron: '0 6 1 1 *', deadManDays: 8, catchUp: false } }));
    const trace = join(dir, 'trace');
    const tracer = execa('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', trace, 'node', cli, 'schedule', '--config', config], { reject: false });
    let stderr = '';
    // the overdue notice (no channels: on stderr) is the dead-man check's last word at the start
    await new Promise<void>((resolve) => {
      tracer.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (stderr.includes('uptake schedule: dead-man notice sent')) resolve();
      });
      void tracer.then(() => resolve());
    });
    const { execaSync } = await import('execa');
    const node = Number(execaSync('pgrep', ['-P', String(tracer.pid)]).stdout.trim());
    process.kill(node, 'SIGTERM');
    await tracer;
    expect(stderr).toContain('uptake schedule: dead-man notice sent: overdue: last successful report 2026-10-01T05:01:00.000Z');
    const { readFile } = await import('node:fs/promises');
    const reads = (await readFile(trace, 'utf8')).split('\n').filter((line) => line.includes(log) && !/O_WRONLY|O_RDWR/.test(line));
    expect(reads).toHaveLength(1);
  }, 60_000);
});

describe('uptake schedule --once-now', () => {
  it('runs the job once under the lock, logs the failure, and exits with its code', async () => {
    const result = await execa('node', [cli, 'schedule', '--config', config, '--once-now', '--no-deliver'], { reject: false });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('missing: expected an input folder');
    const runs = await readRuns(statePaths(output).runLog);
    expect(runs.map((run) => [run.reason, run.outcome, run.error?.kind])).toEqual([['manual', 'error', 'input']]);
  });

  it('rejects a malformed cron as a config error (exit 4)', async () => {
    await writeFile(config, JSON.stringify({ output, schedule: { cron: 'mondays' } }));
    const result = await execa('node', [cli, 'schedule', '--config', config, '--once-now'], { reject: false });
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toContain('`schedule.cron`: expected a cron expression');
  });
});

describe('uptake watch', () => {
  it('refuses a folder that does not exist (exit 3)', async () => {
    const result = await execa('node', [cli, 'watch', join(dir, 'nope'), '--config', config], { reject: false });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('nope: expected a folder to watch, but it does not exist');
  });
});
