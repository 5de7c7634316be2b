import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/**
 * Retention heat map, all teams: one row per first-AI-task month (with its size), the share of that
 * cohort still using AI one and two months later, as colour and as a label.
 * @example retentionHeatmapChart(doc).layer.length // 2
 */
export declare function retentionHeatmapChart(doc: MetricsDocument): TopLevelSpec;
