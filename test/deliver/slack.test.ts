import { afterEach, describe, expect, it } from 'vitest';
import { alertLine, alertLines, escapeSlack, postSlack, slackReportMessage, type SlackMessage } from '../../src/deliver/slack.js';
import { UptakeError } from '../../src/errors.js';
import { metricsFixture } from './metrics-fixture.js';
import { startReceiver, type Receiver } from './local-servers.js';
import { heldSlack } from '../helpers/held-slack.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

const retry = { attempts: 3, baseDelayMs: 200, maxDelayMs: 1000 };

describe('postSlack', () => {
  it('posts the JSON payload once on 200', async () => {
    const receiver = await startReceiver([{ status: 200 }]);
    receivers.push(receiver);
    const message: SlackMessage = { text: 'hello' };
    await expect(postSlack(receiver.url, message, { retry })).resolves.toEqual({ attempts: 1, status: 200 });
    expect(receiver.bodies).toEqual([{ text: 'hello' }]);
  });

  // a webhook on loopback that takes the post and never answers: the run said "got The operation was aborted due
  // to timeout", as if uptake had stopped it, then posted it again (the channel showed it once per attempt)
  it('a webhook that takes the post and does not answer: says so, that it may have reached the channel, and does not post it again', async () => {
    const slack = await heldSlack();
    try {
      const error = await postSlack(slack.webhookUrl, { text: 'report' }, { retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 }, timeoutMs: 300, sleep: async () => {} }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UptakeError);
      const { host } = new URL(slack.webhookUrl);
      expect((error as Error).message).toBe(
        `Slack webhook at ${host}: expected 2xx, got no answer within 0.3 s of sending the message after 1 attempt; the message may have reached the channel, so uptake did not post again: look in the channel before posting again`,
      );
      expect(slack.posts).toEqual(['{"text":"report"}']);
    } finally {
      await slack.close();
    }
  });

  it('retries a 503 then succeeds on the 200, waiting the backoff delay', async () => {
    const receiver = await startReceiver([{ status: 503 }, { status: 200 }]);
    receivers.push(receiver);
    const delays: number[] = [];
    const result = await postSlack(receiver.url, { text: 'x' }, { retry, sleep: async (ms) => void delays.push(ms), random: () => 0.5 });
    expect(result).toEqual({ attempts: 2, status: 200 });
    expect(receiver.bodies).toHaveLength(2);
    expect(delays).toEqual([150]);
  });

  it('honours Retry-After on 429', async () => {
    const receiver = await startReceiver([{ status: 429, headers: { 'retry-after': '0.4' } }, { status: 200 }]);
    receivers.push(receiver);
    const delays: number[] = [];
    await postSlack(receiver.url, { text: 'x' }, { retry, sleep: async (ms) => void delays.push(ms) });
    expect(delays).toEqual([400]);
  });

  it('stops at once on 403 and never prints the secret URL', async () => {
    const receiver = await startReceiver([{ status: 403, body: 'invalid_token' }]);
    receivers.push(receiver);
    const delays: number[] = [];
    const error = (await postSlack(receiver.url, { text: 'x' }, { retry, sleep: async (ms) => void delays.push(ms) }).catch((caught: unknown) => caught)) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.kind).toBe('deliver');
    expect(error.message).toMatch(/^Slack webhook at 127\.0\.0\.1:\d+: expected 2xx, got HTTP 403 invalid_token after 1 attempt; the message did not reach the channel$/);
    expect(error.message).not.toContain('secret-token');
    expect(receiver.bodies).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('gives up after the configured attempts on a persistent 503', async () => {
    const receiver = await startReceiver([{ status: 503 }]);
    receivers.push(receiver);
    await expect(postSlack(receiver.url, { text: 'x' }, { retry, sleep: async () => {} })).rejects.toThrow(/HTTP 503 error after 3 attempts/);
    expect(receiver.bodies).toHaveLength(3);
  });

  it('rejects a value that is not a URL as a config error', async () => {
    await expect(postSlack('UPTAKE_SLACK_WEBHOOK', { text: 'x' })).rejects.toMatchObject({ kind: 'config' });
  });
});

