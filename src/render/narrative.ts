import { formatCount, formatPoints, sourceTasks } from '../metrics/column-catalog.js';
import type { MetricsDocument, TimeSavedRow } from '../metrics/document.js';
import { lastMonthOfWeek, shiftMonth, shiftWeek, weekBounds, weekRange } from '../util/iso-week.js';
import { median } from '../metrics/quantile.js';
import { latestCoverageMonth } from './charts/logging-coverage.js';
import { reportThresholds } from './charts/report-thresholds.js';
import { cappedList } from '../util/capped-list.js';
import { wordList } from '../util/word-list.js';

export interface NarrativeOptions {
  /** A change smaller than this many points reads "held steady" (default 1). */
  adoptionSteadyPts?: number;
  /** A team at or below this delta is always named (default: the adoption_drop rule, -10). */
  adoptionDropPts?: number;
  /** Coverage threshold quoted for blind spots (default: the document's, else 0.8). */
  coverageThreshold?: number;
  /** Teams named for their adoption move besides those past the drop line (default 2). */
  maxTeamMoves?: number;
}

export interface HeadlineKpi {
  label: string;
  value: string;
  detail: string;
  /** Which way the figure moved against the period before (`flat` within the steady band). */
  direction?: 'up' | 'down' | 'flat';
  /** Whether that is good news: shown in colour-blind-safe blue (better) or vermillion (worse). */
  tone?: 'better' | 'worse' | 'neutral';
}

const NOT_MEASURABLE = 'not measurable (no tasks)';
const SOURCE_NAMES: Record<string, string> = { ai_logs: 'AI logs', manual_logs: 'manual logs', user_monthly_summary: 'roster' };

const oneDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Escapes data text for markdown that may also be read as HTML: markdown punctuation gets
 * a backslash, then `& < > " '` become entities.
 * @example escapeMarkdown('<script>') // '&lt;script&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]{}()#+!|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// A level rounds to a whole percent, but never to a 0 % or 100 % the data does not show.
/**
 * A rate (fraction) as a whole percent; null reads "not measurable (no tasks)".
 * @example formatPercent(0.4132) // '41 %'
 */
export function formatPercent(rate: number | null | undefined): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return NOT_MEASURABLE;
  const rounded = Math.round(rate * 100);
  if (rate > 0 && rounded === 0) return '<1 %';
  if (rate < 1 && rounded === 100) return '>99 %';
  return `${rounded} %`;
}

/**
 * A number with one decimal (points, hours), never "-0.0".
 * @example formatOneDecimal(-16.44) // '-16.4'
 */
export function formatOneDecimal(value: number): string {
  const text = oneDecimalFormat.format(value);
  return /^-0\.0$/.test(text) ? '0.0' : text;
}

/** Size of a change in points, one decimal, without its sign. */
function points(delta: number): string {
  return formatOneDecimal(Math.abs(delta));
}

// The size of a change in points as the report shows it (one decimal): the steady band is judged on it, so a change
// of -0.96 that reads "-1.0 pts" on the tile is a fall of 1.0 points, never "held steady" beside it.
function shownSize(delta: number): number {
  return Number(points(delta).replace(/,/g, ''));
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isShown(row: Record<string, unknown>): boolean {
  return row.suppressed !== true;
}

/** "Sales Ops'" or "Legal's". */
function possessive(escapedName: string): string {
  return /s$/i.test(escapedName) ? `${escapedName}'` : `${escapedName}'s`;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}


/** The month whose ASI the report quotes: the month holding the report week's Sunday (lastMonthOfWeek). */
function reportMonth(doc: MetricsDocument): string {
  return lastMonthOfWeek(doc.week);
}

/** A week's hours saved within this share of the week before's read as steady on page 1. */
const HOURS_STEADY_SHARE = 0.01;

function steadyPts(options: NarrativeOptions): number {
  return options.adoptionSteadyPts ?? 1;
}

/** Teams a sentence names at most before it counts the rest ("and 295 more teams"). */
const MAX_NAMED_TEAMS = 5;

// Teams past the drop line (or alerted) are named, up to MAX_NAMED_TEAMS (`unnamed`: the smaller dips past it);
// then the largest other moves, each at least the steady band, largest first.
function adoptionMoves(
  doc: MetricsDocument,
  options: NarrativeOptions,
): { named: Array<{ team: string; delta_pts: number }>; unnamed: Array<{ team: string; delta_pts: number }> } {
  const steady = steadyPts(options);
  const { adoptionDropPts } = reportThresholds(doc, { adoptionDropPts: options.adoptionDropPts });
  const alerted = new Set(
    doc.tables.alerts.filter((alert) => alert.rule === 'adoption_drop' && typeof alert.team === 'string').map((alert) => alert.team as string),
  );
  const teams = doc.tables.adoption_by_team.filter((row) => row.team !== '*' && isShown(row) && isNumber(row.delta_pts)) as Array<{ team: string; delta_pts: number }>;
  const bySize = (a: { team: string; delta_pts: number }, b: { team: string; delta_pts: number }) =>
    Math.abs(b.delta_pts) - Math.abs(a.delta_pts) || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0);
  const mustName = teams.filter((row) => row.delta_pts <= adoptionDropPts || (alerted.has(row.team) && row.delta_pts < 0 && shownSize(row.delta_pts) >= steady)).sort(bySize);
  const largest = teams
    .filter((row) => shownSize(row.delta_pts) >= steady && !mustName.includes(row))
    .sort(bySize)
    .slice(0, options.maxTeamMoves ?? 2);
  // hundreds of teams past the drop line are named a few, the largest dips, and counted
  const { named, rest: unnamed } = cappedList(mustName, MAX_NAMED_TEAMS);
  return { named: [...named, ...largest].sort(bySize), unnamed };
}

