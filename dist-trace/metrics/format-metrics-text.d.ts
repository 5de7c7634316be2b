import type { MetricsDocument } from './document.js';
/**
 * The metrics document as terminal text: a title per table, aligned columns headed and formatted
 * as the column catalogue says (the report's labels and number formats: "Adoption", "47.3 %",
 * "All teams"), suppressed rows and blind spots marked in a `Note` column.
 * @example process.stdout.write(formatMetricsText(computeMetrics(data, config, 'latest')))
 */
export declare function formatMetricsText(document: MetricsDocument): string;
