import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { AlertsSchema, EmailSchema, SlackSchema } from '../../src/config/schema.js';
import { createAlertSender } from '../../src/deliver/alert-sender.js';
import { routeAlerts } from '../../src/deliver/alert-routing.js';
import { notifyRunOutcome } from '../../src/deliver/notify.js';
import { resolveChannels, type DeliveryChannels } from '../../src/deliver/resolve-channels.js';
import { UptakeError } from '../../src/errors.js';
import { startReceiver, startSmtp, type Receiver, type TestServer } from './local-servers.js';

const open: (Receiver | TestServer)[] = [];
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

const env = { TEST_SMTP_PASSWORD: 's3cret' };
const noWait = { sleep: async () => {}, env };

async function channels(slackStatuses: number[]): Promise<{ channels: DeliveryChannels; receiver: Receiver; smtp: TestServer }> {
  const receiver = await startReceiver(slackStatuses.map((status) => ({ status })));
  const smtp = await startSmtp();
  open.push(receiver, smtp);
  const resolved = resolveChannels(
    {
      slack: SlackSchema.parse({ enabled: true, webhookUrl: 'HOOK', retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } }),
      email: EmailSchema.parse({ enabled: true, port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] }),
    },
    { HOOK: receiver.url, ...env },
  );
  return { channels: resolved, receiver, smtp };
}

describe('notifyRunOutcome', () => {
  it('tells both channels about a failed run, escaping the error text', async () => {
    const { channels: resolved, receiver, smtp } = await channels([200]);
    const results = await notifyRunOutcome(
      { ok: false, week: '2026-W47', title: 'Uptake', error: new UptakeError('render', 'chart <adoption> failed'), summary: 'stopped at stage 6 (render); nothing was mailed' },
      resolved,
      noWait,
    );
    expect(results).toEqual([
      { channel: 'slack', ok: true },
      { channel: 'email', ok: true },
    ]);
    expect(receiver.bodies).toEqual([
      { text: ':x: *Uptake 2026-W47: the run FAILED*\nError: chart &lt;adoption&gt; failed\nstopped at stage 6 (render); nothing was mailed' },
    ]);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe('[uptake] Uptake 2026-W47: the run FAILED');
    expect(mail.text?.trim()).toBe('Uptake 2026-W47: the run FAILED\n\nError: chart <adoption> failed\n\nstopped at stage 6 (render); nothing was mailed');
    expect(mail.attachments).toHaveLength(0);
  });

  it('says "latest week" for a run that failed before it knew its week, not "latest" as if it were a week\'s name', async () => {
    const { channels: resolved, receiver, smtp } = await channels([200]);
    await notifyRunOutcome({ ok: false, week: 'latest', error: new UptakeError('output', 'cannot write: no space left on device (ENOSPC)'), summary: 'The run could not start; no report was sent.' }, resolved, noWait);
    expect((receiver.bodies[0] as { text: string }).text).toMatch(/^:x: \*AI adoption report \(latest week\): the run FAILED\*/);
    expect((await simpleParser(smtp.received[0].raw)).subject).toBe('[uptake] AI adoption report (latest week): the run FAILED');
  });

  it('still emails when Slack is down, and reports the Slack failure', async () => {
    const { channels: resolved, receiver, smtp } = await channels([503]);
    const results = await notifyRunOutcome({ ok: true, week: '2026-W47', summary: '41 AI tasks', reportUrl: 'https://r.example/{{ week }}' }, resolved, noWait);
    expect(results[0]).toMatchObject({ channel: 'slack', ok: false });
    expect(results[0].error).toMatch(/expected 2xx, got HTTP 503 error after 2 attempts; the notice that the report is ready did not reach the channel$/);
    expect(results[1]).toEqual({ channel: 'email', ok: true });
    expect(receiver.bodies).toHaveLength(2);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe('[uptake] AI adoption report 2026-W47: the report is ready');
    expect(mail.text?.trim()).toBe('AI adoption report 2026-W47: the report is ready\n\n41 AI tasks\n\nReport: https://r.example/2026-W47');
  });

  it('does nothing when no channel is enabled', async () => {
    expect(await notifyRunOutcome({ ok: true, week: '2026-W47', summary: '' }, { slack: null, email: null })).toEqual([]);
  });
});

