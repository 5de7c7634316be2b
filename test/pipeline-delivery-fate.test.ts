import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runReport } from '../src/pipeline.js';
import { runEffects } from '../src/cli/run-effects.js';
import { parseConfig } from '../src/config/read-config.js';
import { startReceiver } from './deliver/local-servers.js';

// A report Slack may have (the webhook read the post whole and dropped the connection) was not noted as delivered:
// `uptake watch` ran the batch again and `uptake schedule` its interrupted run, and each posted the report again.
describe('runReport whose Slack post has an unknown fate', () => {
  test('notes the report as delivered on Slack, so that a retry of the run does not post it again; a refused post is not noted', async () => {
    const sockets = new Set<Socket>();
    const posts: string[] = [];
    const dropping: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', () => (posts.push(body), response.socket?.destroy()));
    });
    dropping.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
    await new Promise<void>((listening) => dropping.listen(0, '127.0.0.1', listening));
    const refusing = await startReceiver([{ status: 404, body: 'channel_not_found' }]);
    const output = mkdtempSync(join(tmpdir(), 'uptake-h2-fate-'));
    try {
      const noted = async (webhookUrl: string) => {
        const channels: string[] = [];
        const config = parseConfig({ output, slack: { enabled: true, webhookUrl, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 } }, alerts: { routes: { low: [], medium: [], high: [], critical: [] } } });
        const message = await runReport(
          { config, week: 'latest', input: 'data/sample', deliver: true, warehouse: false },
          runEffects({ log: () => {}, onReportDelivered: async (channel) => void channels.push(channel) }),
        ).then(() => 'delivered', (error: Error) => error.message);
        return { message, channels };
      };
      const unknown = await noted(`http://127.0.0.1:${(dropping.address() as AddressInfo).port}/hook`);
      expect(unknown.message).toMatch(/the report may have reached the channel, so uptake did not post again/);
      expect(unknown.channels).toEqual(['slack']);
      expect(posts).toHaveLength(2); // the report once, then the failure notice
      const refused = await noted(refusing.url);
      expect(refused.message).toMatch(/got HTTP 404 channel_not_found after 1 attempt; the report did not reach the channel$/);
      expect(refused.channels).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => dropping.close(closed));
      await refusing.close();
      rmSync(output, { recursive: true, force: true });
    }
  }, 180_000);
});

// The mail server took ops@ and refused cfo@ for good: the run said delivered (exit 0), and cfo@ never had the report.
describe('runReport whose mail server refuses one of two recipients', () => {
  test('fails with exit 7 naming who has the report and who does not; the notice says email reached some of its recipients', async () => {
    const { SMTPServer } = await import('smtp-server');
    const mails: { to: string[]; text: string }[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onRcptTo: (address, _session, callback) => callback(address.address.startsWith('cfo@') ? Object.assign(new Error('no such user'), { responseCode: 550 }) : undefined),
      onData(stream, session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => (mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text }), callback()));
      },
    });
    server.on('error', () => {});
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const port = (server.server.address() as AddressInfo).port;
    const output = mkdtempSync(join(tmpdir(), 'uptake-h2-partly-'));
    try {
      const config = parseConfig({ output, email: { enabled: true, host: '127.0.0.1', port, to: ['ops@example.test', 'cfo@example.test'] }, alerts: { routes: { low: [], medium: [], high: [], critical: [] } } });
      const error = await runReport({ config, week: 'latest', input: 'data/sample', deliver: true, warehouse: false }, runEffects({ log: () => {} })).then(
        () => null,
        (caught: Error) => caught,
      );
      expect((error as { kind?: string }).kind).toBe('deliver');
      expect(error!.message).toMatch(
        new RegExp(`^SMTP 127\\.0\\.0\\.1:${port}: ".*2026-W47.*" went to ops@example\\.test, but the server refused cfo@example\\.test \\(550 no such user\\) after 1 attempt; it was not sent to cfo@example\\.test$`),
      );
      // the report, then the failure notice, each to ops@ alone
      expect(mails.map((mail) => mail.to)).toEqual([['ops@example.test'], ['ops@example.test']]);
      expect(mails[1].text.replace(/=\r?\n/g, '')).toContain('The report was published; email reached some of its recipients, not all.');
    } finally {
      await new Promise<void>((closed) => server.close(() => closed()));
      rmSync(output, { recursive: true, force: true });
    }
  }, 180_000);
});
