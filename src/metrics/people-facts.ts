import { DateTime } from 'luxon';
import { cachedIn, columnCodes, columnValues, memoizedPer } from '../columns/index.js';
import { dayNumber, monthNumber, weekBounds } from '../util/iso-week.js';
import type { ColumnTable } from 'arquero';
import type { KpiContext, Row, WeekFacts } from './kpi.js';

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
  /** The users listed as licensed per roster month, in roster order (a month with rows but none licensed: absent). */
  licensedByMonth: Map<string, string[]>;
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
  /** Weeks and months holding any task, up to the report week (months: up to the report week's month, monthOfWeek), sorted. */
  weeks: string[];
  months: string[];
}

/**
 * The roster and every user's AI tasks by period, read once for all people KPIs from the facts (peopleWeekFacts).
 * @example peopleFacts(context).firstAiTask.get('u001') // 1763283600000
 */
export const peopleFacts: (context: KpiContext) => PeopleFacts = memoizedPer(collectFacts);

/** A user's AI tasks in one period: how many, the first start, and the start and team of the last. */
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

/**
 * The people KPIs' facts (activation, retention, usage tiers and idle seats share them, and coverage its logged AI
 * tasks): per week, each user with an AI task, their AI tasks, first and last start and the last one's team
 * (people_user_weeks); per week and month (a month spans weeks), each user's AI tasks and the last one's start and
 * team (people_user_months); and the tasks of any kind per week and month (task_periods: which weeks and months hold
 * data). Equal starts fall in one week, so "the later row" never spans two weeks. A row per period holds its users
 * as parallel lists (`user_id[i]` has `ai_tasks[i]`, ...), in the order their first AI task comes: a row per user
 * and period would be thousands of objects per week, read back every run.
 * @example peopleWeekFacts(enrichTasks(tasks, config)).people_user_weeks[0] // { week, user_id: ['u001', ...], ai_tasks: [3, ...], first_start, last_start, last_team }
 */
export function peopleWeekFacts(tasks: ColumnTable): WeekFacts {
  const users = columnCodes(tasks, 'user_id');
  const teams = columnCodes(tasks, 'team');
  const weekCodes = columnCodes(tasks, 'week');
  const monthCodes = columnCodes(tasks, 'month');
  const ai = columnValues(tasks, 'ai') as ArrayLike<number>;
  const started = columnValues(tasks, 'started_at') as ArrayLike<number>;
  const months = monthCodes.values.length;
  // One pass by integer codes: per week, and per (week, month) as week * months + month.
  const perWeek = weekCodes.values.map(() => new Map<number, PeriodUse>());
  const perWeekMonth = new Map<number, Map<number, PeriodUse>>();
  const periodTasks = new Map<number, number>();
  for (let row = 0; row < ai.length; row += 1) {
    const weekMonth = weekCodes.ids[row] * months + monthCodes.ids[row];
    periodTasks.set(weekMonth, (periodTasks.get(weekMonth) ?? 0) + 1);
    if (ai[row] !== 1) continue;
    const [user, team, startedAt] = [users.ids[row], teams.ids[row], started[row]];
    noteUse(perWeek[weekCodes.ids[row]], user, startedAt, team);
    noteUse(cachedIn(perWeekMonth, weekMonth, () => new Map<number, PeriodUse>()), user, startedAt, team);
  }
  const name = (user: number) => String(users.values[user]);
  const teamName = (team: number) => (teams.values[team] ?? null) as string | null;
  const weekOf = (weekMonth: number) => weekCodes.values[Math.floor(weekMonth / months)] as string;
  const monthOf = (weekMonth: number) => monthCodes.values[weekMonth % months] as string;
  // a period's users as parallel lists, in the order of their first AI task (a week's with each one's first start)
  const lists = (uses: Map<number, PeriodUse>, withFirst: boolean): Row => {
    const list = [...uses];
    return {
      user_id: list.map(([user]) => name(user)),
      ai_tasks: list.map(([, use]) => use.tasks),
      ...(withFirst ? { first_start: list.map(([, use]) => use.firstStart) } : {}),
      last_start: list.map(([, use]) => use.lastStart),
      last_team: list.map(([, use]) => teamName(use.team)),
    };
  };
  const userWeeks: Row[] = [];
  perWeek.forEach((uses, week) => {
    if (uses.size > 0) userWeeks.push({ week: weekCodes.values[week], ...lists(uses, true) });
  });
  const userMonths = [...perWeekMonth].map(([weekMonth, uses]) => ({ week: weekOf(weekMonth), month: monthOf(weekMonth), ...lists(uses, false) }));
  const periods = [...periodTasks].map(([weekMonth, count]) => ({ week: weekOf(weekMonth), month: monthOf(weekMonth), tasks: count }));
  return { people_user_weeks: userWeeks, people_user_months: userMonths, task_periods: periods };
}

