import type { MetricsDocument } from '../metrics/document.js';
export interface XlsxOptions {
    /** Stored as the workbook's created/modified date; defaults to the end of the report week. */
    generatedAt?: Date;
}
/**
 * Every metric table as one sheet of an Excel workbook: bold frozen header row with a filter,
 * typed cells, rates formatted as percentages, dates kept as ISO text, formula-like text quoted.
 * @example
 * await writeFileAtomic('output/2026-W47/metrics.xlsx', await tablesToXlsx(doc));
 */
export declare function tablesToXlsx(doc: MetricsDocument, options?: XlsxOptions): Promise<Uint8Array>;
