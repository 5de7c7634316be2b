import { lastMonthOfWeek } from '../../util/iso-week.js';
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, teamName } from '../../metrics/column-catalog.js';
import type { MetricsDocument } from '../../metrics/document.js';
import { formatOneDecimal, formatPercent } from '../narrative.js';
import { adoptionByTaskTypeChart, shownTaskTypes, taskTypeName } from './adoption-by-task-type.js';
import { adoptionTrendChart } from './adoption-trend.js';
import { asiByMonthChart } from './asi-by-month.js';
import { isShown, withCaption } from './chart-style.js';
import { cumulativeHoursSavedChart } from './cumulative-hours-saved.js';
import { coverageSummary, latestCoverageMonth, loggingCoverageChart } from './logging-coverage.js';
import { reportThresholds, type ReportThresholds } from './report-thresholds.js';
import { MAX_COLORED_TEAMS, asiTeams, hoursTeams, reportTeamColors, trendTeams, type TeamColors } from './team-colors.js';
import { isPlotChartSpec, type PlotChartSpec } from '../render-plot.js';

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

function trendCaption(doc: MetricsDocument): string {
  const named = trendTeams(doc);
  const all = doc.tables.adoption_by_team.find((row) => row.team === '*');
  const level = all && typeof all.adoption_rate === 'number' ? ` (now ${formatPercent(all.adoption_rate)})` : '';
  if (named.length === 0) return `Black: all teams${level}; no team moved enough this week to single out.`;
  // (a report of one team, or of only the named ones, has no grey line to point to)
  const shown = new Set(named);
  const others = new Set(doc.tables.adoption_trend.filter((row) => row.team !== '*' && !shown.has(row.team) && isShown(row) && typeof row.adoption_rate === 'number').map((row) => row.team));
  return `Black: all teams${level}. In colour, the teams that moved most this week: ${named.join(', ')}${others.size > 0 ? '; the others in grey' : ''}.`;
}

function taskTypeCaption(doc: MetricsDocument): string {
  const { rows, of } = shownTaskTypes(doc);
  if (rows.length === 0) return 'Share of tasks done with AI per task type this week.';
  const sorted = [...rows].sort((a, b) => (b.adoption_rate as number) - (a.adoption_rate as number));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const among = rows.length < of ? `Of the ${rows.length} task types with the most tasks (${formatCount(of)} in all), highest` : 'Highest';
  return `${among} use of AI: ${taskTypeName(top.task_type)} (${formatPercent(top.adoption_rate as number)}); lowest: ${taskTypeName(bottom.task_type)} (${formatPercent(bottom.adoption_rate as number)}).`;
}

function hoursCaption(doc: MetricsDocument): string {
  const current = doc.tables.time_saved.filter((row) => row.week === doc.week && row.suppressed !== true);
  const all = current.find((row) => row.team === '*');
  const top = current.filter((row) => row.team !== '*').sort((a, b) => b.cumulative_hours_saved - a.cumulative_hours_saved)[0];
  // hours as page 1's tiles and the tables write them (one decimal): '113,171 h' here beside the tile's '113,171.4 h'
  // read as two figures
  const total = all ? `${formatOneDecimal(all.cumulative_hours_saved)} h saved to date by all teams (top panel, own scale)` : 'Hours saved to date';
  const sentence = top ? `${total}; most among teams: ${teamName(top.team)}, ${formatOneDecimal(top.cumulative_hours_saved)} h.` : `${total}.`;
  const teams = new Set(doc.tables.time_saved.filter((row) => row.team !== '*' && row.suppressed !== true && typeof row.cumulative_hours_saved === 'number').map((row) => row.team));
  return teams.size > MAX_COLORED_TEAMS ? `${sentence} In colour, the ${hoursTeams(doc).length} teams with the most; the other ${formatCount(teams.size - MAX_COLORED_TEAMS)} in grey.` : sentence;
}

