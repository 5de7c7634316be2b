import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeekOf, shiftWeek } from '../../src/util/iso-week.js';
import { startReceiver, startSmtp } from '../deliver/local-servers.js';
import { makeFifo } from '../helpers/special-files.js';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

describe('uptake run with a failing notebook cell', () => {
  it('exits 5, keeps the partial notebook under <out>/.uptake/failed/<week>/ and names it', async () => {
    const uptake = startUptake(['run', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook('fail'), '--no-deliver', '--no-warehouse'], box.env);
    const result = await uptake.child;
    expect(result.exitCode).toBe(5);
    const kept = join(box.out, '.uptake', 'failed', '2026-W47', 'report.ipynb');
    expect(result.stderr).toContain(`FakeError: the cell failed; the partial notebook is in ${kept}`);
    const partial = JSON.parse(readFileSync(kept, 'utf8'));
    expect(partial.cells.at(-1).outputs).toEqual([expect.objectContaining({ output_type: 'error', ename: 'FakeError', evalue: 'the cell failed' })]);
    expect(existsSync(join(box.out, '2026-W47'))).toBe(false);
    expect(readdirSync(box.out).filter((name) => name.startsWith('.2026'))).toEqual([]);
  }, 60_000);
});

describe('uptake run --week due (for cron and timers)', () => {
  it("fails with exit 3 and publishes nothing while last week's export has not arrived; --week latest would send the week before again", async () => {
    // the sample ends with 2026-W47; the week before this one (UTC, the default timezone) is later
    const due = shiftWeek(isoWeekOf(Date.now(), 'UTC'), -1);
    const run = await startUptake(['run', '--week', 'DUE', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook(0), '--no-deliver', '--no-warehouse', '--no-store'], box.env).child;
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`uptake: expected the data to hold ${due} whole (the week this run is due to report), but its latest complete week is 2026-W47: the export of ${due} has not arrived, or not all of it; nothing was published or delivered`);
    expect(readdirSync(box.out).filter((name) => /^\.?2026-W/.test(name))).toEqual([]);
  }, 60_000);
});

describe('uptake status --out', () => {
  it('reads the run log of the folder `run --out` was given, not the config\'s output', async () => {
    const run = await startUptake(['run', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook(0), '--no-deliver', '--no-warehouse', '--no-store'], box.env).child;
    expect(run.exitCode).toBe(0);
    const status = await startUptake(['status', '--out', box.out, '--json'], box.env).child;
    expect(status.exitCode).toBe(0);
    const report = JSON.parse(String(status.stdout)) as { run_log: string; runs: Array<{ outcome: string; result: { week: string } | null }> };
    expect(report.run_log).toBe(join(box.out, '.uptake', 'runs.jsonl'));
    expect(report.runs.map((entry) => [entry.outcome, entry.result?.week])).toEqual([['ok', '2026-W47']]);
  }, 60_000);
});

describe('uptake run whose alerts cannot be delivered', () => {
  it('publishes and mails the report, then exits 13, and `uptake status` shows the failure', async () => {
    const smtp = await startSmtp();
    try {
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      const env = { ...box.env, TEST_SMTP_PASSWORD: 's3cret' };
      // Every alert is routed to Slack, which is not configured: they reach nobody.
      const routes = { low: ['slack'], medium: ['slack'], high: ['slack'], critical: ['slack'] };
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, email, alerts: { routes }, warehouse: { duckdbPath: null } }));
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0)], env).child;
      expect(run.exitCode).toBe(13);
      expect(run.stderr).toMatch(/uptake: the report for 2026-W47 was published and delivered, but \d+ alerts? could not be delivered \(slack: alerts.routes sends alerts to slack, but slack.enabled is false\); they are retried on the next run/);
      expect(readdirSync(join(box.out, '2026-W47'))).toContain('report.pdf');
      expect(smtp.received).toHaveLength(1); // the report; no failure notice, since the report went out

      const status = await startUptake(['status', '--config', config], env).child;
      expect(status.exitCode).toBe(0);
      expect(status.stdout).toContain('Alerts: the last run (');
      expect(status.stdout).toMatch(/could not deliver alerts: the report for 2026-W47 was published and delivered, but \d+ alerts? could not be delivered/);
    } finally {
      await smtp.close();
    }
  }, 90_000);
});

