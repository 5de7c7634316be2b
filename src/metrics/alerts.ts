import { monthNumber } from '../util/iso-week.js';
import { formatColumnValue, sourceTasks, teamName } from './column-catalog.js';
import type { AlertRuleName, Severity } from '../config/schema.js';
import { shiftMonth, shiftWeek } from '../util/iso-week.js';
import type { AlertRow } from './document.js';
import type { KpiContext, Row } from './kpi.js';

/** Every field an alert may carry (each rule fills some): alerts.csv's columns after the contract's (rule, team, severity). */
export const ALERT_COLUMNS = [
  'rule', 'severity', 'team', 'task_type', 'week', 'month', 'date', 'source', 'user_id',
  'delta_pts', 'adoption_rate', 'previous_adoption_rate', 'asi', 'evaluated', 'previous_asi', 'asi_change',
  'harm_rate', 'harmful', 'ai_tasks', 'coverage', 'idle_seats', 'licensed_users', 'idle_share', 'message',
] as const;

// Deltas are differences of floats: -10 may arrive as -9.999999999999998.
const NOISE = 1e-9;

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * A severity's place, most severe first; one that is none of the four comes last.
 * @example severityRank('critical') // 0
 */
export function severityRank(severity: unknown): number {
  return Object.hasOwn(SEVERITY_ORDER, String(severity)) ? SEVERITY_ORDER[severity as Severity] : Object.keys(SEVERITY_ORDER).length;
}

/**
 * Evaluates config.alerts.rules over the finished tables (after suppression, so suppressed groups never alert).
 * Team rules alert per team; the all-teams "*" row does not alert (a team carries the change):
 * - adoption_drop: a team in adoption_by_team whose delta_pts <= threshold (-10);
 * - task_type_drop: a task type in adoption_by_task_type (its rows span all teams: team "*") whose delta_pts <= threshold (-10);
 * - asi_below_target: a team whose ASI in the report week's month (its Sunday's) is below threshold (0.8);
 * - asi_falling: a team whose ASI changed by <= threshold (-0.1) from the previous month;
 * - harm_rate: a team whose harm rate in the report week is above threshold (0.01);
 * - data_gap: one per row of gaps;
 * - blind_spot: one per user flagged in the latest month of logging_coverage;
 * - idle_seats: a team whose idle_share in the report week is at least threshold (alerts.idleSeatShare, 0.3).
 * Sorted by severity (critical first), then rule, then team (then task type, ...).
 * @example evaluateAlerts(tables, context).filter((alert) => alert.rule === 'adoption_drop')
 */
export function evaluateAlerts(tables: Record<string, Row[]>, context: KpiContext): AlertRow[] {
  const alerts: AlertRow[] = [];
  for (const rule of context.config.alerts.rules) {
    if (!rule.enabled) continue;
    const threshold = ruleThreshold(context.config.alerts, rule.rule)!;
    const base = { rule: rule.rule, severity: rule.severity };
    for (const found of RULES[rule.rule](tables, context, threshold)) alerts.push({ ...base, ...found } as AlertRow);
  }
  return alerts.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      compare(a.rule, b.rule) ||
      compare(a.team ?? '', b.team ?? '') ||
      compare(a.task_type ?? '', b.task_type ?? '') ||
      compare(String(a.month ?? a.date ?? ''), String(b.month ?? b.date ?? '')) ||
      compare(String(a.source ?? a.user_id ?? ''), String(b.source ?? b.user_id ?? '')),
  );
}

/**
 * The line an alert rule fires at as the run uses it (the config holds every rule, each with its threshold;
 * idle_seats' is alerts.idleSeatShare unless given); null when the rule is turned off.
 * @example ruleThreshold(config.alerts, 'harm_rate') // 0.01
 */
export function ruleThreshold(alerts: Pick<KpiContext['config']['alerts'], 'rules' | 'idleSeatShare'>, name: AlertRuleName): number | null {
  const rule = alerts.rules.find((candidate) => candidate.rule === name && candidate.enabled);
  if (!rule) return null;
  return rule.threshold ?? (rule.rule === 'idle_seats' ? alerts.idleSeatShare : 0);
}

/**
 * How far past its line an alert is, larger being worse; comparable between alerts of one rule only (points of
 * adoption, a share, a date). Page 1 and the email show each rule's worst alerts first (render/front-page.ts).
 * @example alertMagnitude({ rule: 'adoption_drop', severity: 'high', delta_pts: -22 }) // 22
 */
