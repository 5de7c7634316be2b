import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { AskEngine } from '../ask/ask-engine.js';
import { cellTexts, readerHeaders } from '../ask/format-answer.js';
import { formatValue } from '../ask/format-values.js';
import { UptakeError } from '../errors.js';
import { answerChartSvg } from './answer-chart.js';
import { ASK_PAGE_CSP, ASK_PAGE_HTML, REPORT_CSP } from './ask-page.js';

export interface AskServerOptions {
  /** Default 127.0.0.1: the page is for this machine unless a host is chosen. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** The report week's report.html (`uptake run` writes it); the page links to it at /report when it exists. */
  reportPath?: string;
  /** Each request, for the log (the command sends it to stderr). */
  onRequest?(line: string): void;
}

export interface AskServer {
  url: string;
  port: number;
  host: string;
  /** Stops accepting connections and ends open ones. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);

/** The pages read with GET (HEAD too); /api/ask takes POST. */
const GET_PATHS = new Set(['/', '/index.html', '/api/headline', '/api/alerts', '/report']);

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError(`expected a request body of at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The report, or null when it has not been written (yet).
async function readReport(path: string | undefined): Promise<string | null> {
  if (!path) return null;
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

// A page on another site that rebinds its DNS name to this machine reaches the server with its own
// name in Host: only the names of the bound address (and localhost) with the port are answered.
/**
 * The `Host` header values a server bound to `host`:`port` answers: that address (any local
 * address, this machine's name and localhost when bound to all of them) and localhost, with the
 * port (without it too on port 80), compared in lower case.
 * @example allowedHosts('127.0.0.1', 8787) // Set { '127.0.0.1:8787', 'localhost:8787' }
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set<string>([host, 'localhost']);
  if (host === '0.0.0.0' || host === '::' || host === '') {
    names.add(hostname());
    names.add('127.0.0.1');
    names.add('::1');
    for (const addresses of Object.values(networkInterfaces())) for (const address of addresses ?? []) names.add(address.address);
  }
  const allowed = new Set<string>();
  for (const name of names) {
    const shown = (isIP(name) === 6 ? `[${name}]` : name).toLowerCase();
    allowed.add(`${shown}:${port}`);
    if (port === 80) allowed.add(shown);
  }
  return allowed;
}

// A cross-site form or `fetch` without a preflight can send text/plain: only JSON posts are read.
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

// `GET //` or `GET /\\` is no URL under any base: new URL threw in the handler, and the throw ended the server.
/** A request target's path, or null when it is not one. */
function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/**
 * Serves the ask page (GET /), the headline numbers (GET /api/headline, with `report_url` when the
 * report exists), the week's alerts (GET /api/alerts), the report (GET /report) and answers
 * (POST /api/ask with `{"question": "…"}`, Content-Type application/json, else 415; a series comes
 * with `chart_svg`) from one engine, on 127.0.0.1 unless told otherwise; a request whose Host is not
 * the bound address or localhost (with the port) gets 421.
 * @example const server = await startAskServer(engine, { port: 0 }); console.error(server.url); await server.close();
 */
export async function startAskServer(engine: AskEngine, options: AskServerOptions = {}): Promise<AskServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.onRequest ?? (() => {});
  let allowed = new Set<string>();
  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch (error) {
      // one request's failure is its own 500; the server stays up for the next
      if (!response.headersSent) sendJson(response, 500, { error: (error as Error)?.message ?? String(error) });
      else response.destroy();
    }
  });
  function answer(request: IncomingMessage, response: ServerResponse): void {
    const path = requestPath(request.url);
    if (path === null) {
      const target = (request.url ?? '').slice(0, 100);
      log(`${request.method} ${target} (not a path)`);
      sendJson(response, 400, { error: `expected a request path such as /api/headline, got \`${target}\`` });
      return;
    }
    log(`${request.method} ${path}`);
    const requestedHost = (request.headers.host ?? '').toLowerCase();
    if (!allowed.has(requestedHost)) {
      sendJson(response, 421, { error: `expected the Host header to be one of ${[...allowed].sort().join(', ')}, got \`${requestedHost.slice(0, 100)}\`` });
      return;
    }
    // (HEAD is answered as GET: Node sends its headers without the body)
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (method === 'GET' && (path === '/' || path === '/index.html')) {
      send(response, 200, 'text/html; charset=utf-8', ASK_PAGE_HTML, { 'content-security-policy': ASK_PAGE_CSP, 'x-frame-options': 'DENY' });
      return;
    }
    if (method === 'GET' && path === '/api/headline') {
      readReport(options.reportPath)
        .then((report) => {
          const numbers = engine.headline();
          // (the numbers as the report writes them, with its formatters: the page shows these, never its own)
          const text = {
            adoption_rate: formatValue(numbers.adoption_rate, 'rate'), delta_pts: formatValue(numbers.delta_pts, 'pts'), hours_saved: formatValue(numbers.hours_saved, 'hours'),
            asi: formatValue(numbers.asi, 'rate'), harm_rate: formatValue(numbers.harm_rate, 'rate'), alerts: formatValue(numbers.alerts, 'count'),
          };
          sendJson(response, 200, { ...numbers, text, report_url: report === null ? null : '/report' });
        })
        .catch((error: Error) => sendJson(response, 500, { error: error.message }));
      return;
    }
    if (method === 'GET' && path === '/api/alerts') {
      sendJson(response, 200, { week: engine.source.reportWeek, alerts: engine.alerts() });
      return;
    }
    if (method === 'GET' && path === '/report') {
      readReport(options.reportPath)
        .then((report) => {
          if (report === null) {
            sendJson(response, 404, { error: `no report for ${engine.source.reportWeek} yet; \`uptake run --week ${engine.source.reportWeek}\` writes it` });
            return;
          }
          send(response, 200, 'text/html; charset=utf-8', report, { 'content-security-policy': REPORT_CSP });
        })
        .catch((error: Error) => sendJson(response, 500, { error: error.message }));
      return;
    }
    if (path === '/api/ask') {
      if (request.method !== 'POST') {
        sendJson(response, 405, { error: `expected POST /api/ask with {"question": "…"}, got ${request.method}` }, { allow: 'POST' });
        return;
      }
      if (!isJson(request.headers['content-type'])) {
        sendJson(response, 415, { error: `expected Content-Type: application/json, got \`${(request.headers['content-type'] ?? 'nothing').slice(0, 100)}\`` });
        request.resume();
        return;
      }
      readBody(request)
        .then((body) => {
          let question: unknown;
          try {
            question = (JSON.parse(body) as { question?: unknown }).question;
          } catch {
            question = undefined;
          }
          if (typeof question !== 'string' || question.trim() === '' || question.length > 500) {
            sendJson(response, 400, { error: 'expected a JSON body {"question": "…"} with a question of 1 to 500 characters' });
            return;
          }
          const answer = engine.ask(question);
          return answerChartSvg(answer).then((chart) => sendJson(response, 200, { ...answer, headers: readerHeaders(answer.table), cells: cellTexts(answer.table), chart_svg: chart }));
        })
        .catch((error: Error) => sendJson(response, error instanceof RangeError ? 413 : 500, { error: error.message }));
      return;
    }
    if (GET_PATHS.has(path)) {
      sendJson(response, 405, { error: `expected GET ${path}, got ${request.method}` }, { allow: 'GET, HEAD' });
      return;
    }
    sendJson(response, 404, { error: `no such page: ${path}; the page is at /` });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UptakeError('usage', `expected to listen on ${host}:${options.port ?? 8787}, got ${error.code ?? error.message}; pass another --port`, { cause: error })),
    );
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowed = allowedHosts(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    host,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
