import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { EmailSchema } from '../../src/config/schema.js';
import { sendEmail } from '../../src/deliver/email.js';
import { UptakeError } from '../../src/errors.js';

// Real SMTP servers on loopback that fail the ways a mail relay does mid-delivery. A mail is not idempotent: one the
// server may have taken (its whole message sent, no answer) must not be sent again; one it certainly did not take
// (the connection dropped before the end of the data, a 4xx) is tried again.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

type Behaviour = 'accept' | 'drop at data' | 'drop after the data' | 'silent after the data' | 'busy recipient' | 'busy cfo' | 'no such cfo';

// A plain SMTP dialogue, each connection behaving as `behaviours` says in turn (the last repeats); `messages` holds
// each message it acknowledged, `ended` each whose end of data it received.
async function rawSmtp(behaviours: Behaviour[]): Promise<{ port: number; connections: number; ended: number; messages: string[]; recipients: string[][] }> {
  const sockets = new Set<Socket>();
  const state = { port: 0, connections: 0, ended: 0, messages: [] as string[], recipients: [] as string[][] };
  const server: Server = createServer((socket) => {
    const behaviour = behaviours[Math.min(state.connections, behaviours.length - 1)];
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.write('220 relay.example.test ESMTP\r\n');
    let data: string[] | null = null;
    let pending = '';
    let to: string[] = [];
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const lines = pending.split('\r\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (data !== null) {
          if (line !== '.') {
            data.push(line);
            continue;
          }
          state.ended += 1;
          if (behaviour === 'drop after the data') return void socket.destroy();
          if (behaviour === 'silent after the data') return;
          state.messages.push(data.join('\n'));
          state.recipients.push(to);
          to = [];
          data = null;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-relay.example.test\r\n250 8BITMIME\r\n');
        else if (verb === 'RCPT' && behaviour === 'busy recipient') socket.write('450 4.2.1 mailbox busy, try later\r\n');
        else if (verb === 'RCPT' && /cfo@/.test(line) && behaviour === 'busy cfo') socket.write('450 4.2.1 mailbox busy, try later\r\n');
        else if (verb === 'RCPT' && /cfo@/.test(line) && behaviour === 'no such cfo') socket.write('550 5.1.1 no such user\r\n');
        else if (verb === 'RCPT') (to.push(/<(.*)>/.exec(line)?.[1] ?? line), socket.write('250 ok\r\n'));
        else if (verb === 'DATA' && behaviour === 'drop at data') return void socket.destroy();
        else if (verb === 'DATA') (data = [], socket.write('354 go on\r\n'));
        else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  state.port = (server.address() as AddressInfo).port;
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((closed) => server.close(closed));
  });
  return state;
}

function config(port: number, to = ['ops@example.test']) {
  return EmailSchema.parse({ enabled: true, host: '127.0.0.1', port, from: 'uptake@example.test', to, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 } });
}

async function send(port: number, options: { to?: string[]; attemptMs?: number; text?: string } = {}): Promise<string> {
  return sendEmail(config(port, options.to), { subject: 'AI adoption report 2026-W47', text: options.text ?? 'report' }, { sleep: async () => {}, attemptMs: options.attemptMs }).then(
    (receipt) => `delivered to ${receipt.accepted.join(', ')} after ${receipt.attempts}`,
    (error: unknown) => {
      expect(error).toBeInstanceOf(UptakeError);
      expect((error as UptakeError).kind).toBe('deliver');
      return (error as Error).message;
    },
  );
}

describe('sendEmail: a mail the server may have taken is not sent again', () => {
  it('a server that drops the connection after the whole message: sent once, said to maybe be delivered', async () => {
    const smtp = await rawSmtp(['drop after the data', 'accept']);
    expect(await send(smtp.port)).toMatch(
      new RegExp(`^SMTP 127\\.0\\.0\\.1:${smtp.port}: sent "AI adoption report 2026-W47" to ops@example\\.test whole, but got no answer after 1 attempt: .+; the server may deliver it, so uptake did not send it again: ask a recipient before sending it again$`),
    );
    expect({ connections: smtp.connections, ended: smtp.ended }).toEqual({ connections: 1, ended: 1 });
  });

  it('a server that takes the whole message and never answers: sent once, said to maybe be delivered', async () => {
    const smtp = await rawSmtp(['silent after the data', 'accept']);
    expect(await send(smtp.port, { attemptMs: 500 })).toBe(
      `SMTP 127.0.0.1:${smtp.port}: sent "AI adoption report 2026-W47" to ops@example.test whole, but got no answer after 1 attempt: the server had not finished the exchange after 0.5 s; the server may deliver it, so uptake did not send it again: ask a recipient before sending it again`,
    );
    expect({ connections: smtp.connections, ended: smtp.ended }).toEqual({ connections: 1, ended: 1 });
  });
});

describe('sendEmail: a mail the server certainly did not take is tried again', () => {
  // (a connection dropped while the message is being written is the same case; one dropped once the client has written
  // it whole, into the socket's buffers, is the case above: on loopback, a 4 MB message is written whole before the
  // server has read its first line, so the test drops the connection before the message is sent)
  it('a server that drops the connection at DATA, before the message: tried again, delivered once', async () => {
    const smtp = await rawSmtp(['drop at data', 'accept']);
    expect(await send(smtp.port)).toBe('delivered to ops@example.test after 2');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.connections).toBe(2);
  });

  it('a 450 to the only recipient: tried again, delivered once', async () => {
    const smtp = await rawSmtp(['busy recipient', 'accept']);
    expect(await send(smtp.port)).toBe('delivered to ops@example.test after 2');
    expect(smtp.messages).toHaveLength(1);
  });

  it('a 450 to the only recipient on every try: every attempt used, and it was not sent', async () => {
    const smtp = await rawSmtp(['busy recipient']);
    expect(await send(smtp.port)).toMatch(
      new RegExp(`^SMTP 127\\.0\\.0\\.1:${smtp.port}: could not send "AI adoption report 2026-W47" to ops@example\\.test after 3 attempts: .*450 4\\.2\\.1 mailbox busy, try later.*; it was not sent$`),
    );
    expect(smtp.messages).toEqual([]);
  });
});

