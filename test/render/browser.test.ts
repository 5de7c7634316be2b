import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATHS, findChromium, launchBrowser, type ReportBrowser } from '../../src/render/browser.js';
import { notebookToHtml } from '../../src/render/to-html.js';
import { UptakeError } from '../../src/errors.js';
import { descendants, eventually, sandbox, startUptake, stillRunning } from '../helpers/uptake-process.js';

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

// A real `uptake run`: the fake kernel's `sleep 60` cell holds the notebook stage while Chromium starts
// beside it, in a TMPDIR of the test's own (a short one: Chromium's socket path must fit in 107 bytes).
describe('Chromium\'s temp files', () => {
  it('stay in uptake\'s own temp folder, which the next run removes after a kill -9 of the run with its watchdog', async () => {
    const box = sandbox();
    const tmp = mkdtempSync('/tmp/uptake-t-');
    const env = { ...box.env, TMPDIR: tmp };
    try {
      const chromiumFolders = () => readdirSync(tmp).filter((name) => name.startsWith('uptake-chromium-'));
      const socketFolders = (dir: string) => readdirSync(dir).filter((name) => /^org\.chromium\.Chromium\./.test(name));
      const killed = startUptake(['run', '--input', 'data/sample', '--out', box.out, '--notebook', box.notebook(60), '--no-deliver', '--no-warehouse', '--no-store'], env);
      await killed.waitFor(/sleep 60/);
      expect(await eventually(() => chromiumFolders().some((name) => socketFolders(join(tmp, name)).length === 1))).toBe(true);
      expect(socketFolders(tmp)).toEqual([]);

      // Everything the run started dies with it (a container stopped, a CI job cancelled): its watchdog too.
      const everything = descendants(killed.child.pid!);
      for (const pid of [killed.child.pid!, ...everything]) process.kill(pid, 'SIGKILL');
      await killed.child;
      expect(await eventually(() => stillRunning(everything).length === 0)).toBe(true);
      expect(chromiumFolders()).toHaveLength(1);

      // The next run starts by removing what dead runs left (it fails at once here: no such input).
      const next = startUptake(['run', '--input', join(box.dir, 'nowhere'), '--out', box.out, '--no-deliver', '--no-warehouse', '--no-store'], env);
      expect((await next.child).exitCode).toBe(3);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      box.remove();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 90_000);

  it('under a TMPDIR too long for a socket in uptake\'s folder, Chromium still starts, and its socket folder goes with it', async () => {
    // About 50 bytes: short enough for Chromium's socket in it, too long for one in uptake's folder inside.
    const long = join(mkdtempSync('/tmp/uptake-long-'), 'a'.repeat(26));
    mkdirSync(long);
    expect(`${long}/uptake-chromium-1234567-abcdef/org.chromium.Chromium.XXXXXX/SingletonSocket`.length).toBeGreaterThan(107);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = long;
    try {
      const browser = await launchBrowser();
      try {
        expect(readdirSync(long).filter((name) => name.startsWith('org.chromium.Chromium.'))).toHaveLength(1);
      } finally {
        await browser.close();
      }
      expect(readdirSync(long)).toEqual([]);
    } finally {
      process.env.TMPDIR = before;
      rmSync(join(long, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
