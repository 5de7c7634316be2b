/** Cover data for the report page; every value is shown as text (escaped). */
export interface ReportContext {
    title: string;
    week: string;
    /** YYYY-MM-DD */
    weekStart: string;
    /** YYYY-MM-DD */
    weekEnd: string;
    headline: Array<{
        label: string;
        value: string;
        detail?: string;
        direction?: 'up' | 'down' | 'flat';
        tone?: 'better' | 'worse' | 'neutral';
    }>;
    /** When the report was made, as readers see it (see formatGeneratedAt). */
    generatedAt: string;
    /** Page 1's sentences, as markdown (rendered and sanitised here). */
    keyPoints?: string[];
    /** Page 1's alerts, most severe first (see frontPage). */
    alerts?: Array<{
        severity: string;
        title: string;
        team: string;
        message: string;
    }>;
    /** Alerts left off page 1. */
    moreAlerts?: number;
}
export interface NotebookToHtmlOptions {
    /** Handlebars page template; defaults to templates/report.html.hbs. */
    templatePath?: string;
    /** Stylesheet inlined into the page; defaults to templates/report.css. */
    cssPath?: string;
}
export declare const DEFAULT_TEMPLATE_PATH: string;
export declare const DEFAULT_CSS_PATH: string;
/**
 * When a report was made, for readers: "4 December 2026, 20:33 UTC" (in the report's time zone).
 * @example formatGeneratedAt(new Date('2026-12-04T20:33:06Z'), 'UTC') // '4 December 2026, 20:33 UTC'
 */
export declare function formatGeneratedAt(instant: Date, timeZone?: string): string;
/**
 * Turns an executed notebook into one self-contained HTML page: page 1 (week, dates, headline
 * tiles with their direction, the key sentences and the alerts), then the notebook's markdown and outputs. Code is hidden unless a cell is tagged
 * `show-input`; `hide-input` and `remove-cell` are honoured. No script runs and nothing is fetched.
 * @example
 * const html = notebookToHtml(executed, { title: 'AI adoption', week: '2026-W47', weekStart: '2026-11-16',
 *   weekEnd: '2026-11-22', headline: [{ label: 'Adoption', value: '42.0%' }], generatedAt: '2026-11-23 06:00 UTC' });
 */
export declare function notebookToHtml(notebook: unknown, context: ReportContext, options?: NotebookToHtmlOptions): string;
