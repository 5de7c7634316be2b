import type { HTTPRequest, Page } from 'puppeteer-core';
import { UptakeError } from '../errors.js';
import { moreAlertsSentence } from './front-page.js';
import { escapeHtml } from './markdown.js';
import { doneWithin, withinTime } from '../util/within-time.js';

export interface PdfOptions {
  /** Report name, shown in the page header. */
  title: string;
  /** ISO week, shown in the header and footer. */
  week: string;
  /** Milliseconds for loading and printing; default 60 000. */
  timeoutMs?: number;
}

/** Page margins; the header and footer templates are drawn inside the top and bottom ones. */
export const PDF_MARGINS = { top: '20mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

const HEADER_FOOTER_STYLE =
  'font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #616e7c; ' +
  'width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;';

function headerTemplate(title: string, week: string): string {
  return `<div style='${HEADER_FOOTER_STYLE}'><span>${escapeHtml(title)}</span><span>${escapeHtml(week)}</span></div>`;
}

function footerTemplate(title: string, week: string): string {
  return (
    `<div style='${HEADER_FOOTER_STYLE}'><span>${escapeHtml(title)} · ${escapeHtml(week)}</span>` +
    '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  );
}

/** The A4 page's printable box inside PDF_MARGINS, in CSS pixels (96 per inch), where page 1 (`.cover`) must fit. */
const MM_PX = 96 / 25.4;
export const PRINTABLE_PX = {
  width: (210 - Number.parseFloat(PDF_MARGINS.left) - Number.parseFloat(PDF_MARGINS.right)) * MM_PX,
  height: (297 - Number.parseFloat(PDF_MARGINS.top) - Number.parseFloat(PDF_MARGINS.bottom)) * MM_PX,
};

/**
 * Page 1 must be one printed page: a cover a line too tall pushes its last line ("Generated …") onto an
 * otherwise blank page 2. Lays out `render(most)`; when its cover (`.cover`) is taller than the printable page,
 * finds in that one layout how many of its alert rows fit (fittingAlertRows), renders that many and checks them
 * (one fewer each time while they do not fit, down to one alert; the rest are counted and go to the appendix).
 * `render` runs twice for a cover too tall, not once per alert dropped (with the quarto engine each render runs
 * quarto). Returns the first HTML that fits (or the one-alert one). HTML without a cover fits as it is.
 * @example const html = await fitCover(browser, (shown) => renderWith(frontPage(doc, { maxAlerts: shown })), 6);
 */
export async function fitCover(browser: { newPage(): Promise<Page> }, render: (shown: number) => Promise<string>, most: number, timeoutMs = 60_000): Promise<string> {
  const opened: { page?: Page } = {};
  const fit = async (): Promise<string> => {
    const page = await browser.newPage();
    opened.page = page;
    await page.setJavaScriptEnabled(false); // see printPage
    await page.setRequestInterception(true);
    page.on('request', allowOnlyInlineRequests);
    await page.setViewport({ width: Math.floor(PRINTABLE_PX.width), height: Math.ceil(PRINTABLE_PX.height) });
    await page.emulateMediaType('print');
    const fits = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      return Number(await page.evaluate(COVER_HEIGHT)) <= PRINTABLE_PX.height;
    };
    const all = await render(most);
    if (most <= 1 || (await fits(all))) return all;
    const fitting = Math.min(most - 1, Math.max(1, Number(await page.evaluate(fittingAlertRows(PRINTABLE_PX.height)))));
    for (let shown = fitting; ; shown -= 1) {
      const html = await render(shown);
      if (shown <= 1 || (await fits(html))) return html;
    }
  };
  try {
    return await withinTime(fit(), timeoutMs, () => new Error(`Chromium had not laid out page 1 after ${timeoutMs / 1000} s (it stopped answering)`));
  } catch (error) {
    // the report's own failure (its template) is said as it is, not as Chromium's
    if (error instanceof UptakeError) throw error;
    throw new UptakeError('render', `expected Chromium to lay out page 1 of the report, got: ${(error as Error).message}`, { cause: error });
  } finally {
    const closing = opened.page?.close().catch(() => undefined);
    if (closing) await doneWithin(closing, PAGE_CLOSE_WAIT_MS);
  }
}

/** The laid-out cover's height in CSS pixels (0 without a cover). */
const COVER_HEIGHT = "document.querySelector('.cover')?.getBoundingClientRect().height ?? 0";

// The cover as a render of fewer alerts lays it out, in the page already loaded: its last alert rows removed one
// at a time and the cover measured after each (Chromium lays the table out again: fewer rows may mean other column
// widths), with the line counting the rest (a stand-in of one line when all were shown). Evaluated in the page.
/**
 * A script giving how many of the loaded cover's alert rows fit within `limit` pixels (at least 1).
 * @example Number(await page.evaluate(fittingAlertRows(PRINTABLE_PX.height))) // 3
 */
export function fittingAlertRows(limit: number): string {
  const standIn = JSON.stringify(moreAlertsSentence({ moreAlerts: 9, moreSeverities: '9 high' }, 'listed in the appendix'));
  return `(() => {
    const cover = document.querySelector('.cover');
    const table = cover?.querySelector('.alerts-table');
    if (!cover || !table) return 1;
    if (!cover.querySelector('.more-alerts')) {
      const line = document.createElement('p');
      line.className = 'more-alerts';
      line.textContent = ${standIn};
      table.after(line);
    }
    const rows = [...table.querySelectorAll('tbody tr')];
    for (let shown = rows.length - 1; shown >= 1; shown -= 1) {
      rows[shown].remove();
      if (cover.getBoundingClientRect().height <= ${limit}) return shown;
    }
    return 1;
  })()`;
}

// The report is self-contained; anything else it asks for (a stray URL) must not leave the machine.
function allowOnlyInlineRequests(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  if (url.startsWith('data:') || url.startsWith('about:')) void request.continue();
  else void request.abort('blockedbyclient');
}

/** How long closing the report's tab may take before it is left to the browser's own closing. */
const PAGE_CLOSE_WAIT_MS = 2_000;

// Each Chromium call waits on its own (up to puppeteer's 180 s protocol timeout, three calls in a row on a
// Chromium that stopped answering): the print as a whole gets one deadline instead.
/**
 * Prints a self-contained HTML page to an A4 PDF in the given (already launched) browser, with a
 * header (report name, week) and a footer (week, "page X of Y"). The page makes no network request.
 * A browser that has not printed within `timeoutMs` (60 s), from opening the tab on, fails it.
 * @example
 * const pdf = await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' });
 */
export async function htmlToPdf(browser: { newPage(): Promise<Page> }, html: string, options: PdfOptions): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000;
  const opened: { page?: Page } = {};
  try {
    return await withinTime(printPage(browser, html, options, timeout, opened), timeout, () => new Error(`Chromium had not printed it after ${timeout / 1000} s (it stopped answering)`));
  } catch (error) {
    throw new UptakeError('render', `expected Chromium to print the ${options.week} report to PDF, got: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    const closing = opened.page?.close().catch(() => undefined);
    if (closing) await doneWithin(closing, PAGE_CLOSE_WAIT_MS);
  }
}

async function printPage(browser: { newPage(): Promise<Page> }, html: string, options: PdfOptions, timeout: number, opened: { page?: Page }): Promise<Uint8Array> {
  const page = await browser.newPage();
  opened.page = page;
  // The report has no scripts; one in an edited template (no Content-Security-Policy left) ran while the report
  // was laid out and printed, and a loop in it held the run for the whole print timeout. Our own measuring of the
  // layout (page.evaluate) still runs.
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', allowOnlyInlineRequests);
  await page.emulateMediaType('print');
  await page.setContent(html, { waitUntil: 'load', timeout });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options.title, options.week),
    footerTemplate: footerTemplate(options.title, options.week),
    margin: PDF_MARGINS,
    timeout,
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
