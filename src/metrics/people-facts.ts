import { DateTime } from 'luxon';
import { cachedIn, columnCodes, columnValues, memoizedPer } from '../columns/index.js';
import { dayNumber, monthNumber, weekBounds } from '../util/iso-week.js';
import type { KpiContext, Row } from './kpi.js';

/** One roster row as the people KPIs read it. */
export interface RosterEntry {
  team: string | null;
  licensed: boolean;
}

/**
 * What the people KPIs (activation, retention, usage tiers, idle seats) share, computed once per context.
 * A person is a `user_id` as cleaned; only completed AI tasks count.
 */
export interface PeopleFacts {
  /** Roster rows by month, then user. A month absent here has no roster at all: its licence figures are null. */
  roster: Map<string, Map<string, RosterEntry>>;
  /** The first month each user is listed as licensed. */
  firstLicensedMonth: Map<string, string>;
  /** Start (epoch ms) of each user's first AI task over all loaded data. */
  firstAiTask: Map<string, number>;
  /** AI tasks per week label, then per user. */
  aiTasksByWeek: Map<string, Map<string, number>>;
  /** Users with an AI task per month label. */
  activeByMonth: Map<string, Set<string>>;
  /** Per week or month label: the team of each active user's last AI task in it. */
  lastTeam: Map<string, Map<string, string | null>>;
  /** Start (epoch ms) of each user's last AI task, and its team. */
  lastAiTask: Map<string, { startedAt: number; team: string | null }>;
  /** Weeks and months holding any task, up to the report week (months: up to the report week's month), sorted. */
  weeks: string[];
  months: string[];
}

/**
 * The roster and every user's AI tasks by period, read once for all people KPIs.
 * @example peopleFacts(context).firstAiTask.get('u001') // 1763283600000
 */
export const peopleFacts: (context: KpiContext) => PeopleFacts = memoizedPer(collectFacts);

/** A user's AI tasks in one period (or over all loaded data): how many, the first start, and the start and team of the last. */
interface PeriodUse {
  tasks: number;
  firstStart: number;
  lastStart: number;
  team: number;
}

// The last task is the latest start; among equal starts, the later row.
function noteUse(uses: Map<number, PeriodUse>, user: number, startedAt: number, team: number): void {
  const use = uses.get(user);
  if (!use) uses.set(user, { tasks: 1, firstStart: startedAt, lastStart: startedAt, team });
  else {
    use.tasks += 1;
    if (startedAt < use.firstStart) use.firstStart = startedAt;
    if (startedAt >= use.lastStart) [use.lastStart, use.team] = [startedAt, team];
  }
}

