import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
/**
 * Accuracy stability index (ASI) by month and team, with the accuracy target as a dashed line;
 * the axis zoomed to the values and the target; teams below target (or alerted) in colour, or the
 * teams `highlight` names (a notebook about one team).
 * @example asiByMonthChart(doc, { accuracyTarget: 0.9 }).layer[1].encoding.y.datum // 0.9
 */
export declare function asiByMonthChart(doc: MetricsDocument, options?: {
    accuracyTarget?: number;
    highlight?: string[];
}): TopLevelSpec;
