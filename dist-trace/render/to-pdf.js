import { UptakeError } from '../errors.js';
import { escapeHtml } from './markdown.js';
/** Page margins; the header and footer templates are drawn inside the top and bottom ones. */
export const PDF_MARGINS = { top: '20mm', right: '15mm', bottom: '18mm', left: '15mm' };
const HEADER_FOOTER_STYLE = 'font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #616e7c; ' +
    'width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;';
function headerTemplate(title, week) {
    return `<div style='${HEADER_FOOTER_STYLE}'><span>${escapeHtml(title)}</span><span>${escapeHtml(week)}</span></div>`;
}
function footerTemplate(title, week) {
    return (`<div style='${HEADER_FOOTER_STYLE}'><span>${escapeHtml(title)} · ${escapeHtml(week)}</span>` +
        '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>');
}
// The report is self-contained; anything else it asks for (a stray URL) must not leave the machine.
function allowOnlyInlineRequests(request) {
    if (request.isInterceptResolutionHandled())
        return;
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('about:'))
        void request.continue();
    else
        void request.abort('blockedbyclient');
}
/**
 * Prints a self-contained HTML page to an A4 PDF in the given (already launched) browser, with a
 * header (report name, week) and a footer (week, "page X of Y"). The page makes no network request.
 * @example
 * const pdf = await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' });
 */
export async function htmlToPdf(browser, html, options) {
    const timeout = options.timeoutMs ?? 60_000;
    let page;
    try {
        page = await browser.newPage();
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
    catch (error) {
        throw new UptakeError('render', `expected Chromium to print the ${options.week} report to PDF, got: ${error.message}`, {
            cause: error,
        });
    }
    finally {
        await page?.close().catch(() => undefined);
    }
}
//# sourceMappingURL=to-pdf.js.map