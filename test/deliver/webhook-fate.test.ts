import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postSlack } from '../../src/deliver/slack.js';
import { UptakeError } from '../../src/errors.js';

// A real webhook on loopback whose answer to each post is `answer(request, response, body, call)`; it records every
// request (method and body) it got. Slack's incoming webhooks are not idempotent: a post that the webhook may have
// taken must not be posted again.
interface Hook {
  url: string;
  requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

const hooks: Hook[] = [];
afterEach(async () => {
  await Promise.all(hooks.splice(0).map((hook) => hook.close()));
});

async function hook(answer: (response: ServerResponse, call: number, request: IncomingMessage) => void): Promise<Hook> {
  const requests: Hook['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', path: request.url ?? '', body });
      answer(response, requests.length, request);
    });
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const made = {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-token`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    },
  };
  hooks.push(made);
  return made;
}

const reply = (status: number, body: string, headers: Record<string, string> = {}) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'text/plain', ...headers });
  response.end(body);
};

const retry = { attempts: 4, baseDelayMs: 10, maxDelayMs: 10 };

async function post(url: string, options: { timeoutMs?: number } = {}): Promise<{ message: string; handedOver: boolean[]; delays: number[] }> {
  const handedOver: boolean[] = [];
  const delays: number[] = [];
  const message = await postSlack(url, { text: 'report' }, { retry, what: 'the report', timeoutMs: options.timeoutMs ?? 5000, sleep: async (ms) => void delays.push(ms), onHandedOver: (value) => void handedOver.push(value) }).then(
    () => 'delivered',
    (error: unknown) => {
      expect(error).toBeInstanceOf(UptakeError);
      expect((error as UptakeError).kind).toBe('deliver');
      return (error as Error).message;
    },
  );
  return { message, handedOver, delays };
}

describe('postSlack: a post Slack may have taken is not posted again', () => {
  it('a webhook that takes the post and never answers: posted once, said to maybe be in the channel', async () => {
    const held = await hook(() => {});
    const { host } = new URL(held.url);
    const outcome = await post(held.url, { timeoutMs: 300 });
    expect(outcome.message).toBe(
      `Slack webhook at ${host}: expected 2xx, got no answer within 0.3 s of sending the report after 1 attempt; the report may have reached the channel, so uptake did not post again: look in the channel before posting again`,
    );
    expect(held.requests).toHaveLength(1);
    expect(outcome.handedOver).toEqual([true]);
  });

  it('a webhook that reads the whole post and drops the connection: posted once, said to maybe be in the channel', async () => {
    const dropping = await hook((response) => response.socket?.destroy());
    const { host } = new URL(dropping.url);
    const outcome = await post(dropping.url);
    expect(outcome.message).toMatch(
      new RegExp(`^Slack webhook at ${host.replace(/\./g, '\\.')}: expected 2xx, got the connection was dropped before Slack answered \\(.+\\) after 1 attempt; the report may have reached the channel, so uptake did not post again: look in the channel before posting again$`),
    );
    expect(dropping.requests).toHaveLength(1);
  });

  // 500, and 502/504 from a proxy whose upstream may have posted it, do not say the post was not taken
  it.each([500, 502, 504])('HTTP %i: posted once, said to maybe be in the channel', async (status) => {
    const failing = await hook(reply(status, 'rollup_error'));
    const outcome = await post(failing.url);
    expect(outcome.message).toMatch(new RegExp(`got HTTP ${status} rollup_error after 1 attempt; the report may have reached the channel, so uptake did not post again`));
    expect(failing.requests).toHaveLength(1);
    expect(outcome.handedOver).toEqual([true]);
  });
});

// Slack answered 200 and the connection dropped in its body: the post was read as unanswered, maybe not posted
describe('postSlack: an answer whose body is cut off', () => {
  it('200 with its body cut off: delivered, once', async () => {
    const cut = await hook((response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      response.write('o');
      setTimeout(() => response.socket?.destroy(), 50);
    });
    const outcome = await post(cut.url);
    expect(outcome.message).toBe('delivered');
    expect(cut.requests).toHaveLength(1);
  });

  it('404 with its body cut off: refused, once', async () => {
    const cut = await hook((response) => {
      response.writeHead(404, { 'content-type': 'text/plain', 'content-length': '100' });
      response.write('channel_');
      setTimeout(() => response.socket?.destroy(), 50);
    });
    const outcome = await post(cut.url);
    expect(outcome.message).toMatch(/got HTTP 404 after 1 attempt; the report did not reach the channel$/);
    expect(cut.requests).toHaveLength(1);
  });
});

describe('postSlack: a post Slack certainly did not take is tried again', () => {
  it('429 with Retry-After, then 200: waits as told, delivered on the second try', async () => {
    const limited = await hook((response, call) => (call === 1 ? reply(429, 'rate_limited', { 'retry-after': '0.005' }) : reply(200, 'ok'))(response));
    const outcome = await post(limited.url);
    expect(outcome).toEqual({ message: 'delivered', handedOver: [true, false, true], delays: [5] });
    expect(limited.requests).toHaveLength(2);
  });

  it('503, then 200: delivered on the second try', async () => {
    const unavailable = await hook((response, call) => reply(call === 1 ? 503 : 200, call === 1 ? 'service_unavailable' : 'ok')(response));
    const outcome = await post(unavailable.url);
    expect(outcome.message).toBe('delivered');
    expect(unavailable.requests).toHaveLength(2);
  });

  it('503 every time: every attempt used, and the report did not reach the channel', async () => {
    const unavailable = await hook(reply(503, 'service_unavailable'));
    const { host } = new URL(unavailable.url);
    const outcome = await post(unavailable.url);
    expect(outcome.message).toBe(`Slack webhook at ${host}: expected 2xx, got HTTP 503 service_unavailable after 4 attempts; the report did not reach the channel`);
    expect(unavailable.requests).toHaveLength(4);
    expect(outcome.handedOver).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('a port nobody listens on: every attempt used, and the report did not reach the channel', async () => {
    const gone = await hook(reply(200, 'ok'));
    await gone.close();
    const { host } = new URL(gone.url);
    const outcome = await post(gone.url);
    expect(outcome.message).toBe(`Slack webhook at ${host}: expected 2xx, got could not connect (ECONNREFUSED) after 4 attempts; the report did not reach the channel`);
    expect(outcome.delays).toHaveLength(3);
  });
});

describe("postSlack: Slack's refusals stop at once and say the report did not reach the channel", () => {
  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
  ])('HTTP %i %s', async (status, body) => {
    const refusing = await hook(reply(status, body));
    const { host } = new URL(refusing.url);
    const outcome = await post(refusing.url);
    expect(outcome.message).toBe(`Slack webhook at ${host}: expected 2xx, got HTTP ${status} ${body} after 1 attempt; the report did not reach the channel`);
    expect(refusing.requests).toHaveLength(1);
    expect(outcome.handedOver).toEqual([true, false]);
  });

  // a webhook (or a proxy before it) answering 200 with Slack's error name was read as delivered
  it.each(['invalid_payload', 'no_service'])('HTTP 200 with the body %s is a refusal, not a delivery', async (body) => {
    const refusing = await hook(reply(200, body));
    const { host } = new URL(refusing.url);
    const outcome = await post(refusing.url);
    expect(outcome.message).toBe(`Slack webhook at ${host}: expected 2xx, got HTTP 200 with Slack's error ${body} instead of ok after 1 attempt; the report did not reach the channel`);
    expect(refusing.requests).toHaveLength(1);
  });

  // fetch followed a 302 as a GET without the message, got the landing page's 200, and the run said delivered
  it.each([301, 302, 307, 308])('a webhook URL answering %i is not followed: the report did not reach the channel, and the new address is not sent anything', async (status) => {
    const landing = await hook(reply(200, 'ok'));
    const moved = await hook(reply(status, '', { location: `${landing.url}/moved` }));
    const outcome = await post(moved.url);
    expect(outcome.message).toBe(
      `Slack webhook at ${new URL(moved.url).host}: expected 2xx, got HTTP ${status} (a redirect to ${new URL(landing.url).host}, not followed) after 1 attempt; the report did not reach the channel: set the webhook URL to the address Slack gives`,
    );
    expect(moved.requests).toHaveLength(1);
    expect(landing.requests).toEqual([]);
  });
});
