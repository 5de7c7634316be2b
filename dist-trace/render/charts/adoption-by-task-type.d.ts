import type { MetricsDocument } from '../../metrics/document.js';
import { type PlotChartSpec } from '../render-plot.js';
/**
 * Adoption rate per task type in the report week (bars, highest first).
 * @example adoptionByTaskTypeChart(doc, 'Highest use of AI: email triage').data.values[0].task_type // 'contract_review'
 */
export declare function adoptionByTaskTypeChart(doc: MetricsDocument, caption?: string): PlotChartSpec;
