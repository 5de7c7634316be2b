import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/**
 * Adoption rate by week and team (lines): all teams dark, the teams the narrative names in colour,
 * the others grey; the axis zoomed to the data. `highlight` overrides the named teams.
 * @example adoptionTrendChart(doc).encoding.color.scale.domain // ['All teams', 'Procurement', 'Other teams']
 */
export declare function adoptionTrendChart(doc: MetricsDocument, options?: {
    highlight?: string[];
}): TopLevelSpec;