function collectFacts(context: KpiContext): PeopleFacts {
  const { report, facts } = context;
  const firstAiTask = new Map<string, number>();
  const lastAiTask = new Map<string, { startedAt: number; team: string | null }>();
  const aiTasksByWeek = new Map<string, Map<string, number>>();
  const lastTeam = new Map<string, Map<string, string | null>>();
  for (const row of facts.people_user_weeks ?? []) {
    const week = row.week as string;
    const tasksInWeek = cachedIn(aiTasksByWeek, week, () => new Map<string, number>());
    const teamsInWeek = cachedIn(lastTeam, week, () => new Map<string, string | null>());
    const [users, tasks, firsts, lasts, teams] = [row.user_id, row.ai_tasks, row.first_start, row.last_start, row.last_team] as [string[], number[], number[], number[], Array<string | null>];
    users.forEach((user, index) => {
      const known = firstAiTask.get(user);
      if (known === undefined || firsts[index] < known) firstAiTask.set(user, firsts[index]);
      const latest = lastAiTask.get(user);
      if (latest === undefined || lasts[index] > latest.startedAt) lastAiTask.set(user, { startedAt: lasts[index], team: teams[index] });
      tasksInWeek.set(user, tasks[index]);
      teamsInWeek.set(user, teams[index]);
    });
  }
  const activeByMonth = new Map<string, Set<string>>();
  const lastInMonth = new Map<string, Map<string, number>>();
  for (const row of facts.people_user_months ?? []) {
    const month = row.month as string;
    const activeInMonth = cachedIn(activeByMonth, month, () => new Set<string>());
    const startsInMonth = cachedIn(lastInMonth, month, () => new Map<string, number>());
    const teamsInMonth = cachedIn(lastTeam, month, () => new Map<string, string | null>());
    const [users, lasts, teams] = [row.user_id, row.last_start, row.last_team] as [string[], number[], Array<string | null>];
    users.forEach((user, index) => {
      activeInMonth.add(user);
      const latest = startsInMonth.get(user);
      if (latest === undefined || lasts[index] > latest) {
        startsInMonth.set(user, lasts[index]);
        teamsInMonth.set(user, teams[index]);
      }
    });
  }
  const roster = new Map<string, Map<string, RosterEntry>>();
  const licensedByMonth = new Map<string, string[]>();
  const firstLicensedMonth = new Map<string, string>();
  for (const entry of context.roster.objects() as Array<Record<string, unknown>>) {
    const month = entry.month as string;
    const user = String(entry.user_id);
    const perMonth = cachedIn(roster, month, () => new Map<string, RosterEntry>());
    if (perMonth.has(user)) continue; // the first row in input order
    const licensed = entry.licensed === true;
    perMonth.set(user, { team: (entry.team ?? null) as string | null, licensed });
    if (licensed) cachedIn(licensedByMonth, month, () => []).push(user);
    const first = firstLicensedMonth.get(user);
    if (licensed && (first === undefined || monthNumber(month) < monthNumber(first))) firstLicensedMonth.set(user, month);
  }
  const periods = facts.task_periods ?? [];
  const weeks = [...new Set(periods.map((row) => row.week as string))].filter((week) => dayNumber(weekBounds(week).start) <= dayNumber(report.start)).sort();
  const months = [...new Set(periods.map((row) => row.month as string))].filter((month) => monthNumber(month) <= monthNumber(report.rosterMonth)).sort();
  return { roster, licensedByMonth, firstLicensedMonth, firstAiTask, aiTasksByWeek, activeByMonth, lastTeam, lastAiTask, weeks, months };
}

/**
 * Users licensed in a roster month (in roster order), or null when the roster has no row at all for that month.
 * @example licensedUsersIn(peopleFacts(context), '2026-11') // ['u001', 'u002', ...]
 */
export function licensedUsersIn(facts: PeopleFacts, month: string): readonly string[] | null {
  return facts.roster.has(month) ? (facts.licensedByMonth.get(month) ?? []) : null;
}

/**
 * A person's team for a period, for the people of one period: the roster team of the period's roster month, else
 * the team of their last AI task in the period, else null (counted only in the all-teams row).
 * @example const teamOf = teamsInPeriod(facts, '2026-W47', '2026-11'); teamOf('u001') // 'Finance'
 */
export function teamsInPeriod(facts: PeopleFacts, period: string, rosterMonth: string): (user: string) => string | null {
  const roster = facts.roster.get(rosterMonth);
  const lastTeams = facts.lastTeam.get(period);
  return (user) => roster?.get(user)?.team ?? lastTeams?.get(user) ?? null;
}

/** Midnights already asked for, by zone and day: the people KPIs ask for the same few days per user and period. */
const midnights = new Map<string, number>();

/** Midnight in the report zone starting a `YYYY-MM-DD` day, as epoch ms. */
export function startOfDay(date: string, zone: string): number {
  return cachedIn(midnights, `${zone}\u0000${date}`, () => DateTime.fromISO(date, { zone }).toMillis());
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