/**
 * The teams the narrative names for their adoption move (the trend chart highlights them).
 * @example namedTeams(doc) // ['Procurement', 'Engineering', 'HR']
 */
export function namedTeams(doc: MetricsDocument, options: NarrativeOptions = {}): string[] {
  return adoptionMoves(doc, options).named.map((row) => row.team);
}

// Overall clause first ("Adoption rose 2.3 points to 41 %"), then the named teams' moves.
function adoptionSentence(doc: MetricsDocument, options: NarrativeOptions): string | null {
  const steady = steadyPts(options);
  const all = doc.tables.adoption_by_team.find((row) => row.team === '*');

  let overall: string | null = null;
  if (all) {
    if (!isNumber(all.adoption_rate)) overall = `Adoption in ${escapeMarkdown(doc.week)} is ${NOT_MEASURABLE}`;
    else if (!isNumber(all.delta_pts)) overall = `Adoption stood at ${formatPercent(all.adoption_rate)}, with no measurable previous week to compare`;
    else if (shownSize(all.delta_pts) < steady) overall = `Adoption held steady at ${formatPercent(all.adoption_rate)}`;
    else overall = `Adoption ${all.delta_pts > 0 ? 'rose' : 'fell'} ${points(all.delta_pts)} points to ${formatPercent(all.adoption_rate)}`;
  }
  const { named, unnamed } = adoptionMoves(doc, options);
  // a fall is said as the overall one and the alert's message say it ("fell"): "Procurement dipped 22.0 points" on
  // page 1 played down what the alert beside it calls a high-severity drop
  const teamClauses = named.map((row) => `${escapeMarkdown(row.team)} ${row.delta_pts > 0 ? 'rose' : 'fell'} ${points(row.delta_pts)} points`);
  if (unnamed.length > 0) {
    const sizes = unnamed.map((row) => Math.abs(row.delta_pts));
    const [least, most] = [Math.min(...sizes), Math.max(...sizes)];
    teamClauses.push(`${formatCount(unnamed.length)} more teams fell ${least === most ? points(most) : `${points(least)} to ${points(most)}`} points`);
  }

  const clauses = [...(overall ? [overall] : []), ...teamClauses];
  if (clauses.length === 0) return null;
  // (moves against a week whose exports look missing are said to be so, here on page 1 and in the data caveats)
  const thin = thinPreviousWeek(doc);
  const against = thin ? ` (against ${thin.week}, which holds only ${plural(thin.tasks, 'task', 'tasks')} where a week usually has ${formatCount(thin.usual)}: see the data caveats)` : '';
  return `${capitalise(clauses.join('; '))}${against}.`;
}

// The outcome pairing: overall ASI of the report month against the month before, and the
// teams whose ASI fell the most ("... while Sales Ops' accuracy stability fell from 62 % to 34 %").
function accuracySentence(doc: MetricsDocument, options: NarrativeOptions): string | null {
  const steady = steadyPts(options);
  const month = reportMonth(doc);
  const before = shiftMonth(month, -1);
  const rows = doc.tables.accuracy_stability;
  const find = (team: string, period: string) => rows.find((row) => row.team === team && row.month === period);
  const current = find('*', month);
  if (!current) return null;
  if (!isNumber(current.asi)) return `Accuracy stability for ${month} is not measurable (no evaluated tasks).`;
  const previous = find('*', before);

  let overall: string;
  let overallFell = false;
  if (!previous || !isNumber(previous.asi)) overall = `Accuracy stability was ${formatPercent(current.asi)} in ${month}`;
  else {
    const change = 100 * (current.asi - previous.asi);
    if (shownSize(change) < steady) overall = `Accuracy stability held steady at ${formatPercent(current.asi)} in ${month}`;
    else {
      overallFell = change < 0;
      overall = `Accuracy stability ${change > 0 ? 'rose' : 'fell'} from ${formatPercent(previous.asi)} to ${formatPercent(current.asi)} (${before} to ${month})`;
    }
  }

  const falls = rows
    .filter((row) => row.month === month && row.team !== '*' && isShown(row) && isNumber(row.asi))
    .map((row) => ({ team: row.team, now: row.asi as number, then: find(row.team, before) }))
    .filter((entry) => entry.then && isShown(entry.then) && isNumber(entry.then.asi))
    .map((entry) => ({ team: entry.team, now: entry.now, then: entry.then!.asi as number, change: 100 * (entry.now - (entry.then!.asi as number)) }))
    .filter((entry) => entry.change < 0 && shownSize(entry.change) >= steady)
    .sort((a, b) => a.change - b.change || (a.team < b.team ? -1 : 1))
    .slice(0, 2);
  if (falls.length === 0) return `${overall}.`;
  const [first, ...rest] = falls;
  const firstClause = `${possessive(escapeMarkdown(first.team))} accuracy stability fell from ${formatPercent(first.then)} to ${formatPercent(first.now)}`;
  const restClauses = rest.map((entry) => ` and ${possessive(escapeMarkdown(entry.team))} fell from ${formatPercent(entry.then)} to ${formatPercent(entry.now)}`);
  return `${overall}${overallFell ? '; ' : ', while '}${firstClause}${restClauses.join('')}.`;
}

