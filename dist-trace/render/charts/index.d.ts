import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { adoptionByTaskTypeChart } from './adoption-by-task-type.js';
import { adoptionTrendChart } from './adoption-trend.js';
import { asiByMonthChart } from './asi-by-month.js';
import { cumulativeHoursSavedChart } from './cumulative-hours-saved.js';
import { coverageSummary, loggingCoverageChart } from './logging-coverage.js';
import { type ReportThresholds } from './report-thresholds.js';
import { type PlotChartSpec } from '../render-plot.js';
/** A report chart's spec: Vega-Lite, or Observable Plot's options (see render-plot.ts). */
export type ChartSpec = TopLevelSpec | PlotChartSpec;
export interface ReportChart {
    /** Stable id, also the chart's file stem (`adoption-trend`). */
    id: string;
    title: string;
    /** One line saying what to see in the chart; also the spec's subtitle. */
    caption: string;
    spec: ChartSpec;
}
type Thresholds = Partial<ReportThresholds>;
/**
 * The report's charts in page order, each with a one-line caption (also its subtitle), those
 * without any data left out. `thresholds` (the config's accuracy target and coverage threshold)
 * win over what the document carries.
 * @example reportCharts(doc).map((chart) => chart.id) // ['adoption-trend', 'adoption-by-task-type', ...]
 */
export declare function reportCharts(doc: MetricsDocument, thresholds?: Thresholds): ReportChart[];
export { adoptionTrendChart, adoptionByTaskTypeChart, cumulativeHoursSavedChart, asiByMonthChart, loggingCoverageChart, coverageSummary };
