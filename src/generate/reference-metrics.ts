import { isoWeekOf, lastDateOfMonth, monthOf, monthOfWeek, shiftWeek, weekBounds } from '../util/iso-week.js';
import type { ReferenceRosterRow, ReferenceSettings, ReferenceTables, ReferenceTask } from './types.js';

// A second, deliberately plain implementation of CONTRACT section 3 (as refined by the lead's
// decisions): loops over the task list, no shared code with src/metrics, so the two can check
// each other.

export const DEFAULT_REFERENCE_SETTINGS: ReferenceSettings = {
  timezone: 'UTC',
  accuracyTarget: 0.9,
  coverageThreshold: 0.8,
  gapMinMedian: 5,
  powerUserPercentile: 0.99,
};

const ALL = '*';
const DAY_MS = 86_400_000;

interface PlacedTask extends ReferenceTask {
  week: string;
  month: string;
  utcDate: string;
}

const periodCache = new Map<number, { week: string; month: string; utcDate: string }>();

// Periods of an instant; in UTC they depend on the day only, so cache them per day.
function periodsOf(epochMs: number, zone: string): { week: string; month: string; utcDate: string } {
  if (zone !== 'UTC') {
    return { week: isoWeekOf(epochMs, zone), month: monthOf(epochMs, zone), utcDate: new Date(epochMs).toISOString().slice(0, 10) };
  }
  const day = Math.floor(epochMs / DAY_MS);
  let periods = periodCache.get(day);
  if (periods === undefined) {
    const utcDate = new Date(epochMs).toISOString().slice(0, 10);
    periods = { week: isoWeekOf(epochMs, 'UTC'), month: utcDate.slice(0, 7), utcDate };
    periodCache.set(day, periods);
  }
  return periods;
}

const isAiTask = (task: ReferenceTask): boolean => task.source === 'ai_logs' && task.status === 'completed';
const isManualTask = (task: ReferenceTask): boolean => task.source === 'manual_logs';
const rate = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const inGroup = (task: PlacedTask, team: string): boolean => team === ALL || task.team === team;

/** `"*"` first, then the teams (non-null) in code-unit order. */
function groupsOf(tasks: PlacedTask[]): string[] {
  const teams = new Set<string>();
  for (const task of tasks) if (task.team !== null) teams.add(task.team);
  return [ALL, ...[...teams].sort(byCodeUnit)];
}

/**
 * Median of numbers (mean of the middle two for an even count); null for none.
 * @example median([3, 1, 2, 10]) // 2.5
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Percentile with linear interpolation between closest ranks (numpy's default).
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

interface AdoptionCounts {
  ai: number;
  manual: number;
  allAi: number;
  abandoned: number;
  users: Set<string>;
  perUser: Map<string, { ai: number; manual: number }>;
  aiUsers: Set<string>;
}

function countAdoption(tasks: PlacedTask[]): AdoptionCounts {
  const counts: AdoptionCounts = { ai: 0, manual: 0, allAi: 0, abandoned: 0, users: new Set(), perUser: new Map(), aiUsers: new Set() };
  for (const task of tasks) {
    counts.users.add(task.userId);
    const user = counts.perUser.get(task.userId) ?? { ai: 0, manual: 0 };
    counts.perUser.set(task.userId, user);
    if (task.source === 'ai_logs') {
      counts.allAi++;
      if (task.status === 'abandoned') counts.abandoned++;
    }
    if (isAiTask(task)) {
      counts.ai++;
      user.ai++;
      counts.aiUsers.add(task.userId);
    }
    if (isManualTask(task)) {
      counts.manual++;
      user.manual++;
    }
  }
  return counts;
}

function userWeightedRate(counts: AdoptionCounts): number | null {
  let sum = 0;
  let users = 0;
  for (const { ai, manual } of counts.perUser.values()) {
    if (ai + manual === 0) continue;
    sum += ai / (ai + manual);
    users++;
  }
  return users > 0 ? sum / users : null;
}

function licensedUsers(roster: ReferenceRosterRow[], team: string, month: string): number {
  let licensed = 0;
  for (const row of roster) if (row.month === month && row.licensed === true && (team === ALL || row.team === team)) licensed++;
  return licensed;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  for (;;) {
    // compared as numbers: text sorts wrongly past year 9999
    if (year * 12 + month > lastYear * 12 + lastMonth) return months;
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
}

/**
 * Every table of the section-4 document (privacy off, alerts aside) for one report week.
 * @example computeReferenceTables(tasks, roster, '2026-W47').adoption_by_team[0].team // '*'
 */