/**
 * The all-teams hours saved of the report week, of the week right before it (undefined when that week held no task:
 * never an earlier one, which "vs last week" would misname) and the first week the running total starts from.
 * @example allTeamsHours(doc).firstWeek // '2026-W40'
 */
function allTeamsHours(doc: MetricsDocument): { current?: TimeSavedRow; previous?: TimeSavedRow; firstWeek?: string } {
  const rows = doc.tables.time_saved.filter((row) => row.team === '*');
  const before = shiftWeek(doc.week, -1);
  return { current: rows.find((row) => row.week === doc.week), previous: rows.find((row) => row.week === before), firstWeek: rows.map((row) => row.week).sort()[0] };
}

function timeSavedSentence(doc: MetricsDocument): string | null {
  const { current, firstWeek: first } = allTeamsHours(doc);
  if (!current || !isNumber(current.hours_saved) || !isNumber(current.cumulative_hours_saved)) return null;
  const firstWeek = escapeMarkdown(first ?? doc.week);
  const thisWeek =
    current.hours_saved >= 0
      ? `AI tasks saved an estimated ${formatOneDecimal(current.hours_saved)} hours this week against the manual baseline`
      : `AI tasks took an estimated ${formatOneDecimal(-current.hours_saved)} hours more than the manual baseline this week`;
  const cumulative =
    current.cumulative_hours_saved >= 0
      ? `${formatOneDecimal(current.cumulative_hours_saved)} hours saved in total since ${firstWeek}`
      : `a net ${formatOneDecimal(-current.cumulative_hours_saved)} hours lost in total since ${firstWeek}`;
  return `${thisWeek}; ${cumulative}.`;
}

function harmSentence(doc: MetricsDocument): string | null {
  const all = doc.tables.harm.find((row) => row.team === '*');
  if (!all || !isNumber(all.harmful) || all.harmful <= 0) return null;
  const teams = doc.tables.harm
    .filter((row) => row.team !== '*' && isShown(row) && isNumber(row.harmful) && row.harmful > 0)
    .sort((a, b) => b.harmful - a.harmful || (a.team < b.team ? -1 : 1))
    .map((row) => `${escapeMarkdown(row.team)} ${formatCount(row.harmful)}`);
  const { named, rest } = cappedList(teams, MAX_NAMED_TEAMS);
  const byTeam = teams.length > 0 ? `: ${rest.length > 0 ? wordList([...named, `${formatCount(rest.length)} more teams`]) : teams.join(', ')}` : '';
  const verb = all.harmful === 1 ? 'was' : 'were';
  return `${formatCount(all.harmful)} of ${plural(all.ai_tasks, 'AI task', 'AI tasks')} (${formatPercent(all.harm_rate)}) ${verb} flagged harmful this week${byTeam}.`;
}

