import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { EmailSchema } from '../../src/config/schema.js';
import { mustUseTls, renderSubject, sendEmail, sendReportEmail } from '../../src/deliver/email.js';
import { UptakeError } from '../../src/errors.js';
import { startSmtp, type TestServer } from './local-servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function emailConfig(port: number, extra: Record<string, unknown> = {}) {
  return EmailSchema.parse({
    enabled: true,
    host: '127.0.0.1',
    port,
    user: 'reporter',
    passwordEnv: 'TEST_SMTP_PASSWORD',
    from: 'uptake@example.test',
    to: ['ops@example.test', 'cfo@example.test'],
    subject: '{{title}} for {{week}}',
    retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 },
    ...extra,
  });
}

// Every byte value, twice, so an encoding slip (text mode, UTF-8 re-encoding) shows up.
const pdf = new Uint8Array(512).map((_, index) => index % 256);

describe('sendReportEmail', () => {
  it('delivers the PDF byte-identical with the rendered subject to every recipient', async () => {
    const server = await startSmtp();
    servers.push(server);
    const receipt = await sendReportEmail(
      emailConfig(server.port),
      { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'report-2026-W47.pdf', text: 'Adoption rose to 41%.', html: '<p>Adoption rose to 41%.</p>' },
      { env: { TEST_SMTP_PASSWORD: 's3cret' } },
    );
    expect(receipt.accepted).toEqual(['ops@example.test', 'cfo@example.test']);
    expect(receipt.attempts).toBe(1);
    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message.from).toBe('uptake@example.test');
    expect(message.recipients).toEqual(['ops@example.test', 'cfo@example.test']);
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe('AI adoption for 2026-W47');
    expect(parsed.text?.trim()).toBe('Adoption rose to 41%.');
    expect(parsed.html).toContain('<p>Adoption rose to 41%.</p>');
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment.filename).toBe('report-2026-W47.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachment.content, Buffer.from(pdf))).toBe(0);
  });

  it('retries a temporary SMTP refusal (451) with backoff, then delivers once', async () => {
    const server = await startSmtp({ failFirst: 2 });
    servers.push(server);
    const delays: number[] = [];
    const receipt = await sendReportEmail(
      emailConfig(server.port),
      { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'r.pdf', text: 't' },
      { env: { TEST_SMTP_PASSWORD: 's3cret' }, sleep: async (ms) => void delays.push(ms), random: () => 0 },
    );
    expect(receipt.attempts).toBe(3);
    // base 1000: ceilings 1000 then 2000, random 0 -> the lower half-point of each
    expect(delays).toEqual([500, 1000]);
    expect(server.received).toHaveLength(1);
  });

  // the run's abort message rests on this: the server has the message from the end of its data until it answers,
  // and not once it refused it (451: the wait before the next try holds nothing the server could send)
  it('tells when the server has the whole message, and when a refusal took it back', async () => {
    const server = await startSmtp({ failFirst: 1 });
    servers.push(server);
    const handedOver: boolean[] = [];
    await sendReportEmail(
      emailConfig(server.port),
      { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'r.pdf', text: 't' },
      { env: { TEST_SMTP_PASSWORD: 's3cret' }, sleep: async () => {}, onHandedOver: (value) => void handedOver.push(value) },
    );
    expect(handedOver).toEqual([true, false, true]);
    expect(server.received).toHaveLength(1);
  });

  it('stops at once on an authentication failure and says where', async () => {
    const server = await startSmtp();
    servers.push(server);
    const delays: number[] = [];
    const error = await sendReportEmail(
      emailConfig(server.port),
      { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'r.pdf', text: 't' },
      { env: { TEST_SMTP_PASSWORD: 'wrong' }, sleep: async (ms) => void delays.push(ms) },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).kind).toBe('deliver');
    expect((error as UptakeError).message).toContain(`SMTP 127.0.0.1:${server.port}`);
    expect((error as UptakeError).message).toContain('after 1 attempt');
    expect(server.authAttempts).toBe(1);
    expect(delays).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('refuses to send without the password variable or recipients, before connecting', async () => {
    const server = await startSmtp();
    servers.push(server);
    const report = { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'r.pdf', text: 't' };
    await expect(sendReportEmail(emailConfig(server.port), report, { env: {} })).rejects.toThrow(
      /environment variable TEST_SMTP_PASSWORD/,
    );
    await expect(sendReportEmail(emailConfig(server.port, { to: [] }), report, { env: { TEST_SMTP_PASSWORD: 's3cret' } })).rejects.toThrow(
      /email\.to: expected at least one recipient/,
    );
    expect(server.authAttempts).toBe(0);
  });

  it('refuses an unverifiable STARTTLS certificate at once unless rejectUnauthorized is false', async () => {
    const server = await startSmtp({ starttls: true });
    servers.push(server);
    const report = { week: '2026-W47', title: 'AI adoption', pdf, pdfName: 'r.pdf', text: 't' };
    const effects = { env: { TEST_SMTP_PASSWORD: 's3cret' }, sleep: async () => {} };
    // its bundled certificate is self-signed (and by now expired): verification fails, and a retry would not help
    await expect(sendReportEmail(emailConfig(server.port), report, effects)).rejects.toThrow(/after 1 attempt: .*certificate/);
    expect(server.received).toHaveLength(0);
    await sendReportEmail(emailConfig(server.port, { rejectUnauthorized: false }), report, effects);
    expect(server.received).toHaveLength(1);
  });

  it('with requireTLS, never sends the password to a server that offers no STARTTLS, and does not retry', async () => {
    const server = await startSmtp({ starttls: false });
    servers.push(server);
    const delays: number[] = [];
    const error = (await sendEmail(emailConfig(server.port, { requireTLS: true }), { subject: 's', text: 't' }, {
      env: { TEST_SMTP_PASSWORD: 's3cret' },
      sleep: async (ms) => {
        delays.push(ms);
      },
    }).catch((caught: unknown) => caught)) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.kind).toBe('deliver');
    expect(error.message).toBe(
      `SMTP 127.0.0.1:${server.port}: expected the server to offer STARTTLS, since email.requireTLS is on; it offers none, so the password was not sent (set email.secure for implicit TLS, or email.requireTLS: false for a trusted relay)`,
    );
    expect(server.authAttempts).toBe(0);
    expect(server.received).toHaveLength(0);
    expect(delays).toEqual([]);
  });

  it('requires TLS by default when a password would go to another host, not on loopback or without a login', () => {
    const remote = { host: 'smtp.example.com', port: 587, user: 'reporter' };
    expect(mustUseTls(EmailSchema.parse(remote))).toBe(true);
    expect(mustUseTls(EmailSchema.parse({ ...remote, host: '127.0.0.1' }))).toBe(false);
    expect(mustUseTls(EmailSchema.parse({ ...remote, host: 'localhost' }))).toBe(false);
    expect(mustUseTls(EmailSchema.parse({ ...remote, host: '::1' }))).toBe(false);
    expect(mustUseTls(EmailSchema.parse({ host: 'smtp.example.com' }))).toBe(false);
    expect(mustUseTls(EmailSchema.parse({ ...remote, requireTLS: false }))).toBe(false);
    expect(mustUseTls(EmailSchema.parse({ host: '127.0.0.1', requireTLS: true }))).toBe(true);
  });

  it('gives up on a try the server drags out a byte at a time (nodemailer waits on silence only), retries, then fails naming the server', async () => {
    // answers the greeting, then each command with one byte a second, never a whole line
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 tarpit.example.test ESMTP\r\n');
      let drip: NodeJS.Timeout | undefined;
      socket.once('data', () => (drip = setInterval(() => socket.write('2'), 100)));
      socket.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const sockets = new Set<Socket>();
    server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
    try {
      const port = (server.address() as AddressInfo).port;
      const started = Date.now();
      const tries: number[] = [];
      const failure = await sendEmail(
        emailConfig(port, { user: undefined, passwordEnv: undefined }),
        { subject: 'uptake failed for 2026-W47', text: 'x' },
        { attemptMs: 1500, sleep: async () => undefined, onRetry: ({ attempt }) => void tries.push(attempt) },
      ).then(() => null, (error: Error) => error);
      expect(failure).toBeInstanceOf(UptakeError);
      expect(failure!.message).toBe(`SMTP 127.0.0.1:${port}: could not send "uptake failed for 2026-W47" to ops@example.test, cfo@example.test after 3 attempts: the server had not finished the exchange after 1.5 s; it was not sent`);
      expect(tries).toEqual([1, 2]);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    }
  }, 30_000);

  it('sends a plain notification without attachment', async () => {
    const server = await startSmtp();
    servers.push(server);
    await sendEmail(emailConfig(server.port), { subject: 'uptake failed', text: 'render failed' }, { env: { TEST_SMTP_PASSWORD: 's3cret' } });
    const parsed = await simpleParser(server.received[0].raw);
    expect(parsed.subject).toBe('uptake failed');
    expect(parsed.attachments).toHaveLength(0);
  });
});

describe('renderSubject', () => {
  it('fills week and title, with or without spaces in the braces', () => {
    expect(renderSubject('{{ title }} – {{week}}', { week: '2026-W47', title: 'AI adoption' })).toBe('AI adoption – 2026-W47');
  });

  it('is checked by the config schema', () => {
    expect(() => EmailSchema.parse({ subject: 'Report {{weak}}' })).toThrow(/only the placeholders/);
  });
});
