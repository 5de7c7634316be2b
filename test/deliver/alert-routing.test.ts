import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertsSchema } from '../../src/config/schema.js';
import { conditionKey, raiseSeverity, routeAlerts, type AlertChannel, type RoutedAlert } from '../../src/deliver/alert-routing.js';
import type { AlertRow } from '../../src/metrics/document.js';
import { taskTypeAlerts } from './metrics-fixture.js';

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

async function ledgerPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'uptake-alerts-'));
  directories.push(directory);
  return join(directory, 'state', 'alert-ledger.json');
}

const now = new Date('2026-11-23T06:00:00Z');
const drop: AlertRow = { rule: 'adoption_drop', team: 'Procurement', delta_pts: -14.2, severity: 'high' };
const blindSpot: AlertRow = { rule: 'blind_spot', user_id: 'u9', month: '2026-10', severity: 'low' };

// Records what each channel received, by key, as "<channel>:<key>@<severity>[!]" (! = escalated).
function recorder(failing: AlertChannel[] = []) {
  const calls: string[][] = [];
  const send = async (channel: AlertChannel, alerts: RoutedAlert[]) => {
    if (failing.includes(channel)) throw new Error(`${channel} is down`);
    calls.push(alerts.map((routed) => `${channel}:${routed.key}@${routed.severity}${routed.escalated ? '!' : ''}`));
  };
  return { send, calls };
}

// Routes as a team that keeps low alerts quiet and medium ones on Slack would write them.
const ROUTES = { low: [], medium: ['slack'], high: ['slack', 'email'], critical: ['slack', 'email'] };
const config = (escalateAfterWeeks = 3) => AlertsSchema.parse({ escalateAfterWeeks, routes: ROUTES });

describe('routeAlerts with a channel that may have the alerts', () => {
  // the next run sent them again: Slack showed them twice, and the mail recipients who had them got them twice
  it.each([
    ['slack', Object.assign(new Error('Slack webhook at hooks.example: no answer'), { cause: Object.assign(new Error('no answer within 15 s'), { fateUnknown: true }) })],
    ['email', Object.assign(new Error('"alerts" went to ops@example.test, but the server refused cfo@example.test'), { reached: ['ops@example.test'] })],
  ] as const)('%s: said failed, kept as sent, and not sent again by the next run', async (channel, error) => {
    const path = await ledgerPath();
    const failing = async (to: AlertChannel) => {
      if (to === channel) throw error;
    };
    const first = await routeAlerts([drop], { week: '2026-W47', config: AlertsSchema.parse({}), ledgerPath: path, now, channels: [channel], send: failing });
    expect(first.failed).toEqual([{ channel, keys: [conditionKey(drop)], error: error.message, mayHaveArrived: true }]);
    expect(first.sent).toEqual([]);
    const next = recorder();
    const again = await routeAlerts([drop], { week: '2026-W47', config: AlertsSchema.parse({}), ledgerPath: path, now, channels: [channel], send: next.send });
    expect(next.calls).toEqual([]);
    expect(again.suppressed.map((item) => item.reason)).toEqual(['already_sent']);
  });

  it('a refusal keeps them pending: the next run sends them', async () => {
    const path = await ledgerPath();
    await routeAlerts([drop], { week: '2026-W47', config: AlertsSchema.parse({}), ledgerPath: path, now, channels: ['slack'], send: recorder(['slack']).send });
    const next = recorder();
    await routeAlerts([drop], { week: '2026-W47', config: AlertsSchema.parse({}), ledgerPath: path, now, channels: ['slack'], send: next.send });
    expect(next.calls).toEqual([[`slack:${conditionKey(drop)}@high`]]);
  });
});

