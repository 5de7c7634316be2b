import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATHS, findChromium, launchBrowser, type ReportBrowser } from '../../src/render/browser.js';
import { notebookToHtml } from '../../src/render/to-html.js';
import { UptakeError } from '../../src/errors.js';

describe('findChromium', () => {
  it('prefers UPTAKE_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH, then the system paths', () => {
    expect(findChromium({ UPTAKE_CHROMIUM: '/usr/bin/chromium', PUPPETEER_EXECUTABLE_PATH: '/nope' })).toBe('/usr/bin/chromium');
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' }, [])).toBe('/usr/bin/chromium');
    expect(findChromium({}, ['/nonexistent/chrome', '/usr/bin/chromium'])).toBe('/usr/bin/chromium');
    expect(CHROMIUM_PATHS).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ]);
  });

  it('names the paths it tried and how to install when none exists', () => {
    let caught: unknown;
    try {
      findChromium({}, ['/nonexistent/chromium', '/nonexistent/google-chrome']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UptakeError);
    expect((caught as UptakeError).kind).toBe('environment');
    expect((caught as UptakeError).exitCode).toBe(9);
    expect((caught as UptakeError).message).toBe(
      'expected Chromium to print the PDF report, found none (UPTAKE_CHROMIUM and PUPPETEER_EXECUTABLE_PATH are unset; ' +
        'tried /nonexistent/chromium, /nonexistent/google-chrome); install it (Debian/Ubuntu: `apt-get install -y chromium`) ' +
        'or set UPTAKE_CHROMIUM to its path',
    );
  });

  it('rejects an environment variable naming a missing file instead of silently falling back', () => {
    expect(() => findChromium({ UPTAKE_CHROMIUM: '/opt/missing/chrome' })).toThrow(
      'expected UPTAKE_CHROMIUM to name an executable Chromium file, got `/opt/missing/chrome`, which is missing or not executable',
    );
    // A directory is not a browser either.
    expect(() => findChromium({ PUPPETEER_EXECUTABLE_PATH: '/usr/bin' })).toThrow(/PUPPETEER_EXECUTABLE_PATH/);
  });

  it('launchBrowser fails with the same clear error before starting anything', async () => {
    await expect(launchBrowser({ env: { UPTAKE_CHROMIUM: '/opt/missing/chrome' } })).rejects.toThrow(/UPTAKE_CHROMIUM/);
  });
});

interface PageFacts {
  scripts: number;
  handlers: number;
  text: string;
  svgTexts: string[];
  tableCells: string[];
  svgCount: number;
  clipIds: string[];
}

describe('launchBrowser', () => {
  it('hands out the blank tab Chromium opened with first, then new tabs', async () => {
    const fresh = await launchBrowser();
    try {
      const first = await fresh.newPage();
      expect(first.url()).toBe('about:blank');
      const second = await fresh.newPage();
      expect(second).not.toBe(first);
      await first.close();
      await second.setContent('<p>second tab</p>');
      expect(await second.evaluate('document.body.textContent')).toBe('second tab');
      const third = await fresh.newPage();
      expect([third.isClosed(), third === first, third === second]).toEqual([false, false, false]);
    } finally {
      await fresh.close();
    }
  });
});

describe('the report page in real headless Chromium', () => {
  let browser: ReportBrowser;
  const notebook = JSON.parse(
    readFileSync(new URL('../fixtures/executed-notebooks/escaping-and-tags.ipynb', import.meta.url), 'utf8'),
  ) as unknown;
  const html = notebookToHtml(notebook, {
    title: 'AI adoption',
    week: '2026-W47',
    weekStart: '2026-11-16',
    weekEnd: '2026-11-22',
    headline: [{ label: 'Top team', value: '<script>alert("team")</script>' }],
    generatedAt: '2026-11-23 06:00 UTC',
  });

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    const profile = browser?.userDataDir;
    await browser?.close();
    expect(profile && existsSync(profile)).toBe(false);
  });

  it('has no script element, no event handler, shows injected text as text and opens no dialog', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    // Runs in the page (a string: this project's TypeScript has no DOM types).
    const facts = (await page.evaluate(`({
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].filter((element) =>
        [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith('on')),
      ).length,
      text: document.body.innerText,
      svgTexts: [...document.querySelectorAll('figure.chart svg text')].map((text) => text.textContent),
      tableCells: [...document.querySelectorAll('.table-block td')].map((cell) => cell.textContent),
      svgCount: document.querySelectorAll('figure.chart svg').length,
      clipIds: [...document.querySelectorAll('clipPath')].map((clip) => clip.id),
    })`)) as PageFacts;
    await page.close();
    expect(facts.scripts).toBe(0);
    expect(facts.handlers).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(facts.text).toContain('<script>alert(1)</script>\nrows: 42');
    expect(facts.text).toContain('A prompt read <script>alert(1)</script> and another <img src=x onerror=alert(2)>.');
    expect(facts.text).toContain('<script>alert("team")</script>');
    expect(facts.text).toContain('MARKDOWN_OUTPUT_MARKER <script>alert(5)</script>');
    expect(facts.svgTexts).toEqual([
      'Team <script>alert(1)</script>',
      'Adoption by team CHART_TITLE_MARKER',
      'SECOND_CHART_MARKER',
    ]);
    expect(facts.tableCells).toEqual(['<script>alert(1)</script>', '42.0%', 'Raw cell', '-14.2']);
    expect(facts.svgCount).toBe(2);
    expect(facts.clipIds).toEqual(['c5o0-clip1', 'c5o1-clip1']);
    expect(facts.text).not.toContain('HIDDEN_SOURCE_MARKER');
  });
});