function collectFacts(context: KpiContext): PeopleFacts {
  const { tasks, report } = context;
  const users = columnCodes(tasks, 'user_id');
  const teams = columnCodes(tasks, 'team');
  const weekCodes = columnCodes(tasks, 'week');
  const monthCodes = columnCodes(tasks, 'month');
  const ai = columnValues(tasks, 'ai') as ArrayLike<number>;
  const started = columnValues(tasks, 'started_at') as ArrayLike<number>;
  // One pass over the AI tasks by integer codes (users, weeks, months); names only once per user and period.
  const overall = new Map<number, PeriodUse>();
  const perWeek = weekCodes.values.map(() => new Map<number, PeriodUse>());
  const perMonth = monthCodes.values.map(() => new Map<number, PeriodUse>());
  for (let row = 0; row < ai.length; row += 1) {
    if (ai[row] !== 1) continue;
    const [user, team, startedAt] = [users.ids[row], teams.ids[row], started[row]];
    noteUse(overall, user, startedAt, team);
    noteUse(perWeek[weekCodes.ids[row]], user, startedAt, team);
    noteUse(perMonth[monthCodes.ids[row]], user, startedAt, team);
  }
  const name = (user: number) => String(users.values[user]);
  const teamName = (team: number) => (teams.values[team] ?? null) as string | null;
  const firstAiTask = new Map<string, number>();
  const lastAiTask = new Map<string, { startedAt: number; team: string | null }>();
  users.values.forEach((_, user) => {
    const use = overall.get(user);
    if (!use) return;
    firstAiTask.set(name(user), use.firstStart);
    lastAiTask.set(name(user), { startedAt: use.lastStart, team: teamName(use.team) });
  });
  const aiTasksByWeek = new Map<string, Map<string, number>>();
  const activeByMonth = new Map<string, Set<string>>();
  const lastTeam = new Map<string, Map<string, string | null>>();
  perWeek.forEach((uses, week) => {
    if (uses.size === 0) return;
    const label = weekCodes.values[week] as string;
    aiTasksByWeek.set(label, new Map([...uses].map(([user, use]) => [name(user), use.tasks])));
    lastTeam.set(label, new Map([...uses].map(([user, use]) => [name(user), teamName(use.team)])));
  });
  perMonth.forEach((uses, month) => {
    if (uses.size === 0) return;
    const label = monthCodes.values[month] as string;
    activeByMonth.set(label, new Set([...uses.keys()].map(name)));
    lastTeam.set(label, new Map([...uses].map(([user, use]) => [name(user), teamName(use.team)])));
  });
  const roster = new Map<string, Map<string, RosterEntry>>();
  const firstLicensedMonth = new Map<string, string>();
  for (const entry of context.data.roster.objects() as Array<Record<string, unknown>>) {
    const month = entry.month as string;
    const user = String(entry.user_id);
    const perMonth = cachedIn(roster, month, () => new Map<string, RosterEntry>());
    if (perMonth.has(user)) continue; // the first row in input order
    const licensed = entry.licensed === true;
    perMonth.set(user, { team: (entry.team ?? null) as string | null, licensed });
    const first = firstLicensedMonth.get(user);
    if (licensed && (first === undefined || monthNumber(month) < monthNumber(first))) firstLicensedMonth.set(user, month);
  }
  const weeks = (weekCodes.values as string[]).filter((week) => dayNumber(weekBounds(week).start) <= dayNumber(report.start)).sort();
  const months = (monthCodes.values as string[]).filter((month) => monthNumber(month) <= monthNumber(report.month)).sort();
  return { roster, firstLicensedMonth, firstAiTask, aiTasksByWeek, activeByMonth, lastTeam, lastAiTask, weeks, months };
}

/** The roster month of a week: the month holding its Thursday (as user_adoption_rate). */
export function rosterMonthOf(week: string): string {
  return weekBounds(week).thursday.slice(0, 7);
}

/** Users licensed in a roster month, or null when the roster has no row at all for that month. */
export function licensedUsersIn(facts: PeopleFacts, month: string): string[] | null {
  const entries = facts.roster.get(month);
  if (!entries) return null;
  return [...entries].filter(([, entry]) => entry.licensed).map(([user]) => user);
}

/**
 * A person's team for a period: the roster team of the period's roster month, else the team of their last
 * AI task in the period, else null (counted only in the all-teams row).
 */
export function teamInPeriod(facts: PeopleFacts, user: string, period: string, rosterMonth: string): string | null {
  return facts.roster.get(rosterMonth)?.get(user)?.team ?? facts.lastTeam.get(period)?.get(user) ?? null;
}

/** Midnight in the report zone starting a `YYYY-MM-DD` day, as epoch ms. */
export function startOfDay(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).toMillis();
}

/** Counts people per team and in the all-teams row "*": teams in first-seen order after "*". */
export class TeamTally {
  readonly members = new Map<string, Set<string>>([['*', new Set()]]);

  add(user: string, team: string | null): void {
    this.members.get('*')!.add(user);
    if (team !== null) cachedIn(this.members, team, () => new Set<string>()).add(user);
  }

  /** Users of a team ("*": everyone); an empty set for a team never seen. */
  of(team: string): Set<string> {
    return this.members.get(team) ?? new Set();
  }
}

/**
 * Privacy for the people tables: a team row (not "*") whose people count is below privacy.minGroupSize keeps
 * its keys, gets `suppressed: true` and null measures; other rows get `suppressed: false`.
 * @example suppressPeople({ team: 'Legal', idle_seats: 1 }, ['team'], 3, 5) // { team: 'Legal', idle_seats: null, suppressed: true }
 */
export function suppressPeople(row: Row, keys: string[], people: number, minimum: number): Row {
  if (row.team === '*' || people >= minimum) return { ...row, suppressed: false };
  const hidden: Row = {};
  for (const [column, value] of Object.entries(row)) hidden[column] = keys.includes(column) ? value : null;
  return { ...hidden, suppressed: true };
}

/** Rounds to one decimal (days to first AI task). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