export function computeReferenceTables(
  tasks: ReferenceTask[],
  roster: ReferenceRosterRow[],
  reportWeek: string,
  settings: ReferenceSettings = DEFAULT_REFERENCE_SETTINGS,
): ReferenceTables {
  const zone = settings.timezone;
  // Explicit fields (not a spread) keep one object shape, which matters at millions of tasks.
  const placed: PlacedTask[] = tasks.map((task) => {
    const periods = periodsOf(task.startedAt, zone);
    return {
      source: task.source,
      taskId: task.taskId,
      userId: task.userId,
      team: task.team,
      taskType: task.taskType,
      startedAt: task.startedAt,
      durationMs: task.durationMs,
      status: task.status,
      accuracy: task.accuracy,
      harmful: task.harmful,
      week: periods.week,
      month: periods.month,
      utcDate: periods.utcDate,
    };
  });
  const previousWeek = shiftWeek(reportWeek, -1);
  const bounds = weekBounds(reportWeek);
  const tasksByWeek = new Map<string, PlacedTask[]>();
  for (const task of placed) {
    const list = tasksByWeek.get(task.week) ?? [];
    list.push(task);
    tasksByWeek.set(task.week, list);
  }
  const weekTasks = (week: string): PlacedTask[] => tasksByWeek.get(week) ?? [];
  // The tasks of one week and team ("*": all teams), grouped once.
  const groupCache = new Map<string, Map<string, PlacedTask[]>>();
  const group = (week: string, team: string): PlacedTask[] => {
    if (team === ALL) return weekTasks(week);
    let teams = groupCache.get(week);
    if (!teams) {
      teams = new Map();
      for (const task of weekTasks(week)) {
        if (task.team === null) continue;
        const list = teams.get(task.team) ?? [];
        list.push(task);
        teams.set(task.team, list);
      }
      groupCache.set(week, teams);
    }
    return teams.get(team) ?? [];
  };
  const thisWeek = weekTasks(reportWeek);
  const lastWeek = weekTasks(previousWeek);

  // adoption_by_team
  const rosterMonth = monthOfWeek(reportWeek);
  const adoption_by_team = groupsOf(thisWeek).map((team) => {
    const counts = countAdoption(group(reportWeek, team));
    const previous = countAdoption(group(previousWeek, team));
    const adoptionRate = rate(counts.ai, counts.ai + counts.manual);
    const previousRate = rate(previous.ai, previous.ai + previous.manual);
    return {
      team,
      ai_tasks: counts.ai,
      manual_tasks: counts.manual,
      adoption_rate: adoptionRate,
      delta_pts: adoptionRate === null || previousRate === null ? null : 100 * (adoptionRate - previousRate),
      user_adoption_rate: rate(counts.aiUsers.size, licensedUsers(roster, team, rosterMonth)),
      abandonment_rate: rate(counts.abandoned, counts.allAi),
      user_weighted_adoption_rate: userWeightedRate(counts),
      users: counts.users.size,
    };
  });

  // adoption_by_task_type
  const taskTypes = [...new Set(thisWeek.map((task) => task.taskType))].sort(byCodeUnit);
  const adoption_by_task_type = taskTypes.map((taskType) => {
    const counts = countAdoption(thisWeek.filter((task) => task.taskType === taskType));
    const previous = countAdoption(lastWeek.filter((task) => task.taskType === taskType));
    const adoptionRate = rate(counts.ai, counts.ai + counts.manual);
    const previousRate = rate(previous.ai, previous.ai + previous.manual);
    return {
      task_type: taskType,
      team: '*' as const,
      ai_tasks: counts.ai,
      manual_tasks: counts.manual,
      adoption_rate: adoptionRate,
      delta_pts: adoptionRate === null || previousRate === null ? null : 100 * (adoptionRate - previousRate),
    };
  });

  // adoption_trend and time_saved: weeks holding a task, from the first up to the report week
  const listedWeeks = [...tasksByWeek.keys()].filter((week) => week <= reportWeek).sort(byCodeUnit);
  const adoption_trend = listedWeeks.flatMap((week) =>
    groupsOf(weekTasks(week)).map((team) => {
      const counts = countAdoption(group(week, team));
      return { week, team, ai_tasks: counts.ai, manual_tasks: counts.manual, adoption_rate: rate(counts.ai, counts.ai + counts.manual) };
    }),
  );

  const baselines = referenceBaselines(placed, reportWeek);
  const cumulative = new Map<string, number>();
  const time_saved = listedWeeks.flatMap((week) =>
    groupsOf(weekTasks(week)).map((team) => {
      let hoursSaved = 0;
      for (const task of group(week, team)) {
        if (!isAiTask(task) || task.durationMs === null) continue;
        const baseline = baselines.get(task.taskType);
        if (baseline === undefined) continue;
        hoursSaved += (baseline - task.durationMs / 60_000) / 60;
      }
      const running = (cumulative.get(team) ?? 0) + hoursSaved;
      cumulative.set(team, running);
      return { week, team, hours_saved: hoursSaved, cumulative_hours_saved: running };
    }),
  );

  // accuracy_stability: months from the first with an evaluated task up to the report Sunday's month
  const evaluated = placed.filter((task) => isAiTask(task) && task.accuracy !== null);
  const lastMonth = bounds.end.slice(0, 7);
  const firstMonth = evaluated.reduce<string | null>((first, task) => (first === null || task.month < first ? task.month : first), null);
  const accuracy_stability =
    firstMonth === null || firstMonth > lastMonth
      ? []
      : monthsBetween(firstMonth, lastMonth).flatMap((month) => {
          const inMonth = evaluated.filter((task) => task.month === month);
          const teams = groupsOf(inMonth);
          return teams.map((team) => {
            const group = inMonth.filter((task) => inGroup(task, team));
            const above = group.filter((task) => (task.accuracy as number) >= settings.accuracyTarget).length;
            return { month, team, evaluated: group.length, above_target: above, asi: rate(above, group.length) };
          });
        });

  // harm: report week, teams with >= 1 AI task
  const aiThisWeek = thisWeek.filter(isAiTask);
  const harm = groupsOf(aiThisWeek).map((team) => {
    const group = aiThisWeek.filter((task) => inGroup(task, team));
    const harmful = group.filter((task) => task.harmful === true).length;
    return { team, ai_tasks: group.length, harmful, harm_rate: rate(harmful, group.length) };
  });

  // logging_coverage and gaps need the loaded dates
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const task of placed) {
    if (firstDate === null || task.utcDate < firstDate) firstDate = task.utcDate;
    if (lastDate === null || task.utcDate > lastDate) lastDate = task.utcDate;
  }

  const logging_coverage: ReferenceTables['logging_coverage'] = [];
  if (firstDate !== null && lastDate !== null) {
    const coveredMonths = monthsBetween(firstDate.slice(0, 7), lastDate.slice(0, 7)).filter(
      (month) => `${month}-01` >= firstDate! && lastDateOfMonth(month) <= lastDate! && lastDateOfMonth(month) <= bounds.end,
    );
    for (const month of coveredMonths) {
      const logged = new Map<string, number>();
      for (const task of placed) if (isAiTask(task) && task.month === month) logged.set(task.userId, (logged.get(task.userId) ?? 0) + 1);
      const reported = new Map<string, number | null>();
      for (const row of roster) if (row.month === month) reported.set(row.userId, row.aiTasksTotal);
      const users = new Set<string>();
      for (const [userId, total] of reported) if ((total ?? 0) > 0) users.add(userId);
      for (const userId of logged.keys()) users.add(userId);
      for (const userId of [...users].sort(byCodeUnit)) {
        const loggedTasks = logged.get(userId) ?? 0;
        const reportedTasks = reported.get(userId) ?? null;
        const coverage = reportedTasks === null || reportedTasks === 0 ? null : loggedTasks / reportedTasks;
        logging_coverage.push({
          month,
          user_id: userId,
          logged_ai_tasks: loggedTasks,
          reported_ai_tasks: reportedTasks ?? 0,
          coverage,
          flagged: coverage !== null && coverage < settings.coverageThreshold,
        });
      }
    }
  }

  const gaps: ReferenceTables['gaps'] = [];
  if (firstDate !== null && lastDate !== null) {
    const loadedDates: string[] = [];
    for (let day = Date.parse(`${firstDate}T00:00:00Z`); day <= Date.parse(`${lastDate}T00:00:00Z`); day += DAY_MS) {
      loadedDates.push(new Date(day).toISOString().slice(0, 10));
    }
    const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
    const reportDates: string[] = [];
    for (let offset = 0; offset < 7; offset++) {
      const date = new Date(Date.parse(`${bounds.start}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
      if (date >= firstDate && date <= lastDate) reportDates.push(date);
    }
    for (const source of ['ai_logs', 'manual_logs'] as const) {
      const counts = new Map<string, Map<string, number>>();
      for (const task of placed) {
        if (task.source !== source || task.team === null) continue;
        const perDate = counts.get(task.team) ?? new Map<string, number>();
        counts.set(task.team, perDate);
        perDate.set(task.utcDate, (perDate.get(task.utcDate) ?? 0) + 1);
      }
      for (const team of [...counts.keys()].sort(byCodeUnit)) {
        const perDate = counts.get(team)!;
        for (const date of reportDates) {
          if ((perDate.get(date) ?? 0) !== 0) continue;
          const sameWeekday = loadedDates.filter((day) => weekday(day) === weekday(date)).map((day) => perDate.get(day) ?? 0);
          const typical = median(sameWeekday);
          if (typical !== null && typical >= settings.gapMinMedian) gaps.push({ source, team, date });
        }
      }
    }
  }

  // power_users: weekly AI-task counts per user over all loaded weeks (pairs with >= 1 AI task)
  const weeklyCounts = new Map<string, number>();
  const teamOfUser = new Map<string, string | null>();
  for (const task of placed) {
    if (!isAiTask(task)) continue;
    const key = `${task.week}\u0000${task.userId}`;
    weeklyCounts.set(key, (weeklyCounts.get(key) ?? 0) + 1);
    if (task.week === reportWeek && !teamOfUser.has(task.userId)) teamOfUser.set(task.userId, task.team);
  }
  const threshold = percentile([...weeklyCounts.values()], settings.powerUserPercentile);
  const power_users: ReferenceTables['power_users'] = [];
  for (const userId of [...teamOfUser.keys()].sort(byCodeUnit)) {
    const count = weeklyCounts.get(`${reportWeek}\u0000${userId}`)!;
    if (threshold !== null && count > threshold) power_users.push({ week: reportWeek, user_id: userId, team: teamOfUser.get(userId)!, ai_tasks: count });
  }

  return { adoption_by_team, adoption_by_task_type, adoption_trend, time_saved, accuracy_stability, harm, logging_coverage, gaps, power_users };
}

/**
 * baseline_min per task type: the median minutes of manual tasks with a duration that start on or
 * before the end of the report week.
 * @example referenceBaselines(tasks, '2026-W47').get('data_entry') // 20
 */
export function referenceBaselines(tasks: Array<ReferenceTask & { week?: string }>, reportWeek: string, zone = 'UTC'): Map<string, number> {
  const minutes = new Map<string, number[]>();
  for (const task of tasks) {
    if (!isManualTask(task) || task.durationMs === null) continue;
    if ((task.week ?? periodsOf(task.startedAt, zone).week) > reportWeek) continue;
    const list = minutes.get(task.taskType) ?? [];
    list.push(task.durationMs / 60_000);
    minutes.set(task.taskType, list);
  }
  const baselines = new Map<string, number>();
  for (const [taskType, values] of minutes) baselines.set(taskType, median(values)!);
  return baselines;
}
