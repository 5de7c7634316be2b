import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/local-servers.js';
import { appendRun, readRuns } from '../../src/automate/run-log.js';
import { statePaths } from '../../src/automate/state-paths.js';
import { descendants, eventually, sandbox, startUptake, stillRunning, type Sandbox } from '../helpers/uptake-process.js';
import { missedMondayInput } from '../helpers/missed-monday.js';
import { heldSlack } from '../helpers/held-slack.js';

// Real `uptake schedule` processes on the sandbox's fake kernel, killed for real.
let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

// The last Monday 06:00 UTC was missed (the scheduler was last up long before); its report is due for the week
// before, which the data ends with, exported an hour ago.
async function missedMonday(settings: object): Promise<{ config: string; due: string; scheduledFor: string }> {
  const input = join(box.dir, 'input');
  const { occurrence, due } = missedMondayInput(input);
  const config = join(box.dir, 'uptake.config.json');
  writeFileSync(config, JSON.stringify({ input, output: box.out, schedule: { cron: '0 6 * * 1', timezone: 'UTC' }, warehouse: { duckdbPath: null }, ...settings }));
  await appendRun(statePaths(box.out).runLog, { event: 'scheduler-start', at: '2026-01-01T00:00:00.000Z', cron: '0 6 * * 1', timezone: 'UTC', pid: 1, host: 'x' });
  return { config, due, scheduledFor: new Date(occurrence).toISOString() };
}

describe('uptake schedule: a catch-up run killed mid-way', () => {
  it('is tried again at the next start, once, and then not again', async () => {
    const { config, due, scheduledFor } = await missedMonday({});

    // 1. The catch-up run is killed (kill -9: no end in the run log, nothing said)
    const killed = startUptake(['schedule', '--config', config, '--no-deliver'], box.env);
    await killed.waitFor(/^\[1\/7\] ingest \.\.\.$/);
    const children = descendants(killed.child.pid!);
    process.kill(killed.child.pid!, 'SIGKILL');
    await killed.child;
    expect(await eventually(() => stillRunning(children).length === 0)).toBe(true);
    expect(existsSync(join(box.out, due))).toBe(false);

    // 2. The next start tries that week again, and publishes it
    const restarted = startUptake(['schedule', '--config', config, '--no-deliver'], box.env);
    await restarted.waitFor(/^uptake schedule: waiting \(Ctrl-C to stop\)$/);
    process.kill(restarted.child.pid!, 'SIGTERM');
    expect((await restarted.child).exitCode).toBe(0);
    expect(restarted.lines.find((line) => line.includes('did not finish'))).toMatch(new RegExp(`^uptake schedule: the run due \\S+ \\S+ UTC \\(${scheduledFor.replace(/[.]/g, '\\.')}\\) \\(begun \\S+\\) did not finish; trying it again once$`));
    expect(readdirSync(join(box.out, due))).toContain('manifest.json');
    const runs = await readRuns(statePaths(box.out).runLog);
    expect(runs.map((run) => [run.reason, run.outcome, run.scheduledFor])).toEqual([['catch-up', 'interrupted', scheduledFor], ['catch-up', 'ok', scheduledFor]]);
    expect(JSON.parse(readFileSync(statePaths(box.out).unfinishedRuns, 'utf8'))).toEqual({ version: 1, runs: [] });

    // 3. ... and not again
    const third = startUptake(['schedule', '--config', config, '--no-deliver'], box.env);
    await third.waitFor(/^uptake schedule: waiting \(Ctrl-C to stop\)$/);
    process.kill(third.child.pid!, 'SIGTERM');
    expect((await third.child).exitCode).toBe(0);
    expect((await readRuns(statePaths(box.out).runLog)).length).toBe(2);
  }, 150_000);

  it('killed after it mailed the report (while Slack did not answer), is tried again without mailing it a second time', async () => {
    const smtp = await startSmtp();
    // Slack does not answer until told to
    const slack = await heldSlack();
    const { posts, webhookUrl } = slack;
    try {
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      const routes = { low: ['slack'], medium: ['slack'], high: ['slack'], critical: ['slack'] };
      const { config, due } = await missedMonday({ email, slack: { enabled: true, webhookUrl }, alerts: { routes } });
      const env = { ...box.env, TEST_SMTP_PASSWORD: 's3cret' };
      const reportMails = () => smtp.received.filter((mail) => mail.raw.toString().includes(`uptake-report-${due}.pdf`)).length;

      const killed = startUptake(['schedule', '--config', config], env);
      expect(await eventually(() => posts.length > 0, 60_000)).toBe(true);
      expect(reportMails()).toBe(1);
      process.kill(killed.child.pid!, 'SIGKILL');
      await killed.child;

      slack.answer();
      const restarted = startUptake(['schedule', '--config', config], env);
      await restarted.waitFor(/^uptake schedule: waiting \(Ctrl-C to stop\)$/);
      process.kill(restarted.child.pid!, 'SIGTERM');
      expect((await restarted.child).exitCode).toBe(0);
      expect(restarted.lines.find((line) => line.includes('did not finish'))).toMatch(/did not finish; trying it again once \(its report went out by email already and is not sent again\)$/);
      expect(restarted.lines).toContain('    email: the report is not sent again: an earlier try of this run, which was interrupted, sent it (or sent it whole and got no answer)');
      expect(reportMails()).toBe(1);
      // Slack, which had not taken it, gets the report now
      expect(posts.length).toBeGreaterThan(1);
      expect((await readRuns(statePaths(box.out).runLog)).map((run) => [run.reason, run.outcome])).toEqual([['catch-up', 'interrupted'], ['catch-up', 'ok']]);
    } finally {
      await slack.close();
      await smtp.close();
    }
  }, 150_000);
});
