import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/** The newest month of the logging_coverage table, or null when it is empty. */
export declare function latestCoverageMonth(doc: MetricsDocument): string | null;
/**
 * Logging coverage of the users below the threshold in the newest fully loaded month, lowest first,
 * with the threshold as a dashed line; at most `maxUsers` (default 30) users.
 * @example loggingCoverageChart(doc).data.values.every((row) => row.coverage < 0.8) // true
 */
export declare function loggingCoverageChart(doc: MetricsDocument, options?: {
    coverageThreshold?: number;
    maxUsers?: number;
}): TopLevelSpec;
/**
 * One sentence on logging coverage for when no chart is needed, or to sum it up: how many users
 * of the newest month are below the threshold. Plain text; null without coverage rows.
 * @example coverageSummary(doc) // 'All 54 users logged at least 80 % of the AI tasks they reported in 2026-10.'
 */
export declare function coverageSummary(doc: MetricsDocument, options?: {
    coverageThreshold?: number;
}): string | null;
