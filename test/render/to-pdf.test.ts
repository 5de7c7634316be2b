import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ReportBrowser } from '../../src/render/browser.js';
import { fitCover, htmlToPdf } from '../../src/render/to-pdf.js';
import { notebookToHtml, type ReportContext } from '../../src/render/to-html.js';
import { tableToHtml, UNBROKEN_TABLE_ROWS } from '../../src/render/table-html.js';
import { UptakeError } from '../../src/errors.js';

const workDir = mkdtempSync(join(tmpdir(), 'uptake-pdf-test-'));
let fileCount = 0;

function savePdf(pdf: Uint8Array): string {
  const path = join(workDir, `report-${++fileCount}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
}

function pageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
}

const context: ReportContext = {
  title: 'AI adoption',
  week: '2026-W47',
  weekStart: '2026-11-16',
  weekEnd: '2026-11-22',
  headline: [
    { label: 'Adoption rate', value: '42.0%', detail: '+3.1 pts vs 2026-W46' },
    { label: 'Hours saved', value: '118.5' },
  ],
  generatedAt: '2026-11-23 06:00 UTC',
};

function notebook(outputs: Array<Record<string, unknown>>): unknown {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '## Adoption by team' },
      { cell_type: 'code', metadata: {}, source: 'display(x)', outputs },
    ],
  };
}

describe('htmlToPdf in real headless Chromium', () => {
  let browser: ReportBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('page 1 that would spill a line onto a blank page 2 shows fewer alerts, the rest counted for the appendix', async () => {
    const long = 'Adoption fell 18.1 points from 2026-W46 to 2026-W47 (50.9 % to 32.8 %), the largest drop of any team this quarter so far';
    const alerts = Array.from({ length: 6 }, (_, index) => ({ severity: 'high', title: 'Adoption dropped', team: `Unit${index + 1}`, message: long }));
    const keyPoints = Array.from({ length: 9 }, (_, index) => `Key point ${index + 1}: ${long}.`);
    const shownCounts: number[] = [];
    const render = async (shown: number) => {
      shownCounts.push(shown);
      return notebookToHtml(notebook([]), { ...context, keyPoints, alerts: alerts.slice(0, shown), moreAlerts: 6 - shown, moreSeverities: `${6 - shown} high` });
    };
    // with all six the cover is taller than a page: printed as it is, its last line starts page 2
    const tooTall = savePdf(await htmlToPdf(browser, await render(6), { title: 'AI adoption', week: '2026-W47' }));
    expect(pageText(tooTall, 2)).toContain('Generated 2026-11-23 06:00 UTC');
    shownCounts.length = 0;
    const fitted = savePdf(await htmlToPdf(browser, await fitCover(browser, render, 6), { title: 'AI adoption', week: '2026-W47' }));
    const shown = shownCounts[shownCounts.length - 1];
    // laid out twice: all six, then as many as that layout says fit (not once per alert dropped)
    expect(shownCounts).toEqual([6, shown]);
    expect(shown).toBeLessThan(6);
    expect(shown).toBeGreaterThanOrEqual(1);
    // the most that fit: one more would spill onto page 2
    expect(pageText(savePdf(await htmlToPdf(browser, await render(shown + 1), { title: 'AI adoption', week: '2026-W47' })), 2)).toContain('Generated');
    const cover = pageText(fitted, 1);
    expect(cover).toContain('Generated 2026-11-23 06:00 UTC');
    expect(cover).toContain(`Unit${shown}`);
    expect(cover).not.toContain(`Unit${shown + 1}`);
    expect(cover.replace(/\s+/g, ' ')).toContain(`${6 - shown} more alert${6 - shown === 1 ? '' : 's'} (${6 - shown} high) ${6 - shown === 1 ? 'is' : 'are'} listed in the appendix.`);
    expect(pageText(fitted, 2)).not.toContain('Generated');
    // a cover that fits keeps every alert, laid out once
    shownCounts.length = 0;
    await fitCover(browser, async (count) => { shownCounts.push(count); return notebookToHtml(notebook([]), { ...context, alerts: alerts.slice(0, count) }); }, 6);
    expect(shownCounts).toEqual([6]);
  });

  it('a cover with many alerts keeps page 1 to one page, the most alerts that fit, in two layouts', async () => {
    const alerts = Array.from({ length: 24 }, (_, index) => ({
      severity: index < 4 ? 'critical' : 'high',
      title: 'Adoption dropped',
      team: `Unit${index + 1}`,
      message: `Adoption fell ${10 + index}.0 points from 2026-W46 to 2026-W47, the ${index + 1}th largest drop of any team this week`,
    }));
    const renders: number[] = [];
    const render = async (shown: number) => {
      renders.push(shown);
      const rest = alerts.slice(shown);
      const critical = rest.filter((alert) => alert.severity === 'critical').length;
      const severities = [critical > 0 ? `${critical} critical` : '', `${rest.length - critical} high`].filter(Boolean).join(', ');
      return notebookToHtml(notebook([]), { ...context, alerts: alerts.slice(0, shown), moreAlerts: rest.length, moreSeverities: rest.length > 0 ? severities : '' });
    };
    const pdf = savePdf(await htmlToPdf(browser, await fitCover(browser, render, 24), { title: 'AI adoption', week: '2026-W47' }));
    const shown = renders[renders.length - 1];
    expect(renders).toEqual([24, shown]);
    const cover = pageText(pdf, 1);
    expect(cover).toContain('Generated 2026-11-23 06:00 UTC');
    expect(cover).toContain(`Unit${shown} `);
    expect(cover).not.toContain(`Unit${shown + 1} `);
    expect(cover.replace(/\s+/g, ' ')).toContain(`${24 - shown} more alerts (`);
    expect(pageText(pdf, 2)).not.toContain('Generated');
    // the most that fit, as dropping one alert at a time would find: one more spills onto page 2
    const oneMore = savePdf(await htmlToPdf(browser, await render(shown + 1), { title: 'AI adoption', week: '2026-W47' }));
    expect(pageText(oneMore, 2)).toContain('Generated');
  });

  it('prints the report to A4 with the cover alone on page 1 and header/footer on every page', async () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/executed-notebooks/escaping-and-tags.ipynb', import.meta.url), 'utf8'),
    ) as unknown;
    const pdf = await htmlToPdf(browser, notebookToHtml(fixture, context), { title: 'AI adoption', week: '2026-W47' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const path = savePdf(pdf);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const pages = pageCount(path);
    expect(pages).toBe(2);

    const cover = pageText(path, 1);
    expect(cover.replace(/\s+/g, '')).toContain('WEEKLYADOPTIONREPORT');
    expect(cover).toContain('16 November 2026 – 22 November 2026');
    expect(cover).toContain('42.0%');
    expect(cover).toContain('+3.1 pts vs 2026-W46');
    expect(cover).not.toContain('Weekly AI adoption');
    expect(pageText(path, 2)).toContain('Weekly AI adoption');

    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(path, page);
      expect(text).toMatch(/^\s*AI adoption\s+2026-W47\s*$/m);
      expect(text).toContain('AI adoption · 2026-W47');
      expect(text).toContain(`page ${page} of ${pages}`);
    }
  });

  it('moves a table that would straddle a page break to the next page whole', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => `<tr><td>ROW_${String(index + 1).padStart(2, '0')}</td><td>${index}</td></tr>`);
    const html = notebookToHtml(
      notebook([
        { output_type: 'display_data', data: { 'text/html': '<div style="height: 215mm">SPACER_BLOCK</div>' } },
        {
          output_type: 'display_data',
          data: { 'text/html': `<table><thead><tr><th>team</th><th>n</th></tr></thead><tbody>${rows.join('')}</tbody></table>` },
        },
      ]),
      context,
    );
    const path = savePdf(await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }));
    expect(pageCount(path)).toBe(3);
    expect(pageText(path, 2)).toContain('SPACER_BLOCK');
    expect(pageText(path, 2)).not.toContain('ROW_01');
    expect(pageText(path, 3)).toContain('ROW_01');
    expect(pageText(path, 3)).toContain('ROW_12');
  });

  // A 30-row table moved whole to the next page left half a page empty (the 3,000-user report's power users).
  it('breaks a long table across pages: its header row repeated, its caption with its first rows, at least four rows on each page', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({ user_id: `ROW_${String(index + 1).padStart(2, '0')}`, ai_tasks: 100 - index }));
    const table = tableToHtml(rows, { caption: 'CAPTION_LONG', note: 'NOTE_UNDER' });
    const placements: string[] = [];
    for (const spacer of [0, 8, 16, 24, 32, 40, 48, 120, 144, 168, 176, 184, 192, 200, 208, 216, 224, 240]) {
      const html = notebookToHtml(
        notebook([
          { output_type: 'display_data', data: { 'text/html': `<div style="height: ${spacer}mm">SPACER_BLOCK</div>` } },
          { output_type: 'display_data', data: { 'text/markdown': '## HEADING_ABOVE' } },
          { output_type: 'display_data', data: { 'text/html': table } },
        ]),
        context,
      );
      const path = savePdf(await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }));
      const pages = Array.from({ length: pageCount(path) }, (_, index) => pageText(path, index + 1));
      const shown = pages.map((text) => [...text.matchAll(/ROW_\d\d/g)].length);
      const first = shown.findIndex((count) => count > 0);
      expect(shown.reduce((sum, count) => sum + count, 0)).toBe(30);
      // the heading above and the caption with the first rows, never alone at a page's foot; the note with the last rows
      expect(pages[first]).toContain('HEADING_ABOVE');
      expect(pages[first]).toContain('CAPTION_LONG');
      expect(pages[first]).toContain('ROW_01');
      expect(pages.findIndex((text) => text.includes('NOTE_UNDER'))).toBe(pages.findIndex((text) => text.includes('ROW_30')));
      for (const [index, count] of shown.entries()) {
        if (count === 0) continue;
        expect(count, `spacer ${spacer} mm, page ${index + 1}`).toBeGreaterThanOrEqual(4);
        // every page of the table starts with its header row
        expect(pages[index]).toMatch(/User\s+AI tasks/);
      }
      placements.push(`${spacer}: ${shown.filter((count) => count > 0).join('+')}${pages[first].includes('SPACER_BLOCK') ? ' under the spacer' : ''}`);
    }
    // with room for its caption, header and four rows under the spacer the table starts there, not on a page of its
    // own; the rules bind on both sides (a table of 30 rows goes over as 4+26 and 26+4 at some spacer, not 2+28, 29+1)
    expect(placements.filter((placement) => placement.endsWith('under the spacer')).length).toBeGreaterThanOrEqual(12);
    expect(placements.some((placement) => /: 4\+26 under the spacer$/.test(placement))).toBe(true);
    expect(placements.some((placement) => /: 26\+4 under the spacer$/.test(placement))).toBe(true);
  });

  it('moves a short table of the report (twelve rows or fewer) to the next page whole', async () => {
    const rows = Array.from({ length: UNBROKEN_TABLE_ROWS }, (_, index) => ({ team: `ROW_${String(index + 1).padStart(2, '0')}`, ai_tasks: index }));
    const html = notebookToHtml(
      notebook([
        { output_type: 'display_data', data: { 'text/html': '<div style="height: 215mm">SPACER_BLOCK</div>' } },
        { output_type: 'display_data', data: { 'text/html': tableToHtml(rows, { caption: 'CAPTION_SHORT' }) } },
      ]),
      context,
    );
    const path = savePdf(await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }));
    expect(pageCount(path)).toBe(3);
    expect(pageText(path, 2)).not.toContain('CAPTION_SHORT');
    expect(pageText(path, 3)).toContain('CAPTION_SHORT');
    expect(pageText(path, 3)).toContain('ROW_12');
  });

  it('draws names in Chinese, Japanese, Korean, Hindi and Thai with fonts for them (scripts/ensure-system.mjs installs them), not as empty boxes', async () => {
    const names = ['財務部', '営業チーム', '인사팀', 'वित्त विभाग', 'ฝ่ายขาย'];
    const html = notebookToHtml(
      notebook([{ output_type: 'display_data', data: { 'text/html': `<table><tbody>${names.map((name) => `<tr><td>${name}</td></tr>`).join('')}</tbody></table>` } }]),
      context,
    );
    const path = savePdf(await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }));
    // the report's own font (Liberation Sans) has none of these glyphs: without a font for a script Chromium draws
    // boxes and embeds no font for it; with Noto it embeds the fonts it drew them with (CJK ones as Type 3 fonts)
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.filter((line) => !line.includes('LiberationSans')).length).toBeGreaterThan(0);
    expect(fonts.some((line) => line.includes('Devanagari'))).toBe(true);
    expect(fonts.some((line) => line.includes('Thai'))).toBe(true);
    const text = pageText(path, 2);
    for (const name of names) expect(text).toContain(name);
  });

  it('never lets the page reach the network', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'text/css' }).end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The server answers (proof that a request would be seen) ...
      await fetch(`${base}/control`).then((response) => response.text());
      const html =
        `<!doctype html><html><head><link rel="stylesheet" href="${base}/style.css"></head>` +
        `<body><p>OFFLINE_MARKER</p><img src="${base}/pixel.png"><iframe src="${base}/frame"></iframe></body></html>`;
      const path = savePdf(await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' }));
      expect(pageText(path, 1)).toContain('OFFLINE_MARKER');
      // ... but Chromium never asked for anything.
      expect(requests).toEqual(['/control']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs no script of an edited template (no Content-Security-Policy left): a loop in one does not hold the print', async () => {
    const html =
      '<!doctype html><html><body><section class="cover"><p>COVER_MARKER</p></section>' +
      '<script>document.body.insertAdjacentHTML("beforeend", "<p>SCRIPT_RAN</p>"); while (true) {}</script></body></html>';
    const began = Date.now();
    const fitted = await fitCover(browser, async () => html, 6, 10_000);
    const path = savePdf(await htmlToPdf(browser, fitted, { title: 'AI adoption', week: '2026-W47', timeoutMs: 10_000 }));
    expect(Date.now() - began).toBeLessThan(8_000);
    expect(pageText(path, 1)).toContain('COVER_MARKER');
    expect(pageText(path, 1)).not.toContain('SCRIPT_RAN');
  });

  it('reports a closed browser as a render error naming the week', async () => {
    const closedBrowser = await launchBrowser();
    await closedBrowser.close();
    const failure = htmlToPdf(closedBrowser, '<p>x</p>', { title: 'AI adoption', week: '2026-W47' });
    await expect(failure).rejects.toBeInstanceOf(UptakeError);
    await expect(failure).rejects.toThrow(/expected Chromium to print the 2026-W47 report to PDF/);
  });
});

describe('a Chromium that stops answering', () => {
  it('fails the print after its timeout, not after a protocol timeout per call, and close() kills it in seconds, leaving no folder', async () => {
    const frozen = await launchBrowser();
    let socketFolder = '';
    try {
      await frozen.newPage(); // the spare tab is attached: the print opens a new one
      socketFolder = dirname(readlinkSync(join(frozen.userDataDir, 'SingletonSocket')));
      expect(existsSync(socketFolder)).toBe(true);
      process.kill(-frozen.pid!, 'SIGSTOP'); // Chromium's whole process group, as a hung browser
      const started = Date.now();
      const failure = htmlToPdf(frozen, '<p>x</p>', { title: 'AI adoption', week: '2026-W47', timeoutMs: 1500 }).catch((error: unknown) => error);
      const error = (await failure) as UptakeError;
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(error).toBeInstanceOf(UptakeError);
      expect(error.kind).toBe('render');
      expect(error.message).toBe('expected Chromium to print the 2026-W47 report to PDF, got: Chromium had not printed it after 1.5 s (it stopped answering)');
    } finally {
      const closing = Date.now();
      await frozen.close();
      expect(Date.now() - closing).toBeLessThan(10_000);
    }
    let alive = true;
    for (let waited = 0; alive && waited < 5_000; waited += 100) {
      try {
        process.kill(frozen.pid!, 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
    // Killed, Chromium could not remove the folder of its singleton socket in TMPDIR: close() did.
    expect(existsSync(socketFolder)).toBe(false);
    expect(existsSync(frozen.userDataDir)).toBe(false);
  }, 30_000);
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('fitCover with a report that cannot render', () => {
  it('says the report\'s own failure (its template) as it is, not as Chromium\'s', async () => {
    const page = { setJavaScriptEnabled: async () => {}, setRequestInterception: async () => {}, on: () => {}, setViewport: async () => {}, emulateMediaType: async () => {}, close: async () => {} };
    const broken = new UptakeError('render', 'expected the Handlebars report template to render, got: Missing helper: "shout"', { file: 'templates/report.html.hbs' });
    const failure = fitCover({ newPage: async () => page as never }, async () => { throw broken; }, 6);
    await expect(failure).rejects.toBe(broken);
    await expect(failure).rejects.toThrow('templates/report.html.hbs: expected the Handlebars report template to render, got: Missing helper: "shout"');
  });
});