describe('routeAlerts', () => {
  it('without routes, sends every severity to every configured channel (email only: email)', async () => {
    const path = await ledgerPath();
    const channel = recorder();
    const gap: AlertRow = { rule: 'data_gap', source: 'ai_logs', team: 'Legal', date: '2026-11-18', severity: 'medium' };
    const result = await routeAlerts([drop, gap, blindSpot], { week: '2026-W47', config: AlertsSchema.parse({}), ledgerPath: path, now, channels: ['email'], send: channel.send });
    expect(channel.calls).toEqual([
      ['email:adoption_drop{"team":"Procurement"}@high', 'email:data_gap{"team":"Legal","source":"ai_logs","date":"2026-11-18"}@medium', 'email:blind_spot{"user_id":"u9","month":"2026-10"}@low'],
    ]);
    expect(result.suppressed).toEqual([]);
    expect(result.failed).toEqual([]);
  });

  it('a route to a channel that is not configured is a failure, not a silence', async () => {
    const channel = recorder(['slack']);
    const result = await routeAlerts([{ ...drop, severity: 'medium' }], { week: '2026-W47', config: AlertsSchema.parse({ routes: { medium: ['slack'] } }), ledgerPath: await ledgerPath(), now, channels: ['email'], send: channel.send });
    expect(result.sent).toEqual([]);
    expect(result.failed).toEqual([{ channel: 'slack', keys: ['adoption_drop{"team":"Procurement"}'], error: 'slack is down' }]);
  });

  it('sends the same alerts of a week only once, across restarts', async () => {
    const path = await ledgerPath();
    const first = recorder();
    const result = await routeAlerts([drop, blindSpot], { week: '2026-W47', config: config(), ledgerPath: path, now, send: first.send });
    expect(first.calls).toEqual([['slack:adoption_drop{"team":"Procurement"}@high'], ['email:adoption_drop{"team":"Procurement"}@high']]);
    expect(result.sent.map((routed) => [routed.key, routed.channels])).toEqual([['adoption_drop{"team":"Procurement"}', ['slack', 'email']]]);
    expect(result.suppressed.map((item) => [item.key, item.reason])).toEqual([['blind_spot{"user_id":"u9","month":"2026-10"}', 'no_route']]);

    const second = recorder();
    const again = await routeAlerts([drop, blindSpot], { week: '2026-W47', config: config(), ledgerPath: path, now, send: second.send });
    expect(second.calls).toEqual([]);
    expect(again.sent).toEqual([]);
    expect(again.suppressed.map((item) => item.reason)).toEqual(['already_sent', 'no_route']);

    const ledger = JSON.parse(await readFile(path, 'utf8'));
    expect(ledger.week).toBe('2026-W47');
    expect(ledger.conditions['adoption_drop{"team":"Procurement"}']).toEqual({
      rule: 'adoption_drop',
      baseSeverity: 'high',
      firstWeek: '2026-W47',
      lastWeek: '2026-W47',
      consecutiveWeeks: 1,
      delivered: { severity: 'high', channels: ['slack', 'email'], at: '2026-11-23T06:00:00.000Z' },
    });
  });

  it('stays quiet while a condition persists, escalates once after N weeks, then stays quiet', async () => {
    const path = await ledgerPath();
    const weeks = ['2026-W47', '2026-W48', '2026-W49', '2026-W50'];
    const log: string[][][] = [];
    const escalated: string[][] = [];
    for (const week of weeks) {
      const channel = recorder();
      const result = await routeAlerts([drop, blindSpot], { week, config: config(3), ledgerPath: path, now, send: channel.send });
      log.push(channel.calls);
      escalated.push(result.escalated.map((routed) => `${routed.key}@${routed.severity} after ${routed.consecutiveWeeks}`));
    }
    expect(log).toEqual([
      [['slack:adoption_drop{"team":"Procurement"}@high'], ['email:adoption_drop{"team":"Procurement"}@high']],
      [],
      [
        ['slack:adoption_drop{"team":"Procurement"}@critical!', 'slack:blind_spot{"user_id":"u9","month":"2026-10"}@medium!'],
        ['email:adoption_drop{"team":"Procurement"}@critical!'],
      ],
      [],
    ]);
    expect(escalated).toEqual([
      [],
      [],
      ['adoption_drop{"team":"Procurement"}@critical after 3', 'blind_spot{"user_id":"u9","month":"2026-10"}@medium after 3'],
      [],
    ]);
  });

  it('forgets a condition that clears, so it starts afresh when it returns', async () => {
    const path = await ledgerPath();
    await routeAlerts([drop], { week: '2026-W47', config: config(2), ledgerPath: path, now, send: recorder().send });
    const cleared = await routeAlerts([], { week: '2026-W48', config: config(2), ledgerPath: path, now, send: recorder().send });
    expect(cleared.forgotten).toEqual(['adoption_drop{"team":"Procurement"}']);
    const back = recorder();
    const result = await routeAlerts([drop], { week: '2026-W49', config: config(2), ledgerPath: path, now, send: back.send });
    expect(back.calls).toEqual([['slack:adoption_drop{"team":"Procurement"}@high'], ['email:adoption_drop{"team":"Procurement"}@high']]);
    expect(result.sent[0].consecutiveWeeks).toBe(1);
    expect(result.escalated).toEqual([]);
  });

  it('retries only the channel that failed', async () => {
    const path = await ledgerPath();
    const broken = recorder(['email']);
    const result = await routeAlerts([drop], { week: '2026-W47', config: config(), ledgerPath: path, now, send: broken.send });
    expect(result.failed).toEqual([{ channel: 'email', keys: ['adoption_drop{"team":"Procurement"}'], error: 'email is down' }]);
    expect(result.sent.map((routed) => routed.channels)).toEqual([['slack']]);
    const fixed = recorder();
    await routeAlerts([drop], { week: '2026-W47', config: config(), ledgerPath: path, now, send: fixed.send });
    expect(fixed.calls).toEqual([['email:adoption_drop{"team":"Procurement"}@high']]);
  });

  it('sends nothing for a week older than the last routed one', async () => {
    const path = await ledgerPath();
    await routeAlerts([drop], { week: '2026-W48', config: config(), ledgerPath: path, now, send: recorder().send });
    const before = await readFile(path, 'utf8');
    const late = recorder();
    const result = await routeAlerts([drop, blindSpot], { week: '2026-W47', config: config(), ledgerPath: path, now, send: late.send });
    expect(late.calls).toEqual([]);
    expect(result.suppressed.map((item) => item.reason)).toEqual(['older_week', 'older_week']);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('names the ledger file when it is unreadable', async () => {
    const path = await ledgerPath();
    await routeAlerts([], { week: '2026-W47', config: config(), ledgerPath: path, now, send: recorder().send });
    await writeFile(path, '{"version": 7}');
    await expect(routeAlerts([drop], { week: '2026-W48', config: config(), ledgerPath: path, now, send: recorder().send })).rejects.toThrow(
      `${path}: expected an uptake alert ledger`,
    );
  });
});

describe('conditionKey and raiseSeverity', () => {
  it('sends two task-type alerts of one week (both of team "*") as two conditions, each once', async () => {
    const path = await ledgerPath();
    const [invoices, vendors] = taskTypeAlerts();
    expect(conditionKey(invoices)).toBe('task_type_drop{"team":"*","task_type":"invoice_matching"}');
    expect(conditionKey(vendors)).toBe('task_type_drop{"team":"*","task_type":"vendor_onboarding"}');
    const first = recorder();
    const result = await routeAlerts([invoices, vendors], { week: '2026-W47', config: config(), ledgerPath: path, now, send: first.send });
    expect(first.calls).toEqual([['slack:task_type_drop{"team":"*","task_type":"invoice_matching"}@medium', 'slack:task_type_drop{"team":"*","task_type":"vendor_onboarding"}@medium']]);
    expect(result.suppressed).toEqual([]);
    const second = recorder();
    const again = await routeAlerts([invoices, vendors], { week: '2026-W47', config: config(), ledgerPath: path, now, send: second.send });
    expect(second.calls).toEqual([]);
    expect(again.suppressed.map((item) => item.reason)).toEqual(['already_sent', 'already_sent']);
  });

  it('identify a condition by rule and its grouping fields only', () => {
    expect(conditionKey({ rule: 'data_gap', source: 'ai_logs', team: 'Legal', date: '2026-11-18', severity: 'medium' })).toBe(
      'data_gap{"team":"Legal","source":"ai_logs","date":"2026-11-18"}',
    );
    expect(conditionKey({ ...drop, delta_pts: -20 })).toBe(conditionKey(drop));
    expect(['low', 'medium', 'high', 'critical'].map((severity) => raiseSeverity(severity as never))).toEqual(['medium', 'high', 'critical', 'critical']);
  });
});
