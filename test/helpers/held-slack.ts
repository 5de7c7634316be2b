import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Slack webhook on loopback that takes every post and answers none until told to (see heldSlack). */
export interface HeldSlack {
  webhookUrl: string;
  /** The bodies posted so far. */
  posts: string[];
  /** From now on, posts are answered `ok`. */
  answer(): void;
  close(): Promise<void>;
}

/**
 * A Slack webhook that does not answer (a run posting to it waits there, its mail already sent) until `answer()`.
 * @example const slack = await heldSlack(); ...; slack.answer(); ...; await slack.close()
 */
export async function heldSlack(): Promise<HeldSlack> {
  let answering = false;
  const posts: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      posts.push(body);
      if (answering) response.end('ok');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    posts,
    answer: () => {
      answering = true;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    },
  };
}
