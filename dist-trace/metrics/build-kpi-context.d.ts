import type { ColumnTable } from 'arquero';
import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import type { Baseline, KpiContext, WeekFacts } from './kpi.js';
import { type ReportWeek } from './resolve-week.js';
/**
 * What the KPIs compute from: the facts of every loaded week, the cleaned tasks of the report window, the manual
 * baselines and the CleanedData-level inputs. A store assembles them without loading every task; metricsInputs
 * assembles them from all cleaned tasks.
 */
export interface MetricsInputs {
    /** weekFacts of every loaded week (before, in and after the report week), concatenated (concatFacts). */
    facts: WeekFacts;
    /** The cleaned tasks of reportWindow(week) (rows of other weeks are ignored). */
    window: ColumnTable;
    /** manualBaselines for the report week. */
    baselines: Baseline[];
    /** The rest of the cleaned data the document reports as is. */
    data: Pick<CleanedData, 'roster' | 'loadedDates' | 'accounting' | 'quarantineByReason' | 'repairs' | 'durationsDropped' | 'teamsFilled'>;
}
/**
 * The inputs computed from every cleaned task: facts over all of them, the window's tasks, the baselines.
 * @example computeMetricsFrom(metricsInputs(data, config, report), config, report)
 */
export declare function metricsInputs(data: CleanedData, config: Config, report: ReportWeek): MetricsInputs;
/**
 * What every KPI reads: the enriched window tasks, the facts, the report week and the adoption dimensions.
 * @example registry[0].compute(contextFrom(metricsInputs(data, config, report), config, report))
 */
export declare function contextFrom(inputs: MetricsInputs, config: Config, report: ReportWeek): KpiContext;
/**
 * The KPI context of all cleaned data for a week: the ReportWeek the composition resolved, or a week's name
 * (tests, library callers) resolved here.
 * @example registry[0].compute(buildKpiContext(data, config, '2026-W47'))
 */
export declare function buildKpiContext(data: CleanedData, config: Config, week: ReportWeek | string): KpiContext;