export function alertMagnitude(alert: AlertRow): number {
  const number = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);
  const size = MAGNITUDE[alert.rule as AlertRuleName]?.(alert, number) ?? 0;
  return Number.isNaN(size) ? -Infinity : size;
}

const fallInPoints = (alert: AlertRow, number: (value: unknown) => number) => -number(alert.delta_pts);

const MAGNITUDE: Record<AlertRuleName, (alert: AlertRow, number: (value: unknown) => number) => number> = {
  adoption_drop: fallInPoints,
  task_type_drop: fallInPoints,
  asi_below_target: (alert, number) => -number(alert.asi),
  asi_falling: (alert, number) => -number(alert.asi_change),
  harm_rate: (alert, number) => number(alert.harm_rate),
  // the latest day first: an export missing yesterday matters more than one missing last Monday
  data_gap: (alert) => (typeof alert.date === 'string' ? Date.parse(`${alert.date}T00:00:00Z`) : Number.NaN),
  blind_spot: (alert, number) => -number(alert.coverage),
  idle_seats: (alert, number) => number(alert.idle_share),
};

type RuleCheck = (tables: Record<string, Row[]>, context: KpiContext, threshold: number) => Row[];

const RULES: Record<AlertRuleName, RuleCheck> = {
  adoption_drop(tables, context, threshold) {
    return teamRows(tables.adoption_by_team)
      .filter((row) => fellPast(row, threshold))
      .map((row) => ({ team: row.team, ...adoptionFell(row, `${teamName(row.team)}: adoption fell`, context) }));
  },
  // adoption_by_task_type's rows span all teams (team "*"): the alert keeps that team and names its task type; its
  // message starts with the team as every team alert's does ("All teams: "), which page 1, the mail and the appendix
  // show in their Team column and leave out of the message (describeAlert), so "all teams" is said once there
  task_type_drop(tables, context, threshold) {
    return (tables.adoption_by_task_type ?? [])
      .filter((row) => row.task_type !== '*' && fellPast(row, threshold))
      .map((row) => ({
        team: row.team,
        task_type: row.task_type,
        ...adoptionFell(row, `${teamName(row.team)}: adoption of the task type ${formatColumnValue('task_type', row.task_type)} fell`, context),
      }));
  },
  asi_below_target(tables, context, threshold) {
    return teamRows(tables.accuracy_stability)
      .filter((row) => row.month === context.report.month && typeof row.asi === 'number' && row.asi < threshold)
      .map((row) => {
        const [asi, line] = percentsApart(row.asi, threshold);
        return {
          team: row.team,
          month: row.month,
          asi: row.asi,
          evaluated: row.evaluated,
          message: `${teamName(row.team)}: only ${asi} of evaluated AI tasks in ${String(row.month)} met the accuracy target of ${percent(context.config.metrics.accuracyTarget, 0)} (alert below ${line})`,
        };
      });
  },
  asi_falling(tables, context, threshold) {
    const rows = teamRows(tables.accuracy_stability);
    const previousMonth = shiftMonth(context.report.month, -1);
    const before = new Map(rows.filter((row) => row.month === previousMonth).map((row) => [row.team, row.asi]));
    return rows
      .filter((row) => row.month === context.report.month && typeof row.asi === 'number' && typeof before.get(row.team) === 'number')
      .map((row) => ({ row, change: (row.asi as number) - (before.get(row.team) as number) }))
      .filter(({ change }) => change <= threshold + NOISE)
      .map(({ row, change }) => ({
        team: row.team,
        month: row.month,
        asi: row.asi,
        previous_asi: before.get(row.team),
        asi_change: change,
        message: `${teamName(row.team)}: ASI fell from ${percent(before.get(row.team))} in ${previousMonth} to ${percent(row.asi)} in ${String(row.month)}`,
      }));
  },
  harm_rate(tables, context, threshold) {
    return teamRows(tables.harm)
      .filter((row) => typeof row.harm_rate === 'number' && row.harm_rate > threshold)
      .map((row) => {
        const [rate, line] = percentsApart(row.harm_rate, threshold);
        return {
          team: row.team,
          week: context.report.week,
          harm_rate: row.harm_rate,
          harmful: row.harmful,
          ai_tasks: row.ai_tasks,
          message: `${teamName(row.team)}: ${count(row.harmful)} of ${count(row.ai_tasks)} AI tasks in ${context.report.week} ${row.harmful === 1 ? 'was' : 'were'} flagged harmful (${rate}, alert above ${line})`,
        };
      });
  },
  data_gap(tables) {
    // the usual count names what it counts: "a typical Wednesday has 1,008.5" alone left the reader asking of what
    const tasks = (row: Row) => sourceTasks(row.source);
    return (tables.gaps ?? []).map((row) => ({
      team: row.team,
      source: row.source,
      date: row.date,
      message: `${teamName(row.team)}: no ${tasks(row)} logged on ${String(row.date)}, where a typical ${weekdayName(String(row.date))} has ${row.expected_tasks === null || row.expected_tasks === undefined ? 'several' : `${count(row.expected_tasks)} ${tasks(row)}`}; an export may be missing`,
    }));
  },
  blind_spot(tables, context) {
    const rows = tables.logging_coverage ?? [];
    const latest = rows.reduce<string | null>((last, row) => (last === null || monthNumber(String(row.month)) > monthNumber(last) ? String(row.month) : last), null);
    return rows
      .filter((row) => row.month === latest && row.flagged === true)
      .map((row) => {
        // the team first, as every team alert's message starts (page 1 shows it in its Team column, not twice)
        const who = row.team ? `${teamName(row.team)}: only ${count(row.logged_ai_tasks)} of the ${count(row.reported_ai_tasks)} AI tasks ${String(row.user_id)}` : `${String(row.user_id)}: only ${count(row.logged_ai_tasks)} of the ${count(row.reported_ai_tasks)} AI tasks they`;
        return {
          team: row.team ?? undefined,
          user_id: row.user_id,
          month: row.month,
          coverage: row.coverage,
          message: `${who} reported for ${String(row.month)} were logged (${percent(row.coverage)}, below ${percent(context.config.metrics.coverageThreshold)})`,
        };
      });
  },
  idle_seats(tables, context, threshold) {
    return teamRows(tables.idle_seats)
      .filter((row) => typeof row.idle_share === 'number' && row.idle_share >= threshold - NOISE)
      .map((row) => ({
        team: row.team,
        week: context.report.week,
        idle_seats: row.idle_seats,
        licensed_users: row.licensed_users,
        idle_share: row.idle_share,
        message: `${teamName(row.team)}: ${count(row.idle_seats)} of ${count(row.licensed_users)} licensed seats had no AI task in the ${context.config.people.idleWeeks} weeks to ${context.report.week} (${percent(row.idle_share)}, alert at ${percent(threshold)})`,
      }));
  },
};