// A server that took one recipient and refused the other: the run said delivered, and the other never had the report.
describe('sendEmail to two recipients, one refused', () => {
  const both = ['ops@example.test', 'cfo@example.test'];

  it('refused for now (450): tried again for that one alone, each gets it once', async () => {
    const smtp = await rawSmtp(['busy cfo', 'accept']);
    expect(await send(smtp.port, { to: both })).toBe('delivered to ops@example.test, cfo@example.test after 2');
    expect(smtp.recipients).toEqual([['ops@example.test'], ['cfo@example.test']]);
    // (the headers name both, as the first try's did)
    expect(smtp.messages[1]).toMatch(/^To: ops@example\.test, cfo@example\.test$/m);
  });

  it('refused for now, then no answer to the try for that one alone: says it may have reached them, and sends it no more', async () => {
    const smtp = await rawSmtp(['busy cfo', 'silent after the data', 'accept']);
    expect(await send(smtp.port, { to: both, attemptMs: 500 })).toBe(
      `SMTP 127.0.0.1:${smtp.port}: "AI adoption report 2026-W47" went to ops@example.test, but the server refused cfo@example.test (450 4.2.1 mailbox busy, try later) after 2 attempts; the last attempt, to cfo@example.test alone, got no answer: the server may deliver it to them, so uptake did not send it again`,
    );
    expect(smtp.connections).toBe(2);
  });

  it('refused for good (550): says who has it and who does not', async () => {
    const smtp = await rawSmtp(['no such cfo']);
    expect(await send(smtp.port, { to: both })).toBe(
      `SMTP 127.0.0.1:${smtp.port}: "AI adoption report 2026-W47" went to ops@example.test, but the server refused cfo@example.test (550 5.1.1 no such user) after 1 attempt; it was not sent to cfo@example.test`,
    );
    expect(smtp.recipients).toEqual([['ops@example.test']]);
  });

  it('refused for now on every try: says who has it and who does not, having sent it to each at most once', async () => {
    const smtp = await rawSmtp(['busy cfo']);
    expect(await send(smtp.port, { to: both })).toBe(
      `SMTP 127.0.0.1:${smtp.port}: "AI adoption report 2026-W47" went to ops@example.test, but the server refused cfo@example.test (450 4.2.1 mailbox busy, try later) after 3 attempts; it was not sent to cfo@example.test`,
    );
    expect(smtp.recipients).toEqual([['ops@example.test']]);
  });
});

// A run stopped while the mail server was still logging it in (a slow AUTH): nothing could be delivered, but the
// connection stayed open until nodemailer's socket timeout (10 minutes), in a scheduler that goes on running.
describe('sendEmail aborted while logging in', () => {
  it('closes the connection at once, and says the mail was aborted', async () => {
    let authStarted = () => {};
    const authing = new Promise<void>((resolve) => (authStarted = resolve));
    let closed = () => {};
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: () => authStarted(), // never answers
      onClose: () => closed(),
    });
    server.on('error', () => {});
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    closers.push(() => new Promise<void>((done) => server.close(() => done())));
    const port = (server.server.address() as AddressInfo).port;
    const controller = new AbortController();
    const sending = sendEmail(
      EmailSchema.parse({ enabled: true, host: '127.0.0.1', port, user: 'reporter', passwordEnv: 'P', from: 'uptake@example.test', to: ['ops@example.test'] }),
      { subject: 'AI adoption report 2026-W47', text: 'report' },
      { env: { P: 's3cret' }, signal: controller.signal },
    ).catch((error: unknown) => error);
    await authing;
    controller.abort('SIGTERM');
    const error = (await sending) as UptakeError;
    expect(error.kind).toBe('aborted');
    expect(error.message).toBe(`SMTP 127.0.0.1:${port}: the sending of "AI adoption report 2026-W47" was aborted`);
    // the server sees the connection end (before the fix it waited for nodemailer's 10-minute socket timeout, and
    // this test for its own timeout)
    await connectionClosed;
    expect(server.connections.size).toBe(0);
  });
});

// uptake opens each connection itself (so that an abort closes it at once) and nodemailer does TLS on it
describe('sendEmail over implicit TLS (secure)', () => {
  it('delivers, and refuses an unverifiable certificate unless rejectUnauthorized is false', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      secure: true,
      logger: false,
      authOptional: true,
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => (received.push(text), callback()));
      },
    });
    server.on('error', () => {});
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    closers.push(() => new Promise<void>((done) => server.close(() => done())));
    const port = (server.server.address() as AddressInfo).port;
    const secure = (rejectUnauthorized: boolean) =>
      sendEmail(
        EmailSchema.parse({ enabled: true, host: '127.0.0.1', port, secure: true, rejectUnauthorized, from: 'uptake@example.test', to: ['ops@example.test'], retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } }),
        { subject: 'over TLS', text: 'report' },
        { sleep: async () => {} },
      );
    const refused = await secure(true).catch((error: Error) => error);
    expect((refused as Error).message).toMatch(/after 1 attempt: .*certificate.*; it was not sent$/);
    expect(await secure(false).then((receipt) => receipt.accepted)).toEqual(['ops@example.test']);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Subject: over TLS');
  });
});
