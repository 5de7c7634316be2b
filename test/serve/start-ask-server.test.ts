import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAskEngine } from '../../src/ask/ask-engine.js';
import { launchBrowser, type ReportBrowser } from '../../src/render/browser.js';
import { request as httpRequest } from 'node:http';
import { allowedHosts, startAskServer, type AskServer } from '../../src/serve/start-ask-server.js';
import { askConfig, askFixture } from '../ask/ask-fixture.js';
import { formatCount, formatDecimal, formatPoints, formatRate } from '../../src/metrics/column-catalog.js';

// A team name that would run script if it ever reached innerHTML
const HOSTILE = '<img src=x onerror="window.__pwned=1">Legal & "Co"</td>';

const engine = createAskEngine(askFixture({ legalName: HOSTILE }), askConfig());
// The page's own script runs in the browser: conditions are passed as source text (no DOM types here).
const statusIs = (status: string) => `document.getElementById('status').textContent === ${JSON.stringify(status)}`;
let server: AskServer;
let browser: ReportBrowser;
let reportDir: string;
const REPORT_HTML = '<!doctype html><html><body><h1>Weekly AI adoption 2026-W47</h1></body></html>';

beforeAll(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'uptake-serve-'));
  await writeFile(join(reportDir, 'report.html'), REPORT_HTML);
  server = await startAskServer(engine, { port: 0, reportPath: join(reportDir, 'report.html') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

describe('uptake serve page in headless Chromium', () => {
  test('binds to 127.0.0.1 by default on the port the system picked', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test('shows the headline numbers, answers a typed question, and shows a hostile team name as text', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    const numbers = engine.headline();
    const text = (selector: string) => page.$eval(selector, (element) => element.textContent);
    expect(await text('#week')).toBe('2026-W47');
    // (written by the report's formatters, as the report, the mail, Slack and `uptake ask` write them)
    expect(await text('#adoption')).toBe(formatRate(numbers.adoption_rate as number));
    expect(await text('#delta')).toBe(`${formatPoints(numbers.delta_pts as number)} pts`);
    expect(await text('#hours')).toBe(`${formatDecimal(numbers.hours_saved as number)} h`);
    expect(await text('#alerts')).toBe(String(numbers.alerts));

    await page.type('#question', 'which teams dipped last week');
    await page.click('#ask');
    await page.waitForFunction(statusIs('answered'));
    const expected = engine.ask('which teams dipped last week');
    expect(expected.answer).toBe(`2 teams dipped in 2026-W47: Procurement (-35.0 pts), ${HOSTILE} (-5.0 pts). 1 team suppressed (fewer than 2 users) is not shown.`);
    expect(await text('#answer')).toBe(expected.answer);
    const cells = await page.evaluate(`Array.from(document.querySelectorAll('#table tbody tr'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent))`);
    expect(cells).toEqual([
      ['Procurement', '-35.0', '60.0 %', '25.0 %'],
      [HOSTILE, '-5.0', '25.0 %', '20.0 %'],
    ]);
    expect(await page.$$eval('#table th', (headers) => headers.map((header) => header.textContent))).toEqual(['Team', 'Change vs last week (pts)', 'Adoption last week', 'Adoption']);
    expect(await page.$$eval('img:not(#chart)', (images) => images.length)).toBe(0);
    expect(await page.$eval('#chart', (image) => (image as unknown as { hidden: boolean }).hidden)).toBe(true);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(errors).toEqual([]);
    expect(requested.every((url) => url.startsWith(server.url))).toBe(true);
    await page.close();
  });

  test('a series answer shows its chart, drawn by the server; a single number shows none', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.type('#question', 'is adoption rising?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(statusIs('answered'));
    const expected = engine.ask('is adoption rising?');
    // The fixture's all-teams adoption, W40 to W47, one point per week
    expect(expected.table.rows.map((row) => row[0])).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    const chart = await page.$eval('#chart', (image) => {
      const element = image as unknown as { hidden: boolean; src: string; naturalWidth: number };
      return { hidden: element.hidden, src: element.src, width: element.naturalWidth };
    });
    expect(chart.hidden).toBe(false);
    expect(chart.width).toBeGreaterThan(400);
    const svg = decodeURIComponent(chart.src.replace('data:image/svg+xml;charset=utf-8,', ''));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const week of ['2026-W40', '2026-W47']) expect(svg).toContain(week);

    await page.$eval('#question', (input) => ((input as unknown as { value: string }).value = ''));
    await page.type('#question', "what is Finance's adoption");
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.getElementById('answer').textContent.startsWith('Adoption rate for Finance')`);
    expect(await page.$eval('#chart', (image) => (image as unknown as { hidden: boolean }).hidden)).toBe(true);
    expect(requested.every((url) => url.startsWith(server.url) || url.startsWith('data:'))).toBe(true);
    await page.close();
  });

  test("lists the week's alerts as text and links the report", async () => {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    const alerts = engine.alerts();
    // By hand: Procurement's 35-point drop is among them; the suppressed team Tiny never is
    expect(alerts.some((alert) => alert.rule === 'adoption_drop' && alert.team === 'Procurement')).toBe(true);
    expect(alerts.some((alert) => alert.team === 'Tiny')).toBe(false);
    expect(await page.$eval('#alerts-title', (element) => element.textContent)).toBe('Alerts of 2026-W47');
    const items = await page.$$eval('#alert-list li', (list) => list.map((item) => item.textContent));
    expect(items).toEqual(alerts.map((alert) => `${alert.severity} ${alert.message}`));
    expect(await page.$eval('#report', (link) => [link.textContent, link.getAttribute('href')])).toEqual(['Open the full report for 2026-W47', '/report']);
    await page.click('#report');
    await page.waitForFunction(`document.querySelector('h1') && document.querySelector('h1').textContent === 'Weekly AI adoption 2026-W47'`);
    await page.close();
  });

  test('an unanswerable question shows suggestions that answer when clicked', async () => {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.type('#question', 'how do the teams feel about copilot');
    await page.keyboard.press('Enter');
    await page.waitForFunction(statusIs('not answered'));
    const suggestions = await page.$$eval('#suggestions button', (buttons) => buttons.map((button) => button.textContent));
    expect(suggestions).toEqual(['which teams fell more than 5 points since W40', 'adoption by team', 'top 3 teams by adoption']);
    await page.click('#suggestions li:nth-child(3) button');
    await page.waitForFunction(statusIs('answered'));
    expect(await page.$eval('#answer', (element) => element.textContent)).toBe(engine.ask('top 3 teams by adoption').answer);
    await page.close();
  });
});

describe('uptake serve API', () => {
  test('POST /api/ask answers with the engine; bad requests get a JSON error', async () => {
    const ask = (body: string, method = 'POST') => fetch(`${server.url}api/ask`, { method, body: method === 'POST' ? body : undefined, headers: { 'content-type': 'application/json' } });
    const good = await ask(JSON.stringify({ question: 'how many hours did Finance save in October' }));
    expect(good.status).toBe(200);
    const october = engine.ask('how many hours did Finance save in October');
    // (the cells as the terminal shows them, written by the report's formatters: the page shows these)
    const [, hours, timed] = october.table.rows[0] as [string, number, number];
    expect(await good.json()).toEqual({ ...JSON.parse(JSON.stringify(october)), headers: ['Team', 'Hours saved (h)', 'Timed AI tasks'], cells: [['Finance', formatDecimal(hours), formatCount(timed)]], chart_svg: null });
    const bad = await ask('not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'expected a JSON body {"question": "…"} with a question of 1 to 500 characters' });
    expect((await ask('', 'GET')).status).toBe(405);
    expect((await ask(JSON.stringify({ question: 'x'.repeat(20_000) }))).status).toBe(413);
    expect((await fetch(`${server.url}nope`)).status).toBe(404);
  });

  test('answers another method on a page with 405 and the methods it takes, and HEAD as GET without a body', async () => {
    const removed = await fetch(`${server.url}api/headline`, { method: 'DELETE' });
    expect(removed.status).toBe(405);
    expect(removed.headers.get('allow')).toBe('GET, HEAD');
    expect(await removed.json()).toEqual({ error: 'expected GET /api/headline, got DELETE' });
    expect((await fetch(`${server.url}api/ask`, { method: 'GET' })).headers.get('allow')).toBe('POST');
    const head = await fetch(`${server.url}api/alerts`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  test('GET /report serves the report week\'s report while it exists, and the headline says where it is', async () => {
    const report = await fetch(`${server.url}report`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await report.text()).toBe(REPORT_HTML);
    expect(((await (await fetch(`${server.url}api/headline`)).json()) as { report_url: string | null }).report_url).toBe('/report');
    await unlink(join(reportDir, 'report.html'));
    expect(((await (await fetch(`${server.url}api/headline`)).json()) as { report_url: string | null }).report_url).toBe(null);
    const missing = await fetch(`${server.url}report`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no report for 2026-W47 yet; `uptake run --week 2026-W47` writes it' });
    await writeFile(join(reportDir, 'report.html'), REPORT_HTML);
  });

  test('the page allows only its own script and style, and requests to itself', async () => {
    const response = await fetch(server.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  test('close() stops the server', async () => {
    const other = await startAskServer(engine, { port: 0 });
    expect((await fetch(`${other.url}api/headline`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}api/headline`)).rejects.toThrow();
  });
});