// An adoption row whose change from last week is at or below the line (a suppressed row's is null).
function fellPast(row: Row, threshold: number): boolean {
  return typeof row.delta_pts === 'number' && row.delta_pts <= threshold + NOISE;
}

// An adoption row's fall from last week, as adoption_drop and task_type_drop word it (`fell`: "Legal: adoption fell").
function adoptionFell(row: Row, fell: string, context: KpiContext): Row {
  return {
    week: context.report.week,
    delta_pts: row.delta_pts,
    adoption_rate: row.adoption_rate,
    previous_adoption_rate: row.previous_adoption_rate,
    message: `${fell} ${Math.abs(row.delta_pts as number).toFixed(1)} points from ${shiftWeek(context.report.week, -1)} to ${context.report.week} (${percent(row.previous_adoption_rate)} → ${percent(row.adoption_rate)})`,
  };
}

function teamRows(rows: Row[] | undefined): Row[] {
  return (rows ?? []).filter((row) => row.team !== '*');
}

// Counts in a message read as in the report's tables: 47,209, not 47209 (a median of days, 1,008.5, keeps its half).
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
function count(value: unknown): string {
  return typeof value === 'number' ? countFormat.format(value) : String(value);
}

// The report's percent style (column-catalog.ts): "50.0 %".
function percent(value: unknown, decimals = 1): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(decimals)} %` : 'n/a';
}

// A value beside the line it crossed, with as many decimals (one to three) as it takes for the two to read apart:
// a harm rate of 1.03 % against a line of 1 % reads `1.03 %, alert above 1.00 %`, not `1.0 %, alert above 1.0 %`.
function percentsApart(value: unknown, line: number): [string, string] {
  for (let decimals = 1; ; decimals += 1) {
    const shown: [string, string] = [percent(value, decimals), percent(line, decimals)];
    if (shown[0] !== shown[1] || decimals === 3) return shown;
  }
}


function weekdayName(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
