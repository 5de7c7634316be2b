import { isoWeekOf, lastDateOfMonth, monthOf, monthOfWeek, shiftMonth, shiftWeek, weekBounds } from '../util/iso-week.js';
import { median } from './reference-metrics.js';
import type { ReferenceRosterRow, ReferenceTask } from './types.js';

// The people KPIs of issue #24 (activation, retention, usage tiers, idle seats, lapsed users) as the
// lead's definitions word them, in plain loops over the generator's clean task list and roster: a
// second implementation, sharing no code with src/metrics, for tests to compare with. Report time
// zone UTC, privacy off (no suppression), no seat cost configured.

const ALL = '*';
const DAY_MS = 86_400_000;

/** Settings of the people KPIs the truth is computed with (the config defaults). */
export const DEFAULT_PEOPLE_SETTINGS = { timezone: 'UTC', idleWeeks: 4, tiers: { light: 5, moderate: 20 } } as const;

/** `activation_by_week` / `activation_by_month`: one row per period and team (`*` first). */
export interface ReferenceActivationRow {
  team: string;
  /** Licensed users of the period's roster month; null (like every field below) when the roster lacks that month. */
  licensed_users: number | null;
  new_ai_users: number | null;
  activation_rate: number | null;
  median_days_to_first_ai_task: number | null;
}

export interface ReferenceRetentionRow {
  cohort_month: string;
  team: string;
  cohort_users: number;
  /** Share of the cohort active in the month after; null when that month is not fully loaded. */
  retained_m1: number | null;
  retained_m2: number | null;
}

export interface ReferenceActiveRetentionRow {
  month: string;
  team: string;
  active_users: number;
  /** Of them, active in the next month; null (both) when the next month is not fully loaded. */
  retained_users: number | null;
  active_retention: number | null;
}

export interface ReferenceUsageTierRow {
  week: string;
  team: string;
  /** Licensed users of the roster month plus anyone with an AI task that week; null (with `none` and the shares) when the roster lacks that month. */
  people: number | null;
  none: number | null;
  light: number;
  moderate: number;
  heavy: number;
  none_share: number | null;
  light_share: number | null;
  moderate_share: number | null;
  heavy_share: number | null;
}

export interface ReferenceIdleSeatsRow {
  week: string;
  team: string;
  licensed_users: number | null;
  idle_seats: number | null;
  idle_share: number | null;
  /** Always null here: the truth is computed without `licences.monthlyCost`. */
  idle_cost: number | null;
  lapsed_users: number;
}

/** truth.json's `people`: the people KPIs of the end week (and of every loaded week/month before it). */
export interface ReferencePeople {
  settings: { timezone: string; idle_weeks: number; tiers: { light: number; moderate: number }; privacy_min_group_size: 0; licences_monthly_cost: null };
  report_week: string;
  /** The roster month of the report week (the month holding its Thursday). */
  report_month: string;
  /** The idle-seat window: `idle_weeks` weeks ending with the report week. */
  idle_window: { first_week: string; last_week: string };
  activation_by_week: Array<ReferenceActivationRow & { week: string }>;
  activation_by_month: Array<ReferenceActivationRow & { month: string }>;
  retention: ReferenceRetentionRow[];
  active_retention: ReferenceActiveRetentionRow[];
  usage_tiers: ReferenceUsageTierRow[];
  idle_seats: ReferenceIdleSeatsRow[];
  /** The people behind the counts (sorted ids), for tests that name them. */
  idle_seat_users: string[];
  lapsed_users: string[];
  new_ai_users_report_week: string[];
  /** Months with tasks but no roster row at all (licence figures null). */
  roster_missing_months: string[];
}

