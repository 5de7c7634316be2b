import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/**
 * Usage tiers of the report week: per team (all teams first), the share of people with no, light,
 * moderate and heavy AI use. Suppressed teams are not drawn.
 * @example usageTiersChart(doc).encoding.color.scale.domain // ['No AI tasks', 'Light', 'Moderate', 'Heavy']
 */
export declare function usageTiersChart(doc: MetricsDocument): TopLevelSpec;
