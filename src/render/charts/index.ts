import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { adoptionByTaskTypeChart } from './adoption-by-task-type.js';
import { adoptionTrendChart } from './adoption-trend.js';
import { asiByMonthChart } from './asi-by-month.js';
import { cumulativeHoursSavedChart } from './cumulative-hours-saved.js';
import { loggingCoverageChart } from './logging-coverage.js';
import type { ReportThresholds } from './report-thresholds.js';
import type { PlotChartSpec } from '../render-plot.js';

/** A report chart's spec: Vega-Lite, or Observable Plot's options (see render-plot.ts). */
export type ChartSpec = TopLevelSpec | PlotChartSpec;

export interface ReportChart {
  /** Stable id, also the chart's file stem (`adoption-trend`). */
  id: string;
  title: string;
  spec: ChartSpec;
}

const BUILDERS: Array<{ id: string; title: string; build(doc: MetricsDocument, thresholds: Partial<ReportThresholds>): ChartSpec }> = [
  { id: 'adoption-trend', title: 'Adoption rate by week', build: adoptionTrendChart },
  { id: 'adoption-by-task-type', title: 'Adoption by task type', build: adoptionByTaskTypeChart },
  { id: 'cumulative-hours-saved', title: 'Cumulative hours saved', build: cumulativeHoursSavedChart },
  { id: 'asi-by-month', title: 'Accuracy stability (ASI) by month', build: asiByMonthChart },
  { id: 'logging-coverage', title: 'Logging coverage', build: loggingCoverageChart },
];

function valueCount(spec: ChartSpec): number {
  const data = (spec as { data?: { values?: unknown } }).data;
  return Array.isArray(data?.values) ? data.values.length : 0;
}

// An empty chart only shows axes; the report leaves it out rather than print a blank frame.
/**
 * The report's charts in page order, those without any data left out. `thresholds` (the
 * config's accuracy target and coverage threshold) win over what the document carries.
 * @example reportCharts(doc).map((chart) => chart.id) // ['adoption-trend', 'adoption-by-task-type', ...]
 */
export function reportCharts(doc: MetricsDocument, thresholds: Partial<ReportThresholds> = {}): ReportChart[] {
  return BUILDERS.map(({ id, title, build }) => ({ id, title, spec: build(doc, thresholds) })).filter((chart) => valueCount(chart.spec) > 0);
}

export { adoptionTrendChart, adoptionByTaskTypeChart, cumulativeHoursSavedChart, asiByMonthChart, loggingCoverageChart };