interface AiTask {
  userId: string;
  team: string | null;
  start: number;
  week: string;
  month: string;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The people KPIs for `reportWeek` (UTC), privacy off.
 * @example computeReferencePeople(activity.tasks, activity.roster, '2026-W47').idle_seats[0].team // '*'
 */
export function computeReferencePeople(
  tasks: ReferenceTask[],
  roster: ReferenceRosterRow[],
  reportWeek: string,
  settings: { idleWeeks: number; tiers: { light: number; moderate: number } } = DEFAULT_PEOPLE_SETTINGS,
): ReferencePeople {
  const zone = 'UTC';
  const reportEnd = Date.parse(`${weekBounds(reportWeek).end}T00:00:00Z`) + DAY_MS;
  const reportMonth = monthOfWeek(reportWeek);

  // Loaded data: every task up to the end of the report week.
  const loaded = tasks.filter((task) => task.startedAt < reportEnd);
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const task of loaded) {
    const date = new Date(task.startedAt).toISOString().slice(0, 10);
    if (firstDate === null || date < firstDate) firstDate = date;
    if (lastDate === null || date > lastDate) lastDate = date;
  }
  const fullyLoaded = (month: string): boolean =>
    firstDate !== null && lastDate !== null && `${month}-01` >= firstDate && lastDateOfMonth(month) <= lastDate && lastDateOfMonth(month) <= weekBounds(reportWeek).end;

  // AI tasks: completed AI-log tasks.
  const ai: AiTask[] = loaded
    .filter((task) => task.source === 'ai_logs' && task.status === 'completed')
    .map((task) => ({ userId: task.userId, team: task.team, start: task.startedAt, week: isoWeekOf(task.startedAt, zone), month: monthOf(task.startedAt, zone) }));
  const firstAi = new Map<string, AiTask>();
  for (const task of ai) {
    const known = firstAi.get(task.userId);
    if (known === undefined || task.start < known.start) firstAi.set(task.userId, task);
  }

  // The roster: the first row per user and month; months that have one.
  const rosterRow = new Map<string, ReferenceRosterRow>();
  const rosterMonths = new Set<string>();
  for (const row of roster) {
    rosterMonths.add(row.month);
    const key = `${row.userId}|${row.month}`;
    if (!rosterRow.has(key)) rosterRow.set(key, row);
  }
  const licensedIn = (month: string): ReferenceRosterRow[] => roster.filter((row) => row.month === month && rosterRow.get(`${row.userId}|${month}`) === row && row.licensed === true);
  const firstLicensedMonth = new Map<string, string>();
  for (const row of rosterRow.values()) {
    if (row.licensed !== true) continue;
    const known = firstLicensedMonth.get(row.userId);
    if (known === undefined || row.month < known) firstLicensedMonth.set(row.userId, row.month);
  }
  // Team of a person for a period: the roster team of its roster month, else the team of their last AI task in the period.
  const teamFor = (userId: string, rosterMonth: string, periodTasks: AiTask[]): string | null => {
    const row = rosterRow.get(`${userId}|${rosterMonth}`);
    if (row !== undefined) return row.team;
    let last: AiTask | null = null;
    for (const task of periodTasks) if (task.userId === userId && (last === null || task.start > last.start)) last = task;
    return last?.team ?? null;
  };
  const groupsOf = (teams: Iterable<string | null>): string[] => [ALL, ...[...new Set([...teams].filter((team): team is string => team !== null))].sort(byCodeUnit)];

  // Loaded weeks and months, from the first loaded one up to the report week / month.
  const weeks: string[] = [];
  if (firstDate !== null) {
    for (let week = isoWeekOf(Date.parse(`${firstDate}T00:00:00Z`), zone); week <= reportWeek; week = shiftWeek(week, 1)) weeks.push(week);
  }
  const months: string[] = [];
  if (firstDate !== null) for (let month = firstDate.slice(0, 7); month <= reportMonth; month = shiftMonth(month, 1)) months.push(month);

