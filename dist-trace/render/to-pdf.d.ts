import type { Page } from 'puppeteer-core';
export interface PdfOptions {
    /** Report name, shown in the page header. */
    title: string;
    /** ISO week, shown in the header and footer. */
    week: string;
    /** Milliseconds for loading and printing; default 60 000. */
    timeoutMs?: number;
}
/** Page margins; the header and footer templates are drawn inside the top and bottom ones. */
export declare const PDF_MARGINS: {
    readonly top: "20mm";
    readonly right: "15mm";
    readonly bottom: "18mm";
    readonly left: "15mm";
};
/**
 * Prints a self-contained HTML page to an A4 PDF in the given (already launched) browser, with a
 * header (report name, week) and a footer (week, "page X of Y"). The page makes no network request.
 * @example
 * const pdf = await htmlToPdf(browser, html, { title: 'AI adoption', week: '2026-W47' });
 */
export declare function htmlToPdf(browser: {
    newPage(): Promise<Page>;
}, html: string, options: PdfOptions): Promise<Uint8Array>;
