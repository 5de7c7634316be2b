export interface TableHtmlOptions {
    caption?: string;
    /** Columns in display order (default: every key, in order of first appearance, except `suppressed`). */
    columns?: string[];
    /** Columns holding fractions shown as percents besides the catalogue's rates (e.g. a `share`). */
    percentColumns?: string[];
    /** The privacy minimum (users per group), quoted in the footnote under a table with withheld rows. */
    minGroupSize?: number;
}
/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export declare function escapeHtml(text: string): string;
/**
 * A metric table as an HTML `<table>` in the reader's language: headers and units from the column
 * catalogue (metrics/column-catalog.ts), `*` as "All teams" on a row set apart, nulls as "—",
 * privacy-suppressed rows marked † and explained in a footnote. Every header and cell is escaped.
 * @example tableToHtml([{ team: 'Legal', adoption_rate: 0.413 }], { caption: 'Adoption' }) // '<table ...><td class="num">41.3 %</td>...'
 */
export declare function tableToHtml(input: readonly object[], options?: TableHtmlOptions): string;