// node:http, since fetch may not set Host: a request as a DNS-rebinding page or another site would send it.
function raw(options: { method?: string; path: string; host: string; contentType?: string; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host, ...(options.contentType ? { 'content-type': options.contentType } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('uptake serve answers only its own address and JSON posts', () => {
  test('a Host other than the bound address or localhost with the port gets 421 and no data', async () => {
    const port = server.port;
    expect((await raw({ path: '/api/headline', host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await raw({ path: '/api/headline', host: `localhost:${port}` })).status).toBe(200);
    expect((await raw({ path: '/api/headline', host: `LOCALHOST:${port}` })).status).toBe(200);
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.attacker.example:${port}`]) {
      const answer = await raw({ path: '/api/headline', host });
      expect(answer.status, host).toBe(421);
      expect(JSON.parse(answer.body)).toEqual({ error: `expected the Host header to be one of 127.0.0.1:${port}, localhost:${port}, got \`${host.toLowerCase()}\`` });
    }
    expect((await raw({ path: '/', host: `rebound.example:${port}` })).body).not.toContain('<html');
  });

  test('a request target that is no URL path (`//`, `/\\`, `//[::1`) gets 400, and the server goes on answering', async () => {
    const host = `127.0.0.1:${server.port}`;
    for (const path of ['//', '/\\', '//[::1', 'http://[']) {
      const answer = await raw({ path, host });
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body), path).toEqual({ error: `expected a request path such as /api/headline, got \`${path}\`` });
    }
    expect((await raw({ path: '/api/headline', host })).status).toBe(200);
  });

  test('a POST that is not application/json gets 415 and is not answered', async () => {
    const host = `127.0.0.1:${server.port}`;
    const body = JSON.stringify({ question: 'how many hours did Finance save in October' });
    const plain = await raw({ method: 'POST', path: '/api/ask', host, contentType: 'text/plain', body });
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body)).toEqual({ error: 'expected Content-Type: application/json, got `text/plain`' });
    expect((await raw({ method: 'POST', path: '/api/ask', host, body })).status).toBe(415);
    expect((await raw({ method: 'POST', path: '/api/ask', host, contentType: 'application/x-www-form-urlencoded', body })).status).toBe(415);
    const json = await raw({ method: 'POST', path: '/api/ask', host, contentType: 'Application/JSON; charset=utf-8', body });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body).answer).toBe(engine.ask('how many hours did Finance save in October').answer);
  });

  test('an IPv6 or all-interfaces binding lists its own names', () => {
    expect([...allowedHosts('::1', 8787)].sort()).toEqual(['[::1]:8787', 'localhost:8787']);
    expect([...allowedHosts('127.0.0.1', 80)].sort()).toEqual(['127.0.0.1', '127.0.0.1:80', 'localhost', 'localhost:80']);
    const all = allowedHosts('0.0.0.0', 8787);
    expect(all.has('127.0.0.1:8787')).toBe(true);
    expect(all.has('[::1]:8787')).toBe(true);
    expect(all.has('attacker.example:8787')).toBe(false);
  });
});
