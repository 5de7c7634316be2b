import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { SMTPServerOptions } from 'smtp-server';
import { runReport, type RunResult } from '../src/pipeline.js';
import { runEffects } from '../src/cli/run-effects.js';
import { parseConfig } from '../src/config/read-config.js';
import { isUptakeError } from '../src/errors.js';
import { startReceiver, startSmtp, type Receiver, type TestServer } from './deliver/local-servers.js';
import { heldSlack } from './helpers/held-slack.js';

// The whole weekly job with real parts: tslab kernel, Chromium, an SMTP server and a Slack receiver on loopback, DuckDB.
const quiet = () => {};
const truth = JSON.parse(readFileSync('data/sample/truth.json', 'utf8'));

describe('runReport on the sample', () => {
  let smtp: TestServer;
  let slack: Receiver;
  let out: string;
  let first: RunResult;
  const env = { ...process.env, TEST_SMTP_PASSWORD: 's3cret' };
  const config = () =>
    parseConfig({
      title: 'AI adoption report',
      email: { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['managers@example.test'], subject: '{{title}} {{week}}: {{alert}}' },
      slack: { enabled: true, webhookUrl: slack.url },
      warehouse: { duckdbPath: join(out, 'uptake.duckdb') },
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startReceiver([{ status: 200, body: 'ok' }]);
    out = mkdtempSync(join(tmpdir(), 'uptake-run-'));
    first = await runReport({ config: config(), week: 'latest', input: 'data/sample', outDir: out, deliver: true }, runEffects({ env, log: quiet }));
  }, 240_000);

  afterAll(async () => {
    await smtp?.close();
    await slack?.close();
  });

  test('writes the week folder with every output and a manifest whose accounting matches the ground truth', () => {
    expect(first.week).toBe('2026-W47');
    expect(readdirSync(join(out, '2026-W47')).sort()).toEqual(expect.arrayContaining([
      'adoption_by_team.csv', 'manifest.json', 'metrics.json', 'metrics.xlsx', 'quarantine.csv', 'report.html', 'report.ipynb', 'report.pdf',
    ]));
    const manifest = JSON.parse(readFileSync(join(out, '2026-W47', 'manifest.json'), 'utf8'));
    expect(manifest.accounting.ai_logs).toEqual(truth.accounting.ai_logs);
    expect(manifest.accounting.manual_logs).toEqual(truth.accounting.manual_logs);
    expect(manifest.inputs).toHaveLength(19);
    expect(manifest.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.timings_ms)).toEqual(['ingest', 'metrics', 'notebook', 'render']);
    expect(manifest.overlapped_ms).toEqual({ kernel_start: expect.any(Number), browser_start: expect.any(Number), flat_files: expect.any(Number) });
    expect(manifest.overlapped_ms.kernel_start).toBeGreaterThan(0);
  });

  test('the PDF shows page 1, the narrative, the charts and the tables, with page numbers', () => {
    const pdf = join(out, '2026-W47', 'report.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('16 November 2026 – 22 November 2026');
    expect(text).toContain('Alerts: what to look at');
    expect(text).toMatch(/Adoption (rose|fell|held steady)/);
    expect(text).toContain('Adoption rate by week');
    expect(text).toContain('page 1 of');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  test('emails the exact PDF and posts the headline to Slack', async () => {
    expect(first.delivered).toMatchObject({ email: true, slack: true });
    expect(smtp.received).toHaveLength(2); // the report, then the alerts digest
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe('AI adoption report 2026-W47: high: Adoption dropped (Procurement) +8 more');
    // The body alone tells the week: headline figures, the sentences and the alerts.
    // truth.json: all teams 47.3 % (+0.9 pts on 46.4 %), 1009 AI tasks of 2131, one harmful (Legal)
    expect(mail.text).toMatch(/Adoption\s+► 47 %\s+\+0\.9 pts vs last week; 1,009 of 2,131 tasks used AI/);
    expect(mail.text).toContain('Adoption held steady at 47 %; Procurement fell 22.0 points');
    expect(mail.text).toContain('1 of 1,009 AI tasks (<1 %) was flagged harmful this week: Legal 1.');
    expect(mail.text).toContain('* HIGH Adoption dropped (Procurement): Adoption fell 22.0 points from 2026-W46 to 2026-W47 (55.6 % → 33.6 %)');
    expect(mail.html).toContain('<h3 style="margin:12px 0 4px">Alerts</h3>');
    expect(mail.attachments[0].filename).toBe('uptake-report-2026-W47.pdf');
    expect(Buffer.compare(mail.attachments[0].content, readFileSync(join(out, '2026-W47', 'report.pdf')))).toBe(0);
    expect(JSON.stringify(slack.bodies[0])).toContain('2026-W47');
  });

  test('alerts go out once: a second run of the same week repeats none and replaces the folder', async () => {
    const sentFirst = first.delivered.alerts!.sent.length;
    expect(sentFirst).toBeGreaterThan(0);
    const mailsBefore = smtp.received.length;
    const second = await runReport({ config: config(), week: '2026-W47', input: 'data/sample', outDir: out, deliver: true }, runEffects({ env, log: quiet }));
    expect(second.delivered.alerts!.sent).toHaveLength(0);
    expect(second.delivered.alerts!.suppressed.filter((alert) => alert.reason === 'already_sent')).toHaveLength(sentFirst);
    expect(smtp.received.length).toBe(mailsBefore + 1); // the report again, no alert digest
    expect(readdirSync(out).filter((name) => name.startsWith('.2026-W47'))).toEqual([]);
  }, 240_000);

  test('a failing notebook mails no report, keeps the last good folder and notifies the failure', async () => {
    const pdfBefore = readFileSync(join(out, '2026-W47', 'report.pdf'));
    const mailsBefore = smtp.received.length;
    const error = await runReport(
      { config: config(), week: '2026-W47', input: 'data/sample', outDir: out, deliver: true, notebook: 'test/fixtures/notebooks-pipeline/failing-report.ipynb' },
      runEffects({ env, log: quiet }),
    ).catch((caught: unknown) => caught);
    expect(isUptakeError(error) && error.kind).toBe('notebook');
    expect((error as Error).message).toContain('render broke for 2026-W47');
    expect(Buffer.compare(readFileSync(join(out, '2026-W47', 'report.pdf')), pdfBefore)).toBe(0);
    expect(smtp.received.length).toBe(mailsBefore + 1);
    const notice = await simpleParser(smtp.received.at(-1)!.raw);
    expect(notice.attachments).toHaveLength(0);
    expect(notice.subject).toContain('FAILED');
    expect(JSON.stringify(slack.bodies.at(-1))).toContain('FAILED');
    expect(existsSync(join(out, '2026-W47', 'report.html'))).toBe(true);
    // The flat files written alongside the notebook were finished before the staging folder went.
    expect(readdirSync(out).filter((name) => name.startsWith('.2026-W47'))).toEqual([]);
  }, 120_000);

  test("a scheduled run due for a week the data does not hold whole fails (input), re-sends no older report and notifies the failure", async () => {
    const pdfBefore = readFileSync(join(out, '2026-W47', 'report.pdf'));
    const mailsBefore = smtp.received.length;
    // the Monday after 2026-W48: its export has not landed, the sample ends with 2026-W47
    const error = await runReport({ config: config(), week: 'latest', dueWeek: '2026-W48', input: 'data/sample', outDir: out, deliver: true }, runEffects({ env, log: quiet })).catch(
      (caught: unknown) => caught,
    );
    expect(isUptakeError(error) && [error.kind, error.exitCode]).toEqual(['input', 3]);
    expect((error as Error).message).toBe(
      'expected the data to hold 2026-W48 whole (the week this run is due to report), but its latest complete week is 2026-W47: the export of 2026-W48 has not arrived, or not all of it; nothing was published or delivered',
    );
    expect(Buffer.compare(readFileSync(join(out, '2026-W47', 'report.pdf')), pdfBefore)).toBe(0);
    expect(readdirSync(out).filter((name) => name.startsWith('2026-W48') || name.startsWith('.2026-W'))).toEqual([]);
    // (it re-mailed 2026-W47's report and logged the run ok: the dead-man check never fired)
    expect(smtp.received.length).toBe(mailsBefore + 1);
    const notice = await simpleParser(smtp.received.at(-1)!.raw);
    expect(notice.attachments).toHaveLength(0);
    expect(notice.subject).toContain('2026-W48');
    expect(notice.subject).toContain('FAILED');
  }, 120_000);
});

// The kernel starts alongside ingest and metrics: a run that fails before the notebook stage must not
// leave it behind, and a kernel that cannot start fails the notebook stage as it always did.
describe('runReport and the kernel started alongside ingest', () => {
  const config = () => parseConfig({ title: 'AI adoption report' });

  // A `tslab` kernelspec found before the real one, whose process never answers; it writes `spawned` once it runs.
  function silentTslab(marker: string, spawned: string): NodeJS.ProcessEnv {
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'tslab'), { recursive: true });
    const script = 'require("fs").writeFileSync(process.argv[1], "up"); setInterval(() => {}, 1000)';
    const argv = [process.execPath, '-e', script, spawned, marker];
    writeFileSync(join(root, 'kernels', 'tslab', 'kernel.json'), JSON.stringify({ argv, display_name: 'Fake', language: 'typescript' }));
    return { ...process.env, JUPYTER_PATH: root };
  }
  const survivors = (marker: string) => spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();

  test('a failure in metrics stops the kernel that was starting, and no kernel process survives', async () => {
    // metrics fails fast; on a busy machine that can be before the kernel's process is spawned (then the start is
    // called off before it spawns, and nothing can survive). Tried until a run's kernel process was up (under a
    // load of 6 on 2 cores, five tries in a row were too quick for it).
    let spawnedOnce = false;
    const until = Date.now() + 60_000;
    for (let attempt = 0; (attempt < 5 || Date.now() < until) && !spawnedOnce; attempt += 1) {
      const out = mkdtempSync(join(tmpdir(), 'uptake-run-'));
      const marker = `uptake-early-metrics-${Date.now()}-${attempt}`;
      const spawned = join(out, 'kernel.up');
      const error = await runReport(
        { config: config(), week: '2019-W01', input: 'data/sample', outDir: out, deliver: false, warehouse: false },
        runEffects({ env: silentTslab(marker, spawned), log: quiet }),
      ).catch((caught: unknown) => caught);
      expect(isUptakeError(error) && error.kind).toBe('usage');
      expect(survivors(marker)).toBe('');
      spawnedOnce = existsSync(spawned);
      expect(readdirSync(out).filter((name) => name !== 'kernel.up')).toEqual([]);
    }
    expect(spawnedOnce).toBe(true);
  }, 120_000);

  test('a failure in ingest stops the kernel start too', async () => {
    const out = mkdtempSync(join(tmpdir(), 'uptake-run-'));
    const marker = `uptake-early-ingest-${Date.now()}`;
    const error = await runReport(
      { config: config(), week: 'latest', input: join(out, 'no-such-folder'), outDir: out, deliver: false, warehouse: false },
      runEffects({ env: silentTslab(marker, join(out, 'kernel.up')), log: quiet }),
    ).catch((caught: unknown) => caught);
    expect(isUptakeError(error) && error.kind).toBe('input');
    expect(survivors(marker)).toBe('');
  }, 60_000);

  test('a kernel that cannot start fails the notebook stage with its own error, and nothing is published', async () => {
    const out = mkdtempSync(join(tmpdir(), 'uptake-run-'));
    const root = mkdtempSync(join(tmpdir(), 'uptake-fake-kernel-'));
    mkdirSync(join(root, 'kernels', 'tslab'), { recursive: true });
    writeFileSync(join(root, 'kernels', 'tslab', 'kernel.json'), JSON.stringify({ argv: ['uptake-no-such-kernel-command', '{connection_file}'], display_name: 'Fake', language: 'typescript' }));
    const log: string[] = [];
    const error = await runReport(
      { config: config(), week: 'latest', input: 'data/sample', outDir: out, deliver: false, warehouse: false },
      runEffects({ env: { ...process.env, JUPYTER_PATH: root }, log: (line) => log.push(line) }),
    ).catch((caught: unknown) => caught);
    expect(isUptakeError(error) && error.kind).toBe('notebook');
    expect((error as Error).message).toBe('kernel `tslab` died while starting: could not start `uptake-no-such-kernel-command`: spawn uptake-no-such-kernel-command ENOENT');
    expect(log.filter((line) => line.startsWith('['))).toEqual([
      '[1/7] ingest ...', expect.stringMatching(/^\[1\/7\] ingest done in /), '[2/7] metrics ...', expect.stringMatching(/^\[2\/7\] metrics done in /), '[3/7] notebook ...',
    ]);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});

describe('runReport stopped before it resolved --week latest', () => {
  test('says "the run for the latest week", not "the run for latest", as if latest were a week', async () => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const output = mkdtempSync(join(tmpdir(), 'uptake-aborted-'));
    try {
      const run = runReport({ config: parseConfig({ output }), week: 'latest', deliver: false }, runEffects({ log: () => {}, signal: controller.signal }));
      await expect(run).rejects.toThrow('the run for the latest week was aborted by SIGTERM; nothing more was published or delivered');
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});

// The sample's run mailed through a real SMTP server on loopback (smtp-server: the reporter logs in; `handlers` add or
// replace its steps), its effects stopped by `signal`; `check` reads the run. The server and output are gone after.
async function mailedRun(handlers: Partial<SMTPServerOptions>, signal: AbortSignal, check: (run: Promise<RunResult>) => Promise<void>): Promise<void> {
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false, onAuth: (_auth, _session, callback) => callback(null, { user: 'reporter' }), ...handlers });
  server.on('error', () => {});
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const port = (server.server.address() as { port: number }).port;
  const output = mkdtempSync(join(tmpdir(), 'uptake-aborted-mail-'));
  try {
    const config = parseConfig({ output, email: { enabled: true, host: '127.0.0.1', port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['managers@example.test'] } });
    await check(runReport({ config, week: 'latest', input: 'data/sample', deliver: true, warehouse: false }, runEffects({ env: { ...process.env, TEST_SMTP_PASSWORD: 's3cret' }, log: quiet, signal })));
  } finally {
    await new Promise<void>((closed) => server.close(() => closed()));
    rmSync(output, { recursive: true, force: true });
  }
}

// The stop signal came before the mail server had the whole message (while connecting, logging in, naming the
// sender and recipients, or during the data): the run said "the mail server may have taken it", and the operator
// went looking for a mail that could not have gone out. The server here goes on as a slow one would: it never gets
// the end of the data, so it never takes the report.
describe('runReport aborted before the mail server had the whole report', () => {
  type Stage = 'auth' | 'mail from' | 'rcpt to' | 'data';
  async function abortAt(stage: Stage): Promise<{ message: string; accepted: string[]; dataEnded: boolean }> {
    const controller = new AbortController();
    const accepted: string[] = [];
    let dataEnded = false;
    let message = '';
    const slowly = (callback: () => void) => setTimeout(callback, 200);
    await mailedRun(
      {
        onAuth: (_auth, _session, callback) => (stage === 'auth' ? (controller.abort('SIGTERM'), slowly(() => callback(null, { user: 'reporter' }))) : callback(null, { user: 'reporter' })),
        onMailFrom: (_address, _session, callback) => (stage === 'mail from' ? (controller.abort('SIGTERM'), slowly(() => callback())) : callback()),
        onRcptTo: (_address, _session, callback) => (stage === 'rcpt to' ? (controller.abort('SIGTERM'), slowly(() => callback())) : callback()),
        onData(stream, _session, callback) {
          stream.once('data', () => {
            if (stage === 'data') controller.abort('SIGTERM');
          });
          stream.on('data', () => {});
          stream.on('end', () => {
            dataEnded = true;
            accepted.push('report');
            callback();
          });
        },
      },
      controller.signal,
      async (run) => {
        message = await run.then(() => 'the run was not aborted', (error: Error) => error.message);
        // (the slow server's answers come after 200 ms: wait for what it does with them)
        await new Promise((later) => setTimeout(later, 1000));
      },
    );
    return { message, accepted, dataEnded };
  }

  const notDelivered =
    'the run for 2026-W47 was aborted by SIGTERM while the report was being sent by email (the mail server did not have the whole message yet: the report was not delivered); nothing more was published or delivered';

  test.each<Stage>(['auth', 'mail from', 'rcpt to', 'data'])('aborted at %s: says the report was not delivered, and it was not', async (stage) => {
    expect(await abortAt(stage)).toEqual({ message: notDelivered, accepted: [], dataEnded: false });
  }, 180_000);
});

// Slack had answered the report's post with a 503 and the run waited to try again when it was stopped: it said
// "Slack may have taken it", and the operator went looking for a post Slack had refused.
describe('runReport aborted while waiting to post the report to Slack again', () => {
  test('says Slack had refused every post, and the report was not posted', async () => {
    const slack = await startReceiver([{ status: 503, body: 'service_unavailable' }]);
    const controller = new AbortController();
    const output = mkdtempSync(join(tmpdir(), 'uptake-aborted-slack-'));
    try {
      const config = parseConfig({ output, slack: { enabled: true, webhookUrl: slack.url, retry: { attempts: 3, baseDelayMs: 600_000, maxDelayMs: 600_000 } } });
      const run = runReport({ config, week: 'latest', input: 'data/sample', deliver: true, warehouse: false }, runEffects({ log: quiet, signal: controller.signal }));
      const message = run.then(() => 'the run was not aborted', (error: Error) => error.message);
      // the first post was answered 503: the run waits ten minutes for the next
      while (slack.bodies.length === 0) await new Promise((later) => setTimeout(later, 100));
      await new Promise((later) => setTimeout(later, 500));
      controller.abort('SIGTERM');
      expect(await message).toBe(
        'the run for 2026-W47 was aborted by SIGTERM while the report was being sent by Slack (Slack had refused every post so far: the report was not posted); nothing more was published or delivered',
      );
      expect(slack.bodies).toHaveLength(1);
    } finally {
      await slack.close();
      rmSync(output, { recursive: true, force: true });
    }
  }, 180_000);
});

// Stopped while posting to Slack (or sending the alerts) after the mail had gone out: the run said only "nothing
// more was published or delivered", and the operator could not tell whether to mail the report again.
describe('runReport aborted after the report went out by email', () => {
  test('says it had gone out by email', async () => {
    const smtp = await startSmtp();
    const slack = await heldSlack();
    const controller = new AbortController();
    const output = mkdtempSync(join(tmpdir(), 'uptake-aborted-after-mail-'));
    try {
      const config = parseConfig({
        output,
        email: { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['managers@example.test'] },
        slack: { enabled: true, webhookUrl: slack.webhookUrl },
      });
      const run = runReport({ config, week: 'latest', input: 'data/sample', deliver: true, warehouse: false }, runEffects({ env: { ...process.env, TEST_SMTP_PASSWORD: 's3cret' }, log: quiet, signal: controller.signal }));
      const message = run.then(() => 'the run was not aborted', (error: Error) => error.message);
      // Slack has the post and does not answer
      while (slack.posts.length === 0) await new Promise((later) => setTimeout(later, 100));
      controller.abort('SIGTERM');
      expect(await message).toBe(
        'the run for 2026-W47 was aborted by SIGTERM while the report was being sent by Slack (Slack may have taken it: look before sending it again); the report had gone out by email; nothing more was published or delivered',
      );
      expect(smtp.received).toHaveLength(1);
    } finally {
      await slack.close();
      await smtp.close();
      rmSync(output, { recursive: true, force: true });
    }
  }, 180_000);
});

// Stopped while the alerts were being mailed, after the report: the run said "nothing more was published or
// delivered", and the mail server then sent the alert it had whole.
describe('runReport aborted while the alerts are being mailed', () => {
  test('says an alert may have gone out', async () => {
    const controller = new AbortController();
    const subjects: string[] = [];
    await mailedRun(
      {
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const subject = /^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '';
            subjects.push(subject);
            // the report is taken at once; the first alert is whole when the stop signal comes, and taken after it
            if (subjects.length === 1) callback();
            else (controller.abort('SIGTERM'), setTimeout(callback, 200));
          });
        },
      },
      controller.signal,
      async (run) => {
        await expect(run).rejects.toThrow(
          'the run for 2026-W47 was aborted by SIGTERM while the alerts were being sent (one may have gone out: look before sending them again); the report had gone out by email; nothing more was published or delivered',
        );
        expect(subjects).toHaveLength(2);
      },
    );
  }, 180_000);
});

describe('runReport aborted while the report is being mailed', () => {
  // the mail server had the whole message when the run was aborted, and sent it: the run said "nothing more was delivered"
  test('says the mail server may have taken the report', async () => {
    const controller = new AbortController();
    const accepted: string[] = [];
    await mailedRun(
      {
        onData(stream, _session, callback) {
          stream.on('data', () => {});
          // the message is whole here; the stop signal comes before the server answers, and the server takes it anyway
          stream.on('end', () => {
            controller.abort('SIGTERM');
            setTimeout(() => (accepted.push('report'), callback()), 200);
          });
        },
      },
      controller.signal,
      async (run) => {
        await expect(run).rejects.toThrow(
          'the run for 2026-W47 was aborted by SIGTERM while the report was being sent by email (the mail server may have taken it: look before sending it again); nothing more was published or delivered',
        );
        await new Promise((later) => setTimeout(later, 500));
        expect(accepted).toEqual(['report']);
      },
    );
  }, 180_000);
});
