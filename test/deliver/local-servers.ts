import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Real servers on loopback for the delivery tests: an SMTP server and a webhook receiver.

export interface Received {
  from: string;
  recipients: string[];
  raw: Buffer;
}

export interface TestServer {
  port: number;
  received: Received[];
  authAttempts: number;
  close(): Promise<void>;
}

// A real SMTP server on loopback: auth with user `reporter` / password `s3cret`; `failFirst` answers 451 that often.
export async function startSmtp(options: { failFirst?: number; starttls?: boolean } = {}): Promise<TestServer> {
  const received: Received[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const state = { authAttempts: 0 };
  const server = new SMTPServer({
    // smtp-server offers STARTTLS with its own self-signed certificate unless disabled
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      state.authAttempts += 1;
      if (auth.username === 'reporter' && auth.password === 's3cret') callback(null, { user: 'reporter' });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    get authAttempts() {
      return state.authAttempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Receiver {
  url: string;
  bodies: unknown[];
  close(): Promise<void>;
}

// A loopback webhook that answers with the given statuses in turn (the last one repeats).
export async function startReceiver(statuses: { status: number; body?: string; headers?: Record<string, string> }[]): Promise<Receiver> {
  const bodies: unknown[] = [];
  let call = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const answer = statuses[Math.min(call, statuses.length - 1)];
      call += 1;
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      response.end(answer.body ?? (answer.status === 200 ? 'ok' : 'error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/services/T000/B000/secret-token`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

