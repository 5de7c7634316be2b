import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { writeGeneratedDataset } from '../../src/generate/write-dataset.js';
import { ALERT_TITLES } from '../../src/metrics/column-catalog.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { runEffects } from '../../src/cli/run-effects.js';
import { runReport } from '../../src/pipeline.js';
import { launchBrowser } from '../../src/render/browser.js';
import { reportCharts } from '../../src/render/charts/index.js';
import { frontPage } from '../../src/render/front-page.js';
import { reportTables } from '../../src/render/report-tables.js';
import { htmlToPdf, PDF_MARGINS } from '../../src/render/to-pdf.js';
import { brokenWords, pageText, pdfPages, squeeze, type PdfPage } from './pdf-words.js';

// The printed report read the way a manager reads it, through poppler's words and their boxes:
// on the bundled sample and on a generated 12-team, 26-week organisation.

const MM = 72 / 25.4;
const workDir = mkdtempSync(join(tmpdir(), 'uptake-print-check-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Printed {
  pages: PdfPage[];
  metrics: MetricsDocument;
}

async function printReport(input: string, name: string): Promise<Printed> {
  const result = await runReport({ config: parseConfig({ title: 'AI adoption report' }), week: 'latest', input, outDir: join(workDir, name), deliver: false, warehouse: false }, runEffects({ log: () => {} }));
  return { pages: pdfPages(join(result.outDir, 'report.pdf')), metrics: result.metrics };
}

// Every word of every table header the report prints.
function headerWords(metrics: MetricsDocument): string[] {
  const html = reportTables(metrics).map((table) => table.html).join('');
  const labels = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((match) => match[1]);
  return [...labels, 'Severity', 'Alert', 'Team', 'What happened', ...Object.values(ALERT_TITLES)].flatMap((label) => label.split(/[\s()]+/)).filter(Boolean);
}

function checkPrint(name: string, printed: () => Printed): void {
  it(`${name}: no word runs off the page or into its side margins`, () => {
    const { pages } = printed();
    const left = Number.parseFloat(PDF_MARGINS.left) * MM;
    const right = Number.parseFloat(PDF_MARGINS.right) * MM;
    const outside = pages.flatMap((page, index) =>
      page.words.filter((word) => word.xMin < left - 1 || word.xMax > page.width - right + 1).map((word) => `page ${index + 1}: ${word.text} (${word.xMin.toFixed(0)}..${word.xMax.toFixed(0)})`),
    );
    expect(outside).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it(`${name}: every table prints its headers whole, none broken inside a word`, () => {
    const { pages, metrics } = printed();
    const vocabulary = headerWords(metrics);
    expect(vocabulary).toEqual(expect.arrayContaining(['Adoption', 'Change', 'week', 'pts', 'Abandoned']));
    expect(pages.flatMap((page) => brokenWords(page, vocabulary))).toEqual([]);
    const text = squeeze(pages.map(pageText).join(' '));
    for (const table of reportTables(metrics)) expect(text).toContain(squeeze(table.caption));
    expect(text).toContain('Change vs last week (pts)');
    expect(text).not.toMatch(/\bai_tasks\b|\badoption_rate\b|\babandonment_rate\b/);
  });

  it(`${name}: page 1 carries the tiles, the key sentences and the alerts`, () => {
    const { pages, metrics } = printed();
    const first = squeeze(pageText(pages[0]));
    // page 1 shows at most FRONT_PAGE_ALERTS alerts, fewer where they would not fit on it (fitCover): the rest are counted
    const all = frontPage(metrics, { maxAlerts: 0 }).moreAlerts;
    const more = Number(/(\d+) more alerts? /.exec(first)?.[1] ?? 0);
    const front = frontPage(metrics, { maxAlerts: all - more });
    expect(front.alerts.length).toBeGreaterThan(0);
    expect(front.moreAlerts).toBe(more);
    expect(first).toContain('Alerts: what to look at');
    // the words of the alerts' table itself (below its heading): a team broken inside its name is not found whole
    const heading = pages[0].words.find((word) => word.text === 'Alerts:')!;
    const words = new Set(pages[0].words.filter((word) => word.yMin > heading.yMax).map((word) => word.text));
    for (const alert of front.alerts) {
      expect(first).toContain(alert.title);
      for (const word of alert.team.split(' ')) expect(words).toContain(word);
    }
    for (const tile of front.tiles) expect(first).toContain(tile.value);
    expect(first).toContain('What happened');
    // The alerts are not first found after the tables.
    expect(squeeze(pages.slice(1).map(pageText).join(' ')).indexOf('Alerts: what to look at')).toBe(-1);
  });

  it(`${name}: every chart prints its one-line caption`, () => {
    const { pages, metrics } = printed();
    const text = squeeze(pages.map(pageText).join(' '));
    const charts = reportCharts(metrics);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) expect(text).toContain(squeeze(chart.caption));
  });
}

describe('print check', () => {
  let sample: Printed;
  let twelveTeams: Printed;

  beforeAll(async () => {
    const generated = join(workDir, 'twelve-teams');
    await writeGeneratedDataset(generated, { seed: 7, users: 150, teams: 12, weeks: 26, endWeek: '2026-W47' });
    sample = await printReport('data/sample', 'sample');
    twelveTeams = await printReport(generated, 'twelve-teams-report');
  }, 600_000);

  checkPrint('the sample', () => sample);
  checkPrint('12 teams, 26 weeks', () => twelveTeams);

  it('a groupBy value of 200 characters without a space breaks inside its cell: no figure of its table runs off the page', async () => {
    const input = join(workDir, 'long-label');
    cpSync('data/sample', input, { recursive: true });
    const file = join(input, 'ai_logs_2026-W47.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
    const long = `v${'x'.repeat(199)}`;
    // the sample's tool version is its second last column: every third task gets the long one
    writeFileSync(file, [header, ...rows.map((row, index) => (row && index % 3 === 0 ? row.replace(/,[^,]*,([^,]*)$/, `,${long},$1`) : row))].join('\n'));
    const result = await runReport(
      { config: parseConfig({ title: 'AI adoption report', metrics: { groupBy: ['tool_version'] } }), week: 'latest', input, outDir: join(workDir, 'long-label-report'), deliver: false, warehouse: false },
      runEffects({ log: () => {} }),
    );
    const pages = pdfPages(join(result.outDir, 'report.pdf'));
    const right = Number.parseFloat(PDF_MARGINS.right) * MM;
    expect(pages.flatMap((page) => page.words.filter((word) => word.xMax > page.width - right + 1).map((word) => word.text))).toEqual([]);
    const text = squeeze(pages.map(pageText).join(' '));
    expect(text).toContain('Adoption by tool version');
    expect((result.metrics.tables.adoption_by_tool_version as Array<Record<string, unknown>>).some((row) => row.tool_version === long)).toBe(true);
  }, 300_000);

  it('the 12-team report names every team in its tables', () => {
    const text = squeeze(twelveTeams.pages.map(pageText).join(' '));
    for (const team of ['Finance EMEA', 'Procurement EMEA', 'Sales Ops EMEA', 'Engineering EMEA']) expect(text).toContain(team);
  });
});

describe('the broken-word check itself', () => {
  it('finds a header that wraps inside a word, and none when headers wrap at spaces', async () => {
    const browser = await launchBrowser();
    try {
      const page = (css: string) =>
        `<!doctype html><html><head><style>th { width: 14mm; font-size: 11pt; ${css} }</style></head><body><table><tr><th>Abandoned</th><th>Change vs last week (pts)</th></tr></table></body></html>`;
      const print = async (css: string) => {
        const path = join(workDir, `wrap-${css.length}.pdf`);
        writeFileSync(path, await htmlToPdf(browser, page(css), { title: 'check', week: '2026-W47' }));
        return pdfPages(path)[0];
      };
      const vocabulary = ['Abandoned', 'Change', 'last', 'week', 'pts'];
      expect(brokenWords(await print('overflow-wrap: anywhere; word-break: break-all;'), vocabulary).length).toBeGreaterThan(0);
      expect(brokenWords(await print('hyphens: manual; word-break: normal; overflow-wrap: normal;'), vocabulary)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
