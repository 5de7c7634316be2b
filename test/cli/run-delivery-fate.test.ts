import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/local-servers.js';
import { sandbox, startUptake, type Sandbox } from '../helpers/uptake-process.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
});

// A Slack webhook that reads each post whole and drops the connection before answering: Slack may have shown it.
async function droppingSlack(): Promise<{ url: string; posts: string[]; close(): Promise<void> }> {
  const posts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      posts.push(body);
      response.socket?.destroy();
    });
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T/B/secret`,
    posts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    },
  };
}

// The report was posted to a Slack that dropped the connection after reading it: uptake posted it four times (and the
// alerts four times, and again on every later run), and its failure notice said Slack did not receive the report.
describe('uptake run whose Slack webhook takes posts without answering', () => {
  it('posts the report and the alerts once each, exits 7 saying they may be in the channel, and does not send the alerts again next run', async () => {
    const slack = await droppingSlack();
    const smtp = await startSmtp();
    try {
      const config = join(box.dir, 'uptake.config.json');
      const email = { enabled: true, host: '127.0.0.1', port: smtp.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', to: ['ops@example.test'] };
      writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output: box.out, email, slack: { enabled: true, webhookUrl: slack.url }, warehouse: { duckdbPath: null } }));
      const env = { ...box.env, TEST_SMTP_PASSWORD: 's3cret' };
      const run = await startUptake(['run', '--config', config, '--notebook', box.notebook(0)], env).child;
      expect(run.exitCode).toBe(7);
      const host = new URL(slack.url).host;
      expect(run.stderr).toMatch(
        new RegExp(`uptake: Slack webhook at ${host.replace(/\./g, '\\.')}: expected 2xx, got the connection was dropped before Slack answered \\(.+\\) after 1 attempt; the report may have reached the channel, so uptake did not post again: look in the channel before posting again(\\n|$)`),
      );
      expect(run.stderr).toMatch(/alerts not delivered by slack: .*the alerts may have reached the channel, so uptake did not post again/);
      // the week's message, the alerts, the failure notice: each once
      expect(slack.posts).toHaveLength(3);
      const subjects = await Promise.all(smtp.received.map(async (mail) => (await simpleParser(mail.raw)).subject));
      expect(subjects).toHaveLength(3); // the report, the alerts, the failure notice
      const notice = await simpleParser(smtp.received[2].raw);
      expect(notice.subject).toBe('[uptake] AI adoption report 2026-W47: the run FAILED');
      expect(notice.text).toContain('The report was published; email received it, Slack may have received it (no answer came; it was not sent again).');
      const ledger = JSON.parse(readFileSync(join(box.out, '.uptake', 'alert-ledger.json'), 'utf8'));
      const channels = Object.values(ledger.conditions as Record<string, { delivered: { channels: string[] } | null }>).map((entry) => JSON.stringify(entry.delivered?.channels));
      expect(new Set(channels)).toEqual(new Set(['["email","slack"]']));

      // the next run of the week sends no alert again, to either channel
      const again = await startUptake(['run', '--config', config, '--notebook', box.notebook(0)], env).child;
      expect(again.exitCode).toBe(7);
      expect(slack.posts.filter((post) => /alerts\*/.test(post))).toHaveLength(1);
    } finally {
      await slack.close();
      await smtp.close();
    }
  }, 180_000);
});