  // 1. activation
  const activation = (period: string, kind: 'week' | 'month', rosterMonth: string): ReferenceActivationRow[] => {
    const periodTasks = ai.filter((task) => task[kind] === period);
    if (!rosterMonths.has(rosterMonth)) {
      return groupsOf(periodTasks.map((task) => task.team)).map((team) => ({ team, licensed_users: null, new_ai_users: null, activation_rate: null, median_days_to_first_ai_task: null }));
    }
    const licensed = licensedIn(rosterMonth);
    const teams = groupsOf(roster.filter((row) => row.month === rosterMonth).map((row) => row.team));
    return teams.map((team) => {
      const members = licensed.filter((row) => team === ALL || row.team === team);
      const isNew = members.filter((row) => firstAi.get(row.userId)?.[kind] === period);
      const notYet = members.filter((row) => {
        const first = firstAi.get(row.userId);
        return first === undefined || first[kind] >= period;
      });
      const days = isNew.map((row) => {
        const licensedFrom = Date.parse(`${firstLicensedMonth.get(row.userId)!}-01T00:00:00Z`);
        return Math.max(0, (firstAi.get(row.userId)!.start - licensedFrom) / DAY_MS);
      });
      const middle = median(days);
      return {
        team,
        licensed_users: members.length,
        new_ai_users: isNew.length,
        activation_rate: share(isNew.length, notYet.length),
        median_days_to_first_ai_task: middle === null ? null : Math.round(middle * 10) / 10,
      };
    });
  };
  const activation_by_week = weeks.flatMap((week) => activation(week, 'week', monthOfWeek(week)).map((row) => ({ week, ...row })));
  const activation_by_month = months.flatMap((month) => activation(month, 'month', month).map((row) => ({ month, ...row })));

  // 2. retention: cohorts by first-AI-task month, and month-to-month active retention
  const activeIn = (month: string): Set<string> => new Set(ai.filter((task) => task.month === month).map((task) => task.userId));
  const retention: ReferenceRetentionRow[] = [];
  const active_retention: ReferenceActiveRetentionRow[] = [];
  for (const month of months) {
    const monthTasks = ai.filter((task) => task.month === month);
    const later = [1, 2].map((offset) => {
      const next = shiftMonth(month, offset);
      return fullyLoaded(next) ? activeIn(next) : null;
    });
    const cohort = [...firstAi.values()].filter((task) => task.month === month).map((task) => task.userId);
    const cohortTeam = new Map(cohort.map((userId) => [userId, teamFor(userId, month, monthTasks)]));
    for (const team of groupsOf(cohortTeam.values())) {
      const members = cohort.filter((userId) => team === ALL || cohortTeam.get(userId) === team);
      const kept = (active: Set<string> | null): number | null => (active === null ? null : share(members.filter((userId) => active.has(userId)).length, members.length));
      retention.push({ cohort_month: month, team, cohort_users: members.length, retained_m1: kept(later[0]), retained_m2: kept(later[1]) });
    }
    const active = [...activeIn(month)];
    const activeTeam = new Map(active.map((userId) => [userId, teamFor(userId, month, monthTasks)]));
    for (const team of groupsOf(activeTeam.values())) {
      const members = active.filter((userId) => team === ALL || activeTeam.get(userId) === team);
      const retained = later[0] === null ? null : members.filter((userId) => later[0]!.has(userId)).length;
      active_retention.push({ month, team, active_users: members.length, retained_users: retained, active_retention: retained === null ? null : share(retained, members.length) });
    }
  }

