import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { runEffects } from '../../src/cli/run-effects.js';
import { parseConfig } from '../../src/config/read-config.js';
import { isUptakeError } from '../../src/errors.js';
import { runReport, type RunEffects } from '../../src/pipeline.js';
import type { ReportBrowser } from '../../src/render/browser.js';
import { startNotebookKernel } from '../../src/notebook/start-notebook-kernel.js';

// The run's effects come in through one object: a frozen clock, a browser that "prints" fixed bytes,
// a mail sink and a network sink replace the real ones; the files, the kernel (tslab) and the data are real.
const CLOCK = new Date('2026-12-01T09:30:00Z');
const PDF = new TextEncoder().encode('%PDF-1.7 printed by the fake browser');
const WEBHOOK = 'https://hooks.slack.test/services/T000/B000/XXXX';

interface Sinks {
  mails: Array<{ subject?: string; attachments?: Array<{ filename?: string; content?: unknown }> }>;
  posts: Array<{ url: string; body: string }>;
  browser: { launched: number; closed: number; printed: string[] };
  /** Notebooks the (real) kernel was started for, through the effects object. */
  kernels: string[];
}

function fakeEffects(sinks: Sinks, browser: RunEffects['browser']['launch'] | null = null): Partial<RunEffects> {
  return {
    now: () => CLOCK,
    log: () => {},
    kernel: {
      start: (notebookPath, options) => {
        sinks.kernels.push(notebookPath);
        return startNotebookKernel(notebookPath, options);
      },
    },
    browser: {
      launch: browser ?? (async () => {
        sinks.browser.launched += 1;
        const page = {
          setJavaScriptEnabled: async () => {},
          setRequestInterception: async () => {},
          on: () => page,
          emulateMediaType: async () => {},
          setViewport: async () => {},
          evaluate: async () => 0,
          setContent: async (html: string) => void sinks.browser.printed.push(html),
          pdf: async () => PDF,
          close: async () => {},
        };
        const fake: ReportBrowser = { executablePath: 'fake', userDataDir: 'fake', newPage: async () => page as unknown as Page, close: async () => void (sinks.browser.closed += 1) };
        return fake;
      }),
    },
    mail: {
      createTransport: () => ({
        sendMail: async (mail: Sinks['mails'][number] & { to?: string[] }) => {
          sinks.mails.push(mail);
          return { messageId: `<${sinks.mails.length}@sink>`, accepted: mail.to ?? [], rejected: [] };
        },
        close: () => {},
      }) as unknown as ReturnType<RunEffects['mail']['createTransport']>,
    },
    network: {
      fetch: async (url, init) => {
        sinks.posts.push({ url: String(url), body: String(init?.body) });
        return new Response('ok', { status: 200 });
      },
    },
  };
}

describe('runReport with injected effects', () => {
  let root: string;
  let notebook: string;
  const sinks = (): Sinks => ({ mails: [], posts: [], browser: { launched: 0, closed: 0, printed: [] }, kernels: [] });
  const config = () =>
    parseConfig({
      title: 'AI adoption report',
      email: { enabled: true, host: 'smtp.sink.test', port: 2525, to: ['managers@example.test'] },
      slack: { enabled: true, webhookUrl: WEBHOOK },
    });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'uptake-effects-'));
    notebook = join(root, 'week.ipynb');
    const cell = (id: string, source: string, tags: string[] = []) => ({ cell_type: 'code', id, source, metadata: { tags }, outputs: [], execution_count: null });
    writeFileSync(notebook, JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
      cells: [
        cell('p', 'let week = "";\nlet input = "";\nlet config = "";\nlet output = "";\nlet metrics = "";', ['parameters']),
        cell('w', 'console.log(`report week ${week}`);'),
      ],
    }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the clock, the browser, the mail and the network are the ones given: the report and its notices go to the sinks', async () => {
    const seen = sinks();
    const out = join(root, 'out');
    const result = await runReport(
      { config: config(), week: 'latest', input: 'data/sample', outDir: out, deliver: true, warehouse: false, notebook },
      runEffects(fakeEffects(seen)),
    );
    expect(result.week).toBe('2026-W47');
    const manifest = JSON.parse(readFileSync(join(out, '2026-W47', 'manifest.json'), 'utf8'));
    expect([manifest.started_at, manifest.finished_at, manifest.parameters.week]).toEqual(['2026-12-01T09:30:00.000Z', '2026-12-01T09:30:00.000Z', 'latest']);
    expect(readFileSync(join(out, '2026-W47', 'report.pdf'))).toEqual(Buffer.from(PDF));
    expect(seen.browser).toMatchObject({ launched: 1, closed: 1 });
    expect(seen.kernels).toEqual([notebook]);
    expect(seen.browser.printed[0]).toContain('1 December 2026, 09:30 UTC');
    expect(seen.browser.printed[0]).toContain('2026-11-16');
    expect(seen.mails.map((mail) => mail.attachments?.map((file) => file.filename))).toContainEqual(['uptake-report-2026-W47.pdf']);
    const report = seen.mails.find((mail) => mail.attachments?.length)!;
    expect(Buffer.from(report.attachments![0].content as Buffer)).toEqual(Buffer.from(PDF));
    expect(seen.posts.length).toBeGreaterThan(0);
    expect(seen.posts.every((post) => post.url === WEBHOOK)).toBe(true);
    expect(seen.posts[0].body).toContain('2026-W47');
  }, 120_000);

  test('a browser that cannot start fails the render, and the failure notice names the resolved week, never `latest`', async () => {
    const seen = sinks();
    const out = join(root, 'out-failed');
    const error = await runReport(
      { config: config(), week: 'latest', input: 'data/sample', outDir: out, deliver: true, warehouse: false, notebook },
      runEffects(fakeEffects(seen, async () => {
        throw new Error('no display for the fake Chromium');
      })),
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('no display for the fake Chromium');
    expect(isUptakeError(error)).toBe(false);
    expect(seen.mails.map((mail) => mail.subject)).toEqual(['[uptake] AI adoption report 2026-W47: the run FAILED']);
    expect(seen.mails[0].attachments ?? []).toEqual([]);
    expect(seen.posts.map((post) => JSON.parse(post.body).text.split('\n')[0])).toEqual([':x: *AI adoption report 2026-W47: the run FAILED*']);
  }, 120_000);
});
