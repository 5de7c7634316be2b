import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { type MetricsInputs } from './build-kpi-context.js';
import type { MetricsDocument } from './document.js';
import { type ReportWeek } from './resolve-week.js';
/**
 * Every registered KPI over the cleaned data for one report week, as the CONTRACT section 4 document.
 * `week` is the ReportWeek loadReport resolved, or a week's name (`YYYY-Www` or `latest`) resolved here.
 * @example computeMetrics(data, config, resolveWeek(data, config, 'latest')).tables.adoption_by_team
 */
export declare function computeMetrics(data: CleanedData, config: Config, week: ReportWeek | string): MetricsDocument;
/**
 * The metrics document from the facts of every loaded week, the report window's tasks and the baselines (see
 * MetricsInputs): what a store of cleaned weeks calls without loading every task.
 * @example computeMetricsFrom({ facts: concatFacts(storedFacts), window, baselines, data }, config, report)
 */
export declare function computeMetricsFrom(inputs: MetricsInputs, config: Config, report: ReportWeek): MetricsDocument;