describe('uptake run that cannot start', () => {
  it('tells the channels that it failed (its output root is a file): the dead-man check would have said so days later', async () => {
    const slack = await startReceiver([{ status: 200, body: 'ok' }]);
    try {
      const output = join(box.dir, 'not-a-folder');
      writeFileSync(output, 'a file where the output folder should be\n');
      const config = join(box.dir, 'uptake.config.json');
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output, slack: { enabled: true, webhookUrl: slack.url }, warehouse: { duckdbPath: null } }));
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0)], box.env).child;
      expect(run.exitCode).toBe(12);
      const texts = slack.bodies.map((body) => String((body as { text?: string }).text ?? JSON.stringify(body)));
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('the run FAILED');
      expect(texts[0]).toContain('The run could not start; no report was sent.');
      expect(texts[0]).toContain(output);
    } finally {
      await slack.close();
    }
  }, 60_000);
});

describe('uptake run whose alert ledger it cannot use', () => {
  it.each([
    ['a FIFO', (ledger: string) => makeFifo(ledger), 'expected the alert ledger to be a regular file, got a named pipe (FIFO); move it away or name another path'],
    ['not a ledger', (ledger: string) => writeFileSync(ledger, '{"broken'), 'expected an uptake alert ledger (JSON, version 1), got unreadable content; move the file away to start afresh'],
  ])('(%s) exits 12 before any work and mails only the failure notice, not the report and then a notice that the run failed', async (_, make, message) => {
    const smtp = await startSmtp();
    try {
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, email, warehouse: { duckdbPath: null } }));
      const ledger = join(box.out, '.uptake', 'alert-ledger.json');
      mkdirSync(join(box.out, '.uptake'), { recursive: true });
      make(ledger);
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-store'], { ...box.env, TEST_SMTP_PASSWORD: 's3cret' }).child;
      expect(run.exitCode).toBe(12);
      expect(run.stderr).toContain(`uptake: ${ledger}: ${message}`);
      expect(run.stderr).not.toContain('[1/7] ingest');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].raw.toString('utf8')).toContain('the run FAILED');
      expect(readdirSync(box.out).filter((name) => /^\.?2026-W/.test(name))).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});

describe('uptake run --week naming a week without data', () => {
  it('exits 2 and tells the person who typed it, not the channels (no "the run FAILED" to everyone)', async () => {
    const slack = await startReceiver([{ status: 200, body: 'ok' }]);
    try {
      const config = join(box.dir, 'uptake.config.json');
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, slack: { enabled: true, webhookUrl: slack.url }, warehouse: { duckdbPath: null } }));
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0), '--no-store', '--week', '2026-W30'], box.env).child;
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('uptake: --week: expected a week that holds data, got `2026-W30`; weeks available: 2026-W40');
      expect(slack.bodies).toEqual([]);
    } finally {
      await slack.close();
    }
  }, 60_000);
});

describe('uptake run whose mail server is down', () => {
  it('still posts the report and the alerts to Slack, then exits 7 naming the mail failure and what went out', async () => {
    const slack = await startReceiver([{ status: 200, body: 'ok' }]);
    const closed = await startSmtp();
    const port = closed.port;
    await closed.close(); // nothing listens on this port now
    try {
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port, to: ['ops@example.test'], retry: { attempts: 1 } };
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, email, slack: { enabled: true, webhookUrl: slack.url }, warehouse: { duckdbPath: null } }));
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0)], box.env).child;
      expect(run.exitCode).toBe(7);
      expect(run.stderr).toMatch(/uptake: SMTP 127\.0\.0\.1:\d+: could not send "AI adoption report 2026-W47: high: Adoption dropped \(Procurement\) \+8 more"/);
      const texts = slack.bodies.map((body) => String((body as { text?: string }).text ?? JSON.stringify(body)));
      expect(texts).toHaveLength(3); // the week's message, the alerts, then the notice that the mail failed
      expect(texts[0]).toContain('2026-W47');
      expect(texts[0]).not.toContain('FAILED');
      expect(texts[1]).toMatch(/^\*AI adoption report 2026-W47: 9 alerts\*/);
      expect(texts[2]).toContain('the run FAILED');
      expect(texts[2]).toContain('The report was published; Slack received it, email did not.');
      const ledger = JSON.parse(readFileSync(join(box.out, '.uptake', 'alert-ledger.json'), 'utf8'));
      const delivered = Object.values(ledger.conditions as Record<string, { delivered: { channels: string[] } | null }>).map((entry) => entry.delivered?.channels);
      expect(delivered).toHaveLength(9); // one condition per alert: the two task-type alerts (team "*") are two
      expect(new Set(delivered.map((channels) => JSON.stringify(channels)))).toEqual(new Set(['["slack"]']));
    } finally {
      await slack.close();
    }
  }, 90_000);
});