function gapsSentence(doc: MetricsDocument): string | null {
  const groups = new Map<string, { source: string; team: string; dates: string[] }>();
  for (const row of doc.tables.gaps.filter(isShown)) {
    const key = JSON.stringify([row.source, row.team]);
    const group = groups.get(key) ?? { source: row.source, team: row.team, dates: [] };
    group.dates.push(row.date);
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  // the first MAX_NAMED_TEAMS teams (by name) are told, the others counted
  const teams = [...new Set([...groups.values()].map((group) => group.team))].sort();
  const told = new Set(cappedList(teams, MAX_NAMED_TEAMS).named);
  const clauses = [...groups.values()]
    .filter((group) => told.has(group.team))
    .map((group) => `no ${sourceTasks(group.source)} from ${escapeMarkdown(group.team)} on ${wordList([...group.dates].sort().map(escapeMarkdown))}`);
  if (told.size < teams.length) clauses.push(`and such days from ${teams.length - told.size} more teams`);
  return `Possible data gaps (days with no tasks where that weekday usually has several): ${clauses.join('; ')}.`;
}

/** Weeks in a row without a single task before the report week sets the data apart: gap detection is then blunted. */
const EMPTY_WEEKS_TOLD = 2;

// A week compared with that holds less than this share of a usual week's tasks is told as thin.
const THIN_WEEK_SHARE = 0.5;

/**
 * The week before the report week when it holds far fewer tasks (AI and manual, all teams) than the other loaded weeks
 * usually do (under THIN_WEEK_SHARE of their median; at least two other weeks to compare): its files were likely missed,
 * and every "vs last week" figure compares with it. Null when it is not thin.
 * @example thinPreviousWeek(doc) // { week: '2026-W44', tasks: 35, usual: 2143 }
 */
export function thinPreviousWeek(doc: MetricsDocument): { week: string; tasks: number; usual: number } | null {
  const previous = shiftWeek(doc.week, -1);
  const totals = new Map(doc.tables.adoption_trend.filter((row) => row.team === '*').map((row) => [row.week, (row.ai_tasks ?? 0) + (row.manual_tasks ?? 0)]));
  const tasks = totals.get(previous);
  if (tasks === undefined) return null;
  const others = [...totals].filter(([week]) => week !== previous && week !== doc.week && week < doc.week).map(([, total]) => total);
  const usual = others.length >= 2 ? median(others) : null;
  if (usual === null || tasks >= usual * THIN_WEEK_SHARE) return null;
  return { week: previous, tasks, usual: Math.round(usual) };
}

function thinPreviousWeekSentence(doc: MetricsDocument): string | null {
  const thin = thinPreviousWeek(doc);
  if (!thin) return null;
  return (
    `${thin.week}, the week this one is compared with, holds ${plural(thin.tasks, 'task', 'tasks')} against a usual ${formatCount(thin.usual)} a week: ` +
    'its exports may be missing, so every change "vs last week" may come from missing data rather than from use.'
  );
}

// Weeks without any task between the first week with tasks and the report week (adoption_trend holds every week
// with a task): the gap rule's medians count their days as 0, so a long empty stretch, often one stray old row,
// hides a missing export. Told when the longest such stretch is EMPTY_WEEKS_TOLD weeks or more.
function emptyWeeksSentence(doc: MetricsDocument): string | null {
  const held = new Set(weeksWithTasks(doc));
  const first = firstDataWeek(doc);
  if (first === null) return null;
  let longest: string[] = [];
  let run: string[] = [];
  for (const week of weekRange(first, doc.week)) {
    run = held.has(week) ? [] : [...run, week];
    if (run.length > longest.length) longest = run;
  }
  if (longest.length < EMPTY_WEEKS_TOLD) return null;
  return (
    `The data holds no task at all from ${longest[0]} to ${longest[longest.length - 1]} (${longest.length} weeks), after tasks in ${escapeMarkdown(first)}: ` +
    'the data-gap check counts those days as 0, so it may miss a missing export; if the earlier tasks are stray rows, `cleaning.earliest` leaves them out.'
  );
}

function blindSpotsSentence(doc: MetricsDocument, options: NarrativeOptions): string | null {
  const month = latestCoverageMonth(doc);
  const flagged = doc.tables.logging_coverage.filter((row) => row.month === month && row.flagged === true);
  if (flagged.length === 0) return null;
  const { coverageThreshold } = reportThresholds(doc, { coverageThreshold: options.coverageThreshold });
  const users = flagged.map((row) => escapeMarkdown(row.user_id)).sort();
  const shown = users.length > 5 ? [...users.slice(0, 5), `${users.length - 5} more`] : users;
  return (
    `Logging blind spots: in ${escapeMarkdown(month ?? '')}, ${plural(flagged.length, 'user', 'users')} (${wordList(shown)}) logged under ` +
    `${formatPercent(coverageThreshold)} of the AI tasks they reported, so the logs undercount their AI use.`
  );
}

// One accounting count summed over the sources, with the sources that have any: "AI logs 14, roster 1".
function countBySource(doc: MetricsDocument, field: 'quarantined' | 'conflicting_duplicates'): { total: number; bySource: string } | null {
  const parts = Object.entries(doc.accounting)
    .filter(([, accounting]) => accounting && isNumber(accounting[field]) && accounting[field] > 0)
    .map(([kind, accounting]) => ({ kind, count: accounting![field] }));
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return null;
  return { total, bySource: parts.map((part) => `${SOURCE_NAMES[part.kind] ?? escapeMarkdown(part.kind)} ${formatCount(part.count)}`).join(', ') };
}

function quarantineSentence(doc: MetricsDocument): string | null {
  const counted = countBySource(doc, 'quarantined');
  if (!counted) return null;
  return `${plural(counted.total, 'input row was', 'input rows were')} quarantined and left out of every figure (${counted.bySource}).`;
}

// AI users against licensed users. AI users count anyone with an AI task, licensed or not: "58 of 64 licensed users"
// only when the usage tiers (licensed people plus anyone with an AI task) say how many had no licence; never "59 of 64
// licensed users" when one of the 59 has none.
function usersClause(doc: MetricsDocument, aiUsers: number, licensedUsers: number, rate: number | null | undefined): string {
  const tiers = ((doc.tables.usage_tiers ?? []) as Array<Record<string, unknown>>).find((row) => row.week === doc.week && row.team === '*' && row.suppressed !== true);
  const unlicensed = tiers && isNumber(tiers.people) ? tiers.people - licensedUsers : null;
  if (unlicensed === 0) return `${formatCount(aiUsers)} of ${plural(licensedUsers, 'licensed user', 'licensed users')} used AI this week (${formatPercent(rate)})`;
  if (unlicensed !== null && unlicensed > 0 && unlicensed <= aiUsers) {
    return `${formatCount(aiUsers - unlicensed)} of ${plural(licensedUsers, 'licensed user', 'licensed users')} used AI this week, and ${plural(unlicensed, 'user', 'users')} without a licence ` +
      `(user adoption, everyone who used AI over licensed users: ${formatPercent(rate)})`;
  }
  return `${plural(aiUsers, 'user', 'users')} used AI this week, against ${plural(licensedUsers, 'licensed user', 'licensed users')} (user adoption ${formatPercent(rate)})`;
}

/**
 * The fewest AI tasks that make a power user in the rows given (one week's): a power user has more than the cut-off,
 * a percentile, and counts being whole the least is the next whole number (a cut-off of 25 or 25.4: 26); null
 * when no row has a cut-off. Page 1 and the power users' table both say it.
 * @example leastPowerUserTasks([{ threshold: 25 }, { threshold: 25 }]) // 26
 */
export function leastPowerUserTasks(rows: ReadonlyArray<Record<string, unknown>>): number | null {
  const cutOff = Math.min(...rows.map((row) => (isNumber(row.threshold) ? row.threshold : Infinity)));
  return Number.isFinite(cutOff) ? Math.floor(cutOff) + 1 : null;
}

// Who uses it, not only how much: user adoption, the per-user view beside the per-task one, and
// how much of the week the power users carry.
function userViewSentence(doc: MetricsDocument, options: NarrativeOptions): string | null {
  const steady = steadyPts(options);
  const all = doc.tables.adoption_by_team.find((row) => row.team === '*');
  if (!all || !isShown(all)) return null;
  const clauses: string[] = [];
  if (isNumber(all.ai_users) && isNumber(all.licensed_users) && all.licensed_users > 0) clauses.push(usersClause(doc, all.ai_users, all.licensed_users, all.user_adoption_rate));
  if (isNumber(all.user_weighted_adoption_rate) && isNumber(all.adoption_rate)) {
    const gap = 100 * (all.user_weighted_adoption_rate - all.adoption_rate);
    const perUser = `counted per user (each user's own AI share, averaged) adoption is ${formatPercent(all.user_weighted_adoption_rate)}`;
    clauses.push(
      Math.abs(gap) < steady
        ? `${perUser}, close to the ${formatPercent(all.adoption_rate)} counted per task`
        : `${perUser} against ${formatPercent(all.adoption_rate)} counted per task, so heavy users pull the task figure ${gap < 0 ? 'up' : 'down'}`,
    );
  }
  const power = ((doc.tables.power_users ?? []) as Array<Record<string, unknown>>).filter((row) => row.week === doc.week && isNumber(row.ai_tasks));
  if (power.length > 0 && isNumber(all.ai_tasks) && all.ai_tasks > 0) {
    const theirs = power.reduce((sum, row) => sum + (row.ai_tasks as number), 0);
    const least = leastPowerUserTasks(power);
    const above = least === null ? '' : ` (${formatCount(least)} or more AI tasks in the week)`;
    clauses.push(`${plural(power.length, 'power user', 'power users')}${above} did ${formatCount(theirs)} of the ${plural(all.ai_tasks, 'AI task', 'AI tasks')} (${formatPercent(theirs / all.ai_tasks)})`);
  }
  if (clauses.length === 0) return null;
  return `${capitalise(clauses.join('; '))}.`;
}

// Copies of one id that disagree were merged by a rule, not by what happened: say so (CONTRACT 2.4).
function conflictsSentence(doc: MetricsDocument): string | null {
  const counted = countBySource(doc, 'conflicting_duplicates');
  if (!counted) return null;
  return `${plural(counted.total, 'id arrived', 'ids arrived')} in copies that disagree (${counted.bySource}); the most complete copy was kept, flagged harmful if any copy was.`;
}

// People (activation, retention, usage tiers, idle seats): one sentence each when there is news.
function peopleRows(doc: MetricsDocument, table: string): Array<Record<string, unknown>> {
  return ((doc.tables[table] ?? []) as Array<Record<string, unknown>>).filter(isShown);
}

// The first week holding a task (adoption_trend holds every such week): uptake sees a person's first AI task only
// from there on, so near it "first used AI" may mean "first seen" (CONTRACT 3's people figures read the loaded data).
function firstDataWeek(doc: MetricsDocument): string | null {
  return weeksWithTasks(doc)[0] ?? null;
}

// Every week holding a task, in order: adoption_trend's all-teams rows (CONTRACT 4: every week that holds a task).
function weeksWithTasks(doc: MetricsDocument): string[] {
  return doc.tables.adoption_trend.filter((row) => row.team === '*').map((row) => row.week).sort();
}

/** Weeks from the data's first during which a first AI task may be one made before the data, and said so. */
const FIRST_SEEN_WEEKS = 4;

function newUsersSentence(doc: MetricsDocument): string | null {
  const all = peopleRows(doc, 'activation').find((row) => row.grain === 'week' && row.period === doc.week && row.team === '*');
  if (!all || !isNumber(all.new_ai_users) || all.new_ai_users === 0) return null;
  const share = isNumber(all.activation_rate) ? ` (${formatPercent(all.activation_rate)} of the licensed users who had not used it yet)` : '';
  const days = isNumber(all.median_days_to_first_ai_task) ? `, a median ${formatOneDecimal(all.median_days_to_first_ai_task)} days after their licence month began` : '';
  const first = firstDataWeek(doc);
  const early = first !== null && doc.week < shiftWeek(first, FIRST_SEEN_WEEKS) ? `; the data starts in ${escapeMarkdown(first)}, so use before it is not seen` : '';
  return `${capitalise(plural(all.new_ai_users, 'licensed user', 'licensed users'))} used AI for the first time this week${share}${days}${early}.`;
}

function retentionSentence(doc: MetricsDocument): string | null {
  const cohorts = peopleRows(doc, 'retention')
    .filter((row) => row.team === '*' && isNumber(row.cohort_users) && row.cohort_users > 0 && isNumber(row.retained_m1))
    .sort((a, b) => (String(a.month) < String(b.month) ? -1 : 1));
  const latest = cohorts[cohorts.length - 1];
  if (!latest) return null;
  const month = String(latest.month);
  const before = cohorts[cohorts.length - 2];
  const compared = before ? ` (the ${escapeMarkdown(String(before.month))} starters: ${formatPercent(before.retained_m1 as number)})` : '';
  // (a cohort of the data's first month or the next holds people who may have used AI before the data starts)
  const first = firstDataWeek(doc);
  const early = first !== null && month <= shiftMonth(weekBounds(first).start.slice(0, 7), 1) ? ` (as far as the data shows: it starts in ${escapeMarkdown(first)})` : '';
  return (
    `Of the ${plural(latest.cohort_users as number, 'person', 'people')} who first used AI in ${escapeMarkdown(month)}${early}, ` +
    `${formatPercent(latest.retained_m1 as number)} used it again in ${escapeMarkdown(shiftMonth(month, 1))}${compared}.`
  );
}

function tiersSentence(doc: MetricsDocument): string | null {
  const all = peopleRows(doc, 'usage_tiers').filter((row) => row.team === '*' && typeof row.week === 'string' && row.week <= doc.week);
  const current = all.find((row) => row.week === doc.week);
  const previous = all.filter((row) => (row.week as string) < doc.week).sort((a, b) => (String(a.week) < String(b.week) ? -1 : 1)).pop();
  const tiers = ['heavy', 'moderate', 'light', 'none'];
  if (!current || !previous || tiers.every((tier) => current[tier] === previous[tier])) return null;
  const count = (row: Record<string, unknown>, tier: string) => (isNumber(row[tier]) ? formatCount(row[tier]) : '?');
  const none = isNumber(current.none) ? ` and ${plural(current.none, 'licensed person', 'licensed people')} without an AI task` : ' users';
  return (
    `Usage tiers this week: ${count(current, 'heavy')} heavy, ${count(current, 'moderate')} moderate, ${count(current, 'light')} light${none} ` +
    `(${escapeMarkdown(String(previous.week))}: ${count(previous, 'heavy')} heavy, ${count(previous, 'moderate')} moderate, ${count(previous, 'light')} light${isNumber(previous.none) ? `, ${formatCount(previous.none)} without` : ''}).`
  );
}

function idleSeatsSentence(doc: MetricsDocument): string | null {
  const rows = peopleRows(doc, 'idle_seats');
  const all = rows.find((row) => row.team === '*');
  if (!all) return null;
  const weeks = isNumber(all.idle_weeks) ? all.idle_weeks : 4;
  const clauses: string[] = [];
  if (isNumber(all.idle_seats) && all.idle_seats > 0 && isNumber(all.licensed_users)) {
    const most = rows
      .filter((row) => row.team !== '*' && isNumber(row.idle_seats) && row.idle_seats > 0)
      .sort((a, b) => (b.idle_seats as number) - (a.idle_seats as number) || (String(a.team) < String(b.team) ? -1 : 1))
      .slice(0, 2)
      .map((row) => `${escapeMarkdown(String(row.team))} ${formatCount(row.idle_seats as number)}`);
    const cost = isNumber(all.idle_cost) ? `, about ${formatCount(all.idle_cost)} a month` : '';
    clauses.push(
      `${formatCount(all.idle_seats)} of ${plural(all.licensed_users, 'licensed seat', 'licensed seats')} (${formatPercent(all.idle_share as number)}) ` +
        `had no AI task in the last ${plural(weeks, 'week', 'weeks')}${most.length > 0 ? ` (most: ${wordList(most)})` : ''}${cost}`,
    );
  }
  if (isNumber(all.lapsed_users) && all.lapsed_users > 0) {
    clauses.push(`${plural(all.lapsed_users, 'person', 'people')} who used AI before ${all.lapsed_users === 1 ? 'has' : 'have'} lapsed`);
  }
  return clauses.length === 0 ? null : `${capitalise(clauses.join('; '))}.`;
}

/**
 * The people sentences (new users, retention, usage tiers, idle seats), each only when there is
 * something to say, as markdown.
 * @example peopleSentences(doc) // ['3 licensed users used AI for the first time this week ...']
 */
export function peopleSentences(doc: MetricsDocument): string[] {
  return [newUsersSentence(doc), retentionSentence(doc), tiersSentence(doc), idleSeatsSentence(doc)].filter((sentence): sentence is string => sentence !== null);
}

// Licence figures left blank (no roster for a month, data starting inside the idle window).
function peopleCaveatsSentence(doc: MetricsDocument): string | null {
  const caveats = ((doc.tables.people_caveats ?? []) as Array<Record<string, unknown>>).map((row) => escapeMarkdown(String(row.caveat)));
  return caveats.length === 0 ? null : `People figures: ${caveats.join('; ')}.`;
}

/**
 * The report's narrative as markdown paragraphs, every sentence computed from the document:
 * adoption and its moves, outcomes (accuracy stability, time saved, harm), who uses it (users,
 * the per-user view, power users), people (new users, retention, usage tiers, idle seats), then data caveats. Data text (team names, user ids) is
 * escaped; suppressed rows are never named; a paragraph with nothing to say is left out.
 * @example buildNarrative(doc)[0] // 'Adoption rose 2.3 points to 41 %; Procurement fell 16.4 points.'
 */
export function buildNarrative(doc: MetricsDocument, options: NarrativeOptions = {}): string[] {
  const adoption = [adoptionSentence(doc, options), accuracySentence(doc, options)];
  const outcomes = [timeSavedSentence(doc), harmSentence(doc)];
  const users = [userViewSentence(doc, options)];
  const people = peopleSentences(doc);
  const paragraphs = [adoption, outcomes, users, people].map((sentences) => sentences.filter((sentence): sentence is string => sentence !== null).join(' '));
  const caveats = dataCaveats(doc, options);
  if (caveats) paragraphs.push(`**Data caveats.** ${caveats}`);
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

// Page 1 carries the narrative's other sentences (keyPoints); the report's body adds only these.
/**
 * What to keep in mind reading the week's figures, as markdown sentences: possible data gaps,
 * logging blind spots, quarantined rows, ids whose copies disagreed, blank licence figures; null when there is nothing.
 * @example dataCaveats(doc) // 'Possible data gaps (days with no tasks where that weekday usually has several): ...'
 */
export function dataCaveats(doc: MetricsDocument, options: NarrativeOptions = {}): string | null {
  const sentences = [gapsSentence(doc), thinPreviousWeekSentence(doc), emptyWeeksSentence(doc), blindSpotsSentence(doc, options), quarantineSentence(doc), conflictsSentence(doc), peopleCaveatsSentence(doc)];
  const text = sentences.filter((sentence): sentence is string => sentence !== null).join(' ');
  return text === '' ? null : text;
}

/**
 * The three to five sentences a manager reads first (page 1 and the email), as markdown: adoption
 * and its moves, accuracy, harm when there was any, time saved, then who uses it.
 * @example keyPoints(doc).length // 4
 */
export function keyPoints(doc: MetricsDocument, options: NarrativeOptions = {}): string[] {
  const sentences = [adoptionSentence(doc, options), accuracySentence(doc, options), harmSentence(doc), timeSavedSentence(doc), userViewSentence(doc, options)];
  return sentences.filter((sentence): sentence is string => sentence !== null).slice(0, 5);
}

function direction(change: number | null, steady: number): HeadlineKpi['direction'] {
  if (change === null) return undefined;
  return shownSize(change) < steady ? 'flat' : change > 0 ? 'up' : 'down';
}

// Up is better for adoption, hours and accuracy, worse for harm and alerts.
function tone(moved: HeadlineKpi['direction'], upIsBetter: boolean): HeadlineKpi['tone'] {
  if (moved === undefined || moved === 'flat') return 'neutral';
  return (moved === 'up') === upIsBetter ? 'better' : 'worse';
}

/**
 * Headline KPIs for page 1, the email and chat messages, as plain (unescaped) text, each with the
 * direction it moved against the period before and whether that is better or worse: adoption
 * (against last week), hours saved this week (against last week) and to date, ASI (against the
 * month before), harm rate, alerts.
 * @example headlineKpis(doc)[0] // { label: 'Adoption', value: '41 %', detail: '-2.3 pts vs last week; 120 of 293 tasks used AI', direction: 'down', tone: 'worse' }
 */
export function headlineKpis(doc: MetricsDocument, options: NarrativeOptions = {}): HeadlineKpi[] {
  const steady = steadyPts(options);
  const adoption = doc.tables.adoption_by_team.find((row) => row.team === '*');
  const adoptionRate = adoption && isNumber(adoption.adoption_rate) ? adoption.adoption_rate : null;
  const delta = adoption && isNumber(adoption.delta_pts) ? adoption.delta_pts : null;
  const { current: saved, previous: savedBefore, firstWeek } = allTeamsHours(doc);
  const month = reportMonth(doc);
  const asi = doc.tables.accuracy_stability.find((row) => row.team === '*' && row.month === month);
  const asiBefore = doc.tables.accuracy_stability.find((row) => row.team === '*' && row.month === shiftMonth(month, -1));
  const harm = doc.tables.harm.find((row) => row.team === '*');
  const alerts = doc.tables.alerts;
  const bySeverity = ['critical', 'high', 'medium', 'low']
    .map((severity) => ({ severity, count: alerts.filter((alert) => alert.severity === severity).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${formatCount(entry.count)} ${entry.severity}`);

  const adoptionMove = direction(delta, steady);
  const hoursChange = saved && savedBefore && isNumber(saved.hours_saved) && isNumber(savedBefore.hours_saved) ? saved.hours_saved - savedBefore.hours_saved : null;
  // (steady within 1 % of last week's hours, as adoption is within a point: 336.9 h against 337.9 h is no move)
  const hoursMove = direction(hoursChange, Math.max(0.05, HOURS_STEADY_SHARE * Math.abs(savedBefore && isNumber(savedBefore.hours_saved) ? savedBefore.hours_saved : 0)));
  const asiChange = asi && asiBefore && isNumber(asi.asi) && isNumber(asiBefore.asi) ? 100 * (asi.asi - asiBefore.asi) : null;
  const asiMove = direction(asiChange, steady);
  const harmful = harm && isNumber(harm.harmful) ? harm.harmful : null;
  const severe = alerts.some((alert) => alert.severity === 'critical' || alert.severity === 'high');

  return [
    {
      label: 'Adoption',
      value: adoptionRate === null ? '—' : formatPercent(adoptionRate),
      detail: !adoption
        ? `no data for ${doc.week}`
        : adoptionRate === null
          ? NOT_MEASURABLE
          : `${delta === null ? 'no week before to compare' : `${formatPoints(delta)} pts vs last week`}; ${formatCount(adoption.ai_tasks)} of ${plural(adoption.ai_tasks + adoption.manual_tasks, 'task', 'tasks')} used AI`,
      direction: adoptionMove,
      tone: tone(adoptionMove, true),
    },
    {
      label: 'Hours saved this week',
      value: saved && isNumber(saved.hours_saved) ? `${formatOneDecimal(saved.hours_saved)} h` : '—',
      detail: !saved ? `no tasks in ${doc.week}` : hoursChange === null ? 'against the manual baseline' : `${formatPoints(hoursChange)} h vs last week, against the manual baseline`,
      direction: hoursMove,
      tone: tone(hoursMove, true),
    },
    {
      label: 'Hours saved to date',
      value: saved && isNumber(saved.cumulative_hours_saved) ? `${formatOneDecimal(saved.cumulative_hours_saved)} h` : '—',
      detail: saved ? `since ${firstWeek}` : `no tasks in ${doc.week}`,
    },
    {
      label: 'Accuracy stability (ASI)',
      value: asi && isNumber(asi.asi) ? formatPercent(asi.asi) : '—',
      detail: !asi
        ? `no evaluated tasks in ${month}`
        : !isNumber(asi.asi)
          ? 'not measurable (no evaluated tasks)'
          : `${asiChange === null ? '' : `${formatPoints(asiChange)} pts vs ${shiftMonth(month, -1)}; `}${plural(asi.evaluated, 'evaluated task', 'evaluated tasks')} in ${month}`,
      direction: asiMove,
      tone: tone(asiMove, true),
    },
    {
      label: 'Harm rate',
      value: harm && isNumber(harm.harm_rate) ? formatPercent(harm.harm_rate) : '—',
      detail: harm && isNumber(harm.harm_rate) ? `${formatCount(harm.harmful)} of ${plural(harm.ai_tasks, 'AI task', 'AI tasks')} flagged harmful` : 'not measurable (no AI tasks)',
      tone: harmful === null ? 'neutral' : harmful > 0 ? 'worse' : 'better',
    },
    {
      label: 'Alerts',
      value: formatCount(alerts.length),
      detail: bySeverity.length > 0 ? bySeverity.join(', ') : 'none',
      tone: severe ? 'worse' : alerts.length === 0 ? 'better' : 'neutral',
    },
  ];
}