function asiCaption(doc: MetricsDocument, thresholds: Thresholds): string {
  const { accuracyTarget } = reportThresholds(doc, thresholds);
  const month = lastMonthOfWeek(doc.week);
  const below = doc.tables.accuracy_stability
    .filter((row) => row.month === month && row.team !== '*' && row.suppressed !== true && typeof row.asi === 'number' && row.asi < accuracyTarget)
    .map((row) => row.team);
  const withheld = doc.tables.accuracy_stability.filter((row) => row.month === month && row.team !== '*' && row.suppressed === true).length;
  const scale = `Axis zoomed to the data; dashed line: the ${formatPercent(accuracyTarget)} accuracy target.`;
  if (below.length > MAX_COLORED_TEAMS) return `${scale} ${formatCount(below.length)} teams below it in ${month}; in colour the ${MAX_COLORED_TEAMS} lowest: ${asiTeams(doc, thresholds).join(', ')}.`;
  if (below.length > 0) return `${scale} Below it in ${month}: ${below.join(', ')}.`;
  // (a team withheld for privacy may be below it: "no team" would say more than the table shows)
  return withheld > 0 ? `${scale} No team shown is below it in ${month} (${withheld} withheld).` : `${scale} No team below it in ${month}.`;
}

function coverageCaption(doc: MetricsDocument, thresholds: Thresholds): string {
  return coverageSummary(doc, thresholds) ?? `Logging coverage ${latestCoverageMonth(doc) ?? ''}`.trim();
}

// Every per-team chart gets the report's one team colour scale (reportTeamColors), so a team keeps its colour.
const BUILDERS: Array<{ id: string; title: string; build(doc: MetricsDocument, thresholds: Thresholds, colors: TeamColors): ChartSpec; caption(doc: MetricsDocument, thresholds: Thresholds): string }> = [
  { id: 'adoption-trend', title: 'Adoption rate by week', build: (doc, _thresholds, colors) => adoptionTrendChart(doc, { colors }), caption: trendCaption },
  { id: 'adoption-by-task-type', title: 'Adoption by task type', build: (doc) => adoptionByTaskTypeChart(doc, taskTypeCaption(doc)), caption: taskTypeCaption },
  { id: 'cumulative-hours-saved', title: 'Cumulative hours saved', build: (doc, _thresholds, colors) => cumulativeHoursSavedChart(doc, { colors }), caption: hoursCaption },
  { id: 'asi-by-month', title: 'Accuracy stability (ASI) by month', build: (doc, thresholds, colors) => asiByMonthChart(doc, { ...thresholds, colors }), caption: asiCaption },
  { id: 'logging-coverage', title: 'Logging blind spots', build: loggingCoverageChart, caption: coverageCaption },
];

function valueCount(spec: ChartSpec): number {
  const data = (spec as { data?: { values?: unknown } }).data;
  return Array.isArray(data?.values) ? data.values.length : 0;
}

// An empty chart only shows axes; the report leaves it out rather than print a blank frame
// (the coverage chart is empty when nobody is below the threshold: coverageSummary says so).
/**
 * The report's charts in page order, each with a one-line caption (also its subtitle), those
 * without any data left out. `thresholds` (the config's accuracy target and coverage threshold)
 * win over what the document carries.
 * @example reportCharts(doc).map((chart) => chart.id) // ['adoption-trend', 'adoption-by-task-type', ...]
 */
export function reportCharts(doc: MetricsDocument, thresholds: Thresholds = {}): ReportChart[] {
  const colors = reportTeamColors(doc, thresholds);
  return BUILDERS.map(({ id, title, build, caption }) => ({ id, title, spec: build(doc, thresholds, colors), caption: caption(doc, thresholds) }))
    .filter((chart) => valueCount(chart.spec) > 0)
    // A Plot chart draws its caption itself (see adoptionByTaskTypeChart); a Vega-Lite one as its subtitle.
    .map((chart) => ({ ...chart, spec: isPlotChartSpec(chart.spec) ? chart.spec : withCaption(chart.spec, chart.caption) }));
}

export { adoptionTrendChart, adoptionByTaskTypeChart, cumulativeHoursSavedChart, asiByMonthChart, loggingCoverageChart, coverageSummary, reportTeamColors };
