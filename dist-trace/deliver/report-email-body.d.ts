import type { MetricsDocument } from '../metrics/document.js';
import { type FrontPage } from '../render/front-page.js';
export interface ReportEmailBody {
    /** The subject's alert part: "high: Adoption dropped (Procurement)", or "no alerts". */
    alert: string;
    html: string;
    /** The same content as plain text, for mail clients that show no HTML. */
    text: string;
}
/**
 * The most severe alert as the subject names it (from a front page already built, when given).
 * @example subjectAlert(doc) // 'high: Adoption dropped (Procurement)'
 */
export declare function subjectAlert(doc: MetricsDocument, page?: Pick<FrontPage, 'alerts'>): string;
/**
 * The report email's body: headline figures, two or three sentences and the alerts, as HTML and as
 * plain text (the same content). Every data text is escaped as in the report.
 * @example const { html, text } = reportEmailBody(doc, { title: 'AI adoption report' })
 */
export declare function reportEmailBody(doc: MetricsDocument, options: {
    title: string;
    pdfName?: string;
}): ReportEmailBody;