describe('uptake schedule and uptake watch whose run cannot start', () => {
  it('tell the channels, as `uptake run` does, instead of leaving it to the dead-man check (the state folder is a file)', async () => {
    const slack = await startReceiver([{ status: 200, body: 'ok' }]);
    try {
      const output = join(box.dir, 'out');
      mkdirSync(output);
      writeFileSync(join(output, '.uptake'), 'a file where the state folder should be\n');
      const config = join(box.dir, 'uptake.config.json');
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output, slack: { enabled: true, webhookUrl: slack.url }, warehouse: { duckdbPath: null } }));
      const texts = () => slack.bodies.map((body) => String((body as { text?: string }).text ?? JSON.stringify(body))).filter((text) => text.includes('the run FAILED'));

      const scheduled = await startUptake(['schedule', '--once-now', '--config', config], box.env).child;
      expect(scheduled.exitCode).toBe(12);
      expect(texts()).toHaveLength(1);
      expect(texts()[0]).toContain('The run could not start; no report was sent.');
      expect(texts()[0]).toContain(join(output, '.uptake'));

      const inbox = join(box.dir, 'inbox');
      mkdirSync(inbox);
      const watched = await startUptake(['watch', inbox, '--config', config], box.env).child;
      expect(watched.exitCode).not.toBe(0);
      expect(texts()).toHaveLength(2);
      expect(texts()[1]).toContain('The run could not start; no report was sent.');
      expect(texts()[1]).toContain(join(output, '.uptake'));
    } finally {
      await slack.close();
    }
  }, 60_000);

  it('exit 12, as `uptake run` does, when a file stands in the output folder\'s place (they said exit 9, "open failed")', async () => {
    const output = join(box.dir, 'out');
    writeFileSync(output, 'a file where the output folder should be\n');
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output, warehouse: { duckdbPath: null } }));
    const inbox = join(box.dir, 'inbox');
    mkdirSync(inbox);
    for (const command of [['schedule'], ['watch', inbox], ['run']]) {
      const result = await startUptake([...command, '--config', config, '--no-deliver'], box.env).child;
      expect([command[0], result.exitCode]).toEqual([command[0], 12]);
      expect(result.stderr).toContain(`uptake: ${output}: expected the output folder to be a folder, got a regular file; move it away or name another path`);
    }
  }, 60_000);
});

describe('uptake schedule and uptake watch after a run killed with them (kill -9)', () => {
  it('remove its staging folder as they start, not with the next run (a week away, or never for a catch-up)', async () => {
    const config = join(box.dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, warehouse: { duckdbPath: null } }));
    const inbox = join(box.dir, 'inbox');
    mkdirSync(inbox);
    for (const [command, name] of [[['schedule'], 'uptake schedule'], [['watch', inbox], 'uptake watch']] as const) {
      const staging = join(box.out, '.2026-W49.30837e5e3f12.tmp');
      mkdirSync(staging, { recursive: true });
      writeFileSync(join(staging, 'report.ipynb'), '{}');
      const started = startUptake([...command, '--config', config, '--no-deliver'], box.env);
      await started.waitFor(command[0] === 'schedule' ? /waiting \(Ctrl-C to stop\)/ : /watching /);
      started.child.kill('SIGTERM');
      const result = await started.child;
      expect([name, result.exitCode]).toEqual([name, 0]);
      expect(result.stderr).toContain(`${name}: removed what dead runs left: ${staging}`);
      expect(existsSync(staging)).toBe(false);
    }
  }, 60_000);
});
