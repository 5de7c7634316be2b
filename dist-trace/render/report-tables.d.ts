import type { MetricsDocument } from '../metrics/document.js';
export interface ReportTable {
    /** The metrics table it shows (`adoption_by_team`, ...). */
    name: string;
    caption: string;
    html: string;
}
/** The privacy minimum the document was computed with, for footnotes. */
export declare function minGroupSizeOf(doc: MetricsDocument): number | undefined;
/**
 * The report's tables as HTML, in page order, labelled and formatted from the column catalogue;
 * a table without rows is left out.
 * @example reportTables(doc).map((table) => table.name) // ['adoption_by_team', 'adoption_by_task_type', ...]
 */
export declare function reportTables(doc: MetricsDocument): ReportTable[];