  // 3. usage tiers per week
  const tierOf = (count: number): 'none' | 'light' | 'moderate' | 'heavy' =>
    count === 0 ? 'none' : count <= settings.tiers.light ? 'light' : count <= settings.tiers.moderate ? 'moderate' : 'heavy';
  const usage_tiers: ReferenceUsageTierRow[] = [];
  for (const week of weeks) {
    const rosterMonth = monthOfWeek(week);
    const weekTasks = ai.filter((task) => task.week === week);
    const counts = new Map<string, number>();
    for (const row of licensedIn(rosterMonth)) counts.set(row.userId, 0);
    for (const task of weekTasks) counts.set(task.userId, (counts.get(task.userId) ?? 0) + 1);
    const teamOfPerson = new Map([...counts.keys()].map((userId) => [userId, teamFor(userId, rosterMonth, weekTasks)]));
    for (const team of groupsOf(teamOfPerson.values())) {
      const tally = { none: 0, light: 0, moderate: 0, heavy: 0 };
      let people = 0;
      for (const [userId, count] of counts) {
        if (team !== ALL && teamOfPerson.get(userId) !== team) continue;
        people++;
        tally[tierOf(count)]++;
      }
      const known = rosterMonths.has(rosterMonth);
      const of = (count: number): number | null => (known ? share(count, people) : null);
      usage_tiers.push({
        week,
        team,
        people: known ? people : null,
        none: known ? tally.none : null,
        light: tally.light,
        moderate: tally.moderate,
        heavy: tally.heavy,
        none_share: of(tally.none),
        light_share: of(tally.light),
        moderate_share: of(tally.moderate),
        heavy_share: of(tally.heavy),
      });
    }
  }

  // 4-5. idle seats and lapsed users in the report week
  const firstWindowWeek = shiftWeek(reportWeek, -(settings.idleWeeks - 1));
  const windowLoaded = firstDate !== null && firstDate <= weekBounds(firstWindowWeek).start;
  const activeInWindow = new Set(ai.filter((task) => task.week >= firstWindowWeek && task.week <= reportWeek).map((task) => task.userId));
  const before = ai.filter((task) => task.week < firstWindowWeek);
  const lapsedUsers = [...new Set(before.map((task) => task.userId))].filter((userId) => !activeInWindow.has(userId)).sort(byCodeUnit);
  const lapsedTeam = new Map(lapsedUsers.map((userId) => [userId, teamFor(userId, reportMonth, before)]));
  const rosterKnown = rosterMonths.has(reportMonth);
  const licensed = rosterKnown ? licensedIn(reportMonth) : [];
  const idleUsers = licensed.filter((row) => !activeInWindow.has(row.userId));
  const idleTeams = groupsOf([...roster.filter((row) => row.month === reportMonth).map((row) => row.team), ...lapsedTeam.values()]);
  const idle_seats = idleTeams.map((team) => {
    const inTeam = (row: ReferenceRosterRow): boolean => team === ALL || row.team === team;
    const known = rosterKnown && windowLoaded;
    const seats = licensed.filter(inTeam).length;
    const idle = idleUsers.filter(inTeam).length;
    return {
      week: reportWeek,
      team,
      licensed_users: known ? seats : null,
      idle_seats: known ? idle : null,
      idle_share: known ? share(idle, seats) : null,
      idle_cost: null,
      lapsed_users: lapsedUsers.filter((userId) => team === ALL || lapsedTeam.get(userId) === team).length,
    };
  });

  const taskMonths = new Set(loaded.map((task) => monthOf(task.startedAt, zone)));
  return {
    settings: { timezone: zone, idle_weeks: settings.idleWeeks, tiers: { ...settings.tiers }, privacy_min_group_size: 0, licences_monthly_cost: null },
    report_week: reportWeek,
    report_month: reportMonth,
    idle_window: { first_week: firstWindowWeek, last_week: reportWeek },
    activation_by_week,
    activation_by_month,
    retention,
    active_retention,
    usage_tiers,
    idle_seats,
    idle_seat_users: idleUsers.map((row) => row.userId).sort(byCodeUnit),
    lapsed_users: lapsedUsers,
    new_ai_users_report_week: licensedIn(reportMonth)
      .filter((row) => firstAi.get(row.userId)?.week === reportWeek)
      .map((row) => row.userId)
      .sort(byCodeUnit),
    roster_missing_months: [...taskMonths].filter((month) => !rosterMonths.has(month)).sort(byCodeUnit),
  };
}
