import { afterEach, expect, it } from 'vitest';
import { deadManNotifier } from '../../src/automate/dead-man-notifier.js';
import type { DeadManResult } from '../../src/automate/dead-man.js';
import { parseConfig } from '../../src/config/read-config.js';
import { startReceiver, type Receiver } from '../deliver/local-servers.js';

const open: Receiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const overdue: DeadManResult = { overdue: true, days: 8, lastSuccessAt: '2026-11-14T06:00:00.000Z', monitoredSince: '2026-10-01T06:00:00.000Z', silentDays: 10.5, message: 'last report 10.5 days ago' };

it('finds the Slack webhook in the env var that slack.webhookUrl names, as every other notice does', async () => {
  const receiver = await startReceiver([{ status: 200 }]);
  open.push(receiver);
  const config = parseConfig({ title: 'AI adoption', slack: { enabled: true, webhookUrl: 'DEADMAN_HOOK' } });
  const lines: string[] = [];
  await deadManNotifier(config, { env: { DEADMAN_HOOK: receiver.url }, log: (line) => lines.push(line) })(overdue);
  expect(receiver.bodies).toHaveLength(1);
  expect((receiver.bodies[0] as { text: string }).text).toMatch(/^AI adoption: no report was produced for more than 8 days \(last report 10\.5 days ago\)/);
  expect(lines).toHaveLength(1);
});

it('fails with the reason when the named env var is empty and Slack is the only channel', async () => {
  const config = parseConfig({ slack: { enabled: true, webhookUrl: 'DEADMAN_HOOK' } });
  const lines: string[] = [];
  await expect(deadManNotifier(config, { env: {}, log: (line) => lines.push(line) })(overdue)).rejects.toThrow(
    /every channel failed: slack: slack\.enabled is true, so expected a webhook URL \(https:\/\/…\) in the environment variable DEADMAN_HOOK, got nothing/,
  );
  expect(lines[1]).toMatch(/notice not delivered by slack/);
});

it('says that no report has been produced yet, not "for more than 8 days", when the run log knows of no run (a fresh install)', async () => {
  const receiver = await startReceiver([{ status: 200 }]);
  open.push(receiver);
  const config = parseConfig({ title: 'AI adoption', slack: { enabled: true, webhookUrl: receiver.url } });
  const empty: DeadManResult = { overdue: true, days: 8, lastSuccessAt: null, monitoredSince: null, silentDays: null, message: 'overdue: the run log is empty, no report has ever been produced (expected one within 8 days)' };
  await deadManNotifier(config, {})(empty);
  expect((receiver.bodies[0] as { text: string }).text).toBe(
    `AI adoption: no report has been produced yet (overdue: the run log is empty, no report has ever been produced (expected one within 8 days)). Check \`uptake status\` and the run log ${config.output}/.uptake/runs.jsonl.`,
  );
});