describe('resolveChannels', () => {
  it('reads the webhook from the named environment variable and refuses a missing one', () => {
    const email = EmailSchema.parse({});
    expect(resolveChannels({ slack: SlackSchema.parse({ enabled: true }), email }, { UPTAKE_SLACK_WEBHOOK: 'https://hooks.example/x' }).slack?.webhookUrl).toBe(
      'https://hooks.example/x',
    );
    expect(() => resolveChannels({ slack: SlackSchema.parse({ enabled: true }), email }, {})).toThrow(
      'slack.enabled is true, so expected a webhook URL (https://…) in the environment variable UPTAKE_SLACK_WEBHOOK, got nothing',
    );
    expect(resolveChannels({ slack: SlackSchema.parse({}), email }, {})).toEqual({ slack: null, email: null });
  });

  it('refuses a malformed webhook URL without repeating it, and an email channel that could not send', () => {
    const email = EmailSchema.parse({});
    const slack = SlackSchema.parse({ enabled: true });
    expect(() => resolveChannels({ slack, email }, { UPTAKE_SLACK_WEBHOOK: 'https://hooks.exa mple/T0/secret' })).toThrow(
      'slack.enabled is true, so expected a webhook URL (https://…) in the environment variable UPTAKE_SLACK_WEBHOOK, got one that holds spaces or control characters',
    );
    expect(() => resolveChannels({ slack, email }, { UPTAKE_SLACK_WEBHOOK: 'https://hooks.example:99999/secret' })).toThrow(
      'slack.enabled is true, so expected a webhook URL (https://…) in the environment variable UPTAKE_SLACK_WEBHOOK, got one that is not a well-formed URL',
    );
    const noSlack = SlackSchema.parse({});
    expect(() => resolveChannels({ slack: noSlack, email: EmailSchema.parse({ enabled: true }) }, {})).toThrow(
      'email.enabled is true, so expected at least one recipient in `email.to`, got an empty list',
    );
    expect(() => resolveChannels({ slack: noSlack, email: EmailSchema.parse({ enabled: true, to: ['a@example.test'], user: 'u' }) }, {})).toThrow(
      'email.user is `u`, so expected the SMTP password in the environment variable UPTAKE_SMTP_PASSWORD, got nothing',
    );
  });
});

describe('createAlertSender with routeAlerts', () => {
  it('posts and mails the routed alerts, marking the escalated ones', async () => {
    const { channels: resolved, receiver, smtp } = await channels([200]);
    const directory = await mkdtemp(join(tmpdir(), 'uptake-sender-'));
    directories.push(directory);
    const config = AlertsSchema.parse({ escalateAfterWeeks: 2 });
    const alert = { rule: 'adoption_drop', team: 'R&D <Labs>', delta_pts: -14.2, severity: 'high' as const };
    for (const week of ['2026-W47', '2026-W48']) {
      await routeAlerts([alert], {
        week,
        config,
        ledgerPath: join(directory, 'ledger.json'),
        now: new Date('2026-11-30T06:00:00Z'),
        send: createAlertSender(resolved, { week, title: 'Uptake' }, noWait),
      });
    }
    expect(receiver.bodies).toEqual([
      { text: '*Uptake 2026-W47: 1 alert*\n• *HIGH* Adoption dropped · team R&amp;D &lt;Labs&gt; · delta_pts -14.2' },
      {
        text: '*Uptake 2026-W48: 1 alert*\n• *CRITICAL* Adoption dropped · team R&amp;D &lt;Labs&gt; · delta_pts -14.2 _(escalated from high: present 2 weeks in a row)_',
      },
    ]);
    const mails = await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
    expect(mails.map((mail) => mail.subject)).toEqual(['[uptake] Uptake 2026-W47: 1 alert', '[uptake] Uptake 2026-W48: 1 alert, 1 escalated']);
    expect(mails[1].text?.trim()).toBe('- [CRITICAL] Adoption dropped · team R&D <Labs> · delta_pts -14.2 (escalated from high: present 2 weeks in a row)');
  });
  it('lists the 15 most severe of hundreds of alerts in one Slack message and counts the rest; the mail lists them all', async () => {
    const { channels: resolved, receiver, smtp } = await channels([200]);
    const directory = await mkdtemp(join(tmpdir(), 'uptake-sender-'));
    directories.push(directory);
    const alerts = Array.from({ length: 300 }, (_, index) => ({
      rule: 'harm_rate',
      team: `Team ${String(index).padStart(3, '0')}`,
      severity: index % 100 === 99 ? ('critical' as const) : ('medium' as const),
    }));
    await routeAlerts(alerts, {
      week: '2026-W47',
      config: AlertsSchema.parse({}),
      ledgerPath: join(directory, 'ledger.json'),
      now: new Date('2026-11-30T06:00:00Z'),
      send: createAlertSender(resolved, { week: '2026-W47', title: 'Uptake' }, noWait),
    });
    const lines = (receiver.bodies[0] as { text: string }).text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '*Uptake 2026-W47: 300 alerts*',
      '• *CRITICAL* Harmful outputs · team Team 099',
      '• *CRITICAL* Harmful outputs · team Team 199',
      '• *CRITICAL* Harmful outputs · team Team 299',
      '• *MEDIUM* Harmful outputs · team Team 000',
    ]);
    expect(lines.slice(15)).toEqual(['• *MEDIUM* Harmful outputs · team Team 011', '285 more alerts (285 medium) are in metrics.xlsx and alerts.csv.']);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.text?.trim().split('\n')).toHaveLength(300);
  });
});