describe('slackReportMessage', () => {
  it('carries the headline KPIs and the escaped alerts', async () => {
    const message = slackReportMessage(metricsFixture(), { reportUrl: 'https://reports.example/{{week}}/?a=1&b=2', title: 'Uptake & co' });
    expect(message.text).toBe('Uptake &amp; co 2026-W47 (2026-11-16 – 2026-11-22): adoption 41.0 % (+3.3 pts), 2 alerts');
    const texts = JSON.stringify(message.blocks);
    const fields = (message.blocks![1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields).toEqual([
      '*Adoption rate*\n41.0 % (+3.3 pts)',
      '*User adoption*\n50.0 %',
      '*AI / manual tasks*\n41 / 59',
      '*Hours saved*\n12.5 h (total 22.5 h)',
      '*Accuracy stability 2026-11*\n80.0 %',
      '*Harm rate*\n2.4 %',
    ]);
    const alerts = (message.blocks![2] as { text: { text: string } }).text.text;
    expect(alerts).toBe(
      // most severe first, as on page 1
      '*Alerts (2)*\n• *CRITICAL* Harmful outputs · team * · value 0.0244 · threshold 0.01\n• *HIGH* Adoption dropped · team R&amp;D &lt;Labs&gt; · delta_pts -14.2',
    );
    expect(texts).not.toContain('<Labs>');
    expect((message.blocks![3] as { text: { text: string } }).text.text).toBe('<https://reports.example/2026-W47/?a=1&amp;b=2|Open the full report>');

    // and it goes through the webhook intact
    const receiver = await startReceiver([{ status: 200 }]);
    receivers.push(receiver);
    await postSlack(receiver.url, message, { retry });
    expect(receiver.bodies).toEqual([message]);
  });

  it('writes counts and hours with thousands separators, as the report does', () => {
    const doc = metricsFixture();
    const all = doc.tables.adoption_by_team.find((row) => row.team === '*')!;
    Object.assign(all, { ai_tasks: 44584, manual_tasks: 44451 });
    const saved = doc.tables.time_saved.find((row) => row.team === '*' && row.week === doc.week)!;
    Object.assign(saved, { hours_saved: 15302.4, cumulative_hours_saved: 113171.4 });
    doc.tables.alerts = Array.from({ length: 1200 }, (_, index) => ({ rule: 'data_gap', severity: 'low' as const, team: `Team ${index}`, message: `Team ${index}: gap` }));
    const message = slackReportMessage(doc);
    const fields = (message.blocks![1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields[2]).toBe('*AI / manual tasks*\n44,584 / 44,451');
    expect(fields[3]).toBe('*Hours saved*\n15,302.4 h (total 113,171.4 h)');
    expect((message.blocks![2] as { text: { text: string } }).text.text.split('\n')[0]).toBe('*Alerts (1,200)*');
    expect(message.text).toMatch(/, 1,200 alerts$/);
  });

  it('says so when there are no alerts and KPIs are missing', () => {
    const doc = metricsFixture();
    doc.tables.alerts = [];
    doc.tables.adoption_by_team = [];
    const message = slackReportMessage(doc);
    expect((message.blocks![2] as { text: { text: string } }).text.text).toBe('*Alerts*: none this week');
    expect((message.blocks![1] as { fields: { text: string }[] }).fields[0].text).toBe('*Adoption rate*\nn/a (n/a)');
    expect(message.blocks).toHaveLength(3);
  });

  it('shows an alert by its message when it has one', () => {
    expect(alertLine({ rule: 'harm_rate', severity: 'critical', team: 'Legal', message: 'Legal: 2 of 50 AI tasks were harmful (<4%>)', harm_rate: 0.04 })).toBe(
      '• *CRITICAL* Harmful outputs: Legal: 2 of 50 AI tasks were harmful (&lt;4%&gt;)',
    );
  });

  it('lists the alerts in page 1\'s order: the largest drop is not cut off behind teams earlier in the alphabet', () => {
    const drops = Array.from({ length: 20 }, (_, index) => ({ rule: 'adoption_drop', severity: 'high' as const, team: `Team ${String(index).padStart(2, '0')}`, delta_pts: index === 19 ? -30 : -10 - index / 10, message: `Team ${index}` }));
    const lines = alertLines(drops).split('\n');
    expect(lines[0]).toBe('• *HIGH* Adoption dropped: Team 19');
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toBe("5 more alerts (5 high) are listed in the report's appendix.");
  });

  it('says of many alerts left off what page 1 and the mail say: the appendix lists only the most severe, the files every one', () => {
    const gaps = Array.from({ length: 1_015 }, (_, index) => ({ rule: 'data_gap', severity: index < 20 ? ('high' as const) : ('low' as const), team: `Team ${index}`, message: `Team ${index}: no AI tasks logged` }));
    const lines = alertLines(gaps).split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toBe("1,000 more alerts (5 high, 995 low) are in metrics.xlsx and alerts.csv; the report's appendix lists the 15 most severe.");
  });

  it('escapes only &, < and >', () => {
    expect(escapeSlack('a<b>&c*_~')).toBe('a&lt;b&gt;&amp;c*_~');
  });
});
