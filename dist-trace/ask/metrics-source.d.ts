import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { ReportWeek } from '../metrics/resolve-week.js';
/** The metric documents a question is answered from, computed on demand and kept. */
export interface MetricsSource {
    config: Config;
    /** The report week's document (`--week`, latest complete week by default). */
    report: MetricsDocument;
    reportWeek: string;
    /** Month of the report week's Sunday, as the month-grain tables use it. */
    reportMonth: string;
    /** Weeks holding tasks, up to the report week. */
    weeks: string[];
    /** Teams and task types in the data (roster spelling, canonical labels), sorted. */
    teams: string[];
    taskTypes: string[];
    /** The document of another week (each computed once). */
    document(week: string): MetricsDocument;
    /** The same KPIs with task types in the `team` column: ASI, hours saved and harm by task type, privacy included. */
    taskTypeDocument(week: string): MetricsDocument;
    /** Weeks whose documents were read since the last call (the evidence's weeks). */
    takeWeeksRead(): string[];
}
/** The report week and its metrics document, as loadReport resolved and computed them. */
export interface ResolvedReport {
    week: ReportWeek;
    metrics: MetricsDocument;
}
/**
 * Wraps cleaned data: the report week's metrics (given, or resolved from `week`), other weeks' when a
 * question needs them (through reportOn, the composition's second half).
 * @example createMetricsSource(data, config, await loadReport({ input: 'data/sample' })).reportWeek // '2026-W47'
 */
export declare function createMetricsSource(data: CleanedData, config: Config, week?: ResolvedReport | string): MetricsSource;
