import type { MetricsDocument } from '../metrics/document.js';
import type { ReportChart } from './charts/index.js';
import { type ReportTable } from './report-tables.js';
/** The report's "People" section: who is new, who stays, which seats are idle. */
export interface PeopleSection {
    /** Markdown sentences, each only when there is something to say. */
    sentences: string[];
    charts: ReportChart[];
    tables: ReportTable[];
}
/**
 * The People section of the report: its sentences, the usage-tiers chart and retention heat map (left
 * out when they have nothing to draw), and the activation and idle-seat tables of the report week
 * (small teams withheld as everywhere, marked †).
 * @example peopleSection(doc).tables.map((table) => table.name) // ['activation', 'idle_seats']
 */
export declare function peopleSection(doc: MetricsDocument): PeopleSection;
