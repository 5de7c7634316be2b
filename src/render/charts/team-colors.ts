import type { MetricsDocument } from '../../metrics/document.js';
import { compareText } from '../../util/compare-text.js';
import { lastMonthOfWeek } from '../../util/iso-week.js';
import { namedTeams } from '../narrative.js';
import { ALL_TEAMS_COLOR, ALL_TEAMS_LABEL, MUTED_COLOR, OTHER_TEAMS, isShown, teamLabel } from './chart-style.js';
import { reportThresholds, type ReportThresholds } from './report-thresholds.js';

/**
 * A chart colours at most this many teams and greys the rest: more colours cannot be told apart, and
 * their legend would not fit beside the chart.
 */
export const MAX_COLORED_TEAMS = 6;

// Tableau's ten categories, its grey swapped for a dark blue (the other teams' grey is the one grey): colours
// a reader tells apart, each from every other.
const TEAM_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#ff9da6', '#9d755d', '#393b79'];

/** A colour scale every per-team chart of a report shares: its domain and range, whole. */
export interface TeamColors {
  domain: string[];
  range: string[];
}

/**
 * The teams the adoption trend colours: those the narrative names for their move, the largest first, at most
 * MAX_COLORED_TEAMS.
 * @example trendTeams(doc) // ['Procurement', 'Engineering', 'HR']
 */
export function trendTeams(doc: MetricsDocument): string[] {
  return namedTeams(doc).slice(0, MAX_COLORED_TEAMS);
}

/**
 * The teams the ASI chart colours: below the accuracy target in the report month, or alerted for accuracy; the
 * lowest that month first, at most MAX_COLORED_TEAMS.
 * @example asiTeams(doc, { accuracyTarget: 0.9 }) // ['Sales Ops', 'HR', 'Procurement']
 */
export function asiTeams(doc: MetricsDocument, thresholds: Partial<ReportThresholds> = {}): string[] {
  const { accuracyTarget } = reportThresholds(doc, thresholds);
  const month = lastMonthOfWeek(doc.week);
  const asiOf = new Map<string, number>();
  for (const row of doc.tables.accuracy_stability) {
    if (row.month === month && row.team !== '*' && isShown(row) && typeof row.asi === 'number') asiOf.set(row.team, row.asi);
  }
  const flagged = new Set([
    ...[...asiOf].filter(([, asi]) => asi < accuracyTarget).map(([team]) => team),
    ...doc.tables.alerts.filter((alert) => alert.rule.startsWith('asi_') && typeof alert.team === 'string').map((alert) => alert.team as string),
  ]);
  const lowestFirst = (a: string, b: string) => (asiOf.get(a) ?? Infinity) - (asiOf.get(b) ?? Infinity) || compareText(a, b);
  return [...flagged].sort(lowestFirst).slice(0, MAX_COLORED_TEAMS);
}

/**
 * The teams the cumulative-hours chart colours: every team when there are at most MAX_COLORED_TEAMS, else those
 * with the most hours saved to date (their latest week's running sum).
 * @example hoursTeams(doc) // ['Engineering', 'Finance', 'HR', 'Legal', 'Procurement', 'Sales Ops']
 */
export function hoursTeams(doc: MetricsDocument): string[] {
  const toDate = new Map<string, { week: string; hours: number }>();
  for (const row of doc.tables.time_saved) {
    if (row.team === '*' || !isShown(row) || typeof row.cumulative_hours_saved !== 'number') continue;
    const seen = toDate.get(row.team);
    if (!seen || row.week > seen.week) toDate.set(row.team, { week: row.week, hours: row.cumulative_hours_saved });
  }
  const teams = [...toDate.keys()].sort(compareText);
  if (teams.length <= MAX_COLORED_TEAMS) return teams;
  return teams.sort((a, b) => toDate.get(b)!.hours - toDate.get(a)!.hours || compareText(a, b)).slice(0, MAX_COLORED_TEAMS);
}

// A team keeps its colour from chart to chart: one domain (all teams, every team of the report in name order,
// the other teams) and one range for the report. The teams some chart colours take, in name order, a colour of
// their own while the ten last, then the first colour no team coloured beside them in a chart has (a chart
// colours six at most); the rest, grey in the report's charts, take the colours after theirs in turn.
/**
 * The report's team colours: the domain and range every per-team chart's colour scale takes whole.
 * @example reportTeamColors(doc).domain // ['All teams', 'Engineering', ..., 'Sales Ops', 'Other teams']
 */
export function reportTeamColors(doc: MetricsDocument, thresholds: Partial<ReportThresholds> = {}): TeamColors {
  const tables = [doc.tables.adoption_by_team, doc.tables.adoption_trend, doc.tables.time_saved, doc.tables.accuracy_stability] as Array<Array<{ team: string }>>;
  const teams = [...new Set(tables.flat().filter((row) => row.team !== '*' && isShown(row)).map((row) => teamLabel(row.team)))].sort(compareText);
  const charts = [trendTeams(doc), asiTeams(doc, thresholds), hoursTeams(doc)].map((chart) => new Set(chart.map(teamLabel)));
  const colorOf = new Map<string, string>();
  for (const team of teams.filter((name) => charts.some((chart) => chart.has(name)))) {
    const used = new Set(colorOf.values());
    const beside = new Set(charts.filter((chart) => chart.has(team)).flatMap((chart) => [...chart].map((other) => colorOf.get(other))));
    const color = TEAM_COLORS.find((candidate) => !used.has(candidate)) ?? TEAM_COLORS.find((candidate) => !beside.has(candidate));
    colorOf.set(team, color ?? TEAM_COLORS[colorOf.size % TEAM_COLORS.length]);
  }
  for (const team of teams.filter((name) => !colorOf.has(name))) colorOf.set(team, TEAM_COLORS[colorOf.size % TEAM_COLORS.length]);
  return {
    domain: [ALL_TEAMS_LABEL, ...teams, OTHER_TEAMS],
    range: [ALL_TEAMS_COLOR, ...teams.map((team) => colorOf.get(team)!), MUTED_COLOR],
  };
}

// Legend labels are cut at this width (px; vega estimates 8 px a character at the legend's 10 px font): long
// team names such as "Procurement Americas" whole.
const LEGEND_LABEL_LIMIT = 240;

/**
 * The legend of a chart drawn with the report's team colours: only the groups the chart draws (all teams, the
 * teams in colour, the other teams), in the domain's order.
 * @example teamLegend(colors, [{ group: 'All teams' }, { group: 'Other teams' }]).values // ['All teams', 'Other teams']
 */
export function teamLegend(colors: TeamColors, drawn: Array<{ group: string }>): { values: string[]; labelLimit: number } {
  const groups = new Set(drawn.map((value) => value.group));
  return { values: colors.domain.filter((label) => groups.has(label)), labelLimit: LEGEND_LABEL_LIMIT };
}
