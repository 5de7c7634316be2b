import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/**
 * Cumulative hours saved against the manual baseline, by week: all teams in a panel of its own,
 * the teams below on their own axis.
 * @example cumulativeHoursSavedChart(doc).vconcat.length // 2
 */
export declare function cumulativeHoursSavedChart(doc: MetricsDocument): TopLevelSpec;
