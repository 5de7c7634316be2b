import type { ColumnTable } from 'arquero';
import type { KpiContext, Row, WeekFacts } from './kpi.js';
import type { TableLayout } from './table-layouts.js';
import { allRowsOf, cachedIn, columnCodes, distinctByGroup, eachGroupSubtotals, scopeGroups } from '../columns/index.js';
import { taskRows } from './task-rows.js';

const KEY_COLUMNS = new Set(['week', 'month', 'team', 'suppressed']);

/**
 * Privacy: in grouped tables, a row whose group had fewer than `privacy.minGroupSize` distinct users
 * (with any task in that period and group) keeps its keys, gets `suppressed: true` and null measures.
 * "*" rows are computed from all data and never suppressed. Every row of such a table gets `suppressed`.
 * @example suppressSmallGroups(tables, tableLayouts(['team']), context).harm[1].suppressed // true
 */
export function suppressSmallGroups(tables: Record<string, Row[]>, layouts: TableLayout[], context: KpiContext): Record<string, Row[]> {
  const minimum = context.config.privacy.minGroupSize;
  const result: Record<string, Row[]> = { ...tables };
  const counted = new Map<string, Map<string, number>>();
  for (const layout of layouts) {
    const rows = tables[layout.name];
    if (!layout.privacy || !rows) continue;
    const { period, group } = layout.privacy;
    const countKey = `${period}\u0000${group}`;
    if (minimum > 0 && !counted.has(countKey)) counted.set(countKey, distinctUsers(context, period, group));
    const usersOf = counted.get(countKey) ?? new Map<string, number>();
    const keys = new Set([...KEY_COLUMNS, ...layout.keys]);
    result[layout.name] = rows.map((row) => {
      const periodValue = period === 'report_week' ? context.report.week : row[period];
      const small = minimum > 0 && row[group] !== '*' && (usersOf.get(`${String(periodValue)}\u0000${String(row[group])}`) ?? 0) < minimum;
      if (!small) return { ...row, suppressed: false };
      const hidden: Row = {};
      for (const [column, value] of Object.entries(row)) hidden[column] = keys.has(column) ? value : null;
      hidden.suppressed = true;
      return hidden;
    });
  }
  return result;
}

/**
 * Facts for the week and month tables' privacy: distinct users with any task (AI of any status, or manual) per
 * week and team (users_per_week_team), and which users per week, month and team (users_per_month_team, a row per
 * week, month and team listing its users: a month's distinct users are the union over its weeks, not a sum).
 * @example privacyWeekFacts(enrichTasks(tasks, config)).users_per_week_team[0] // { week: '2026-W40', team: 'Finance', users: 12 }
 */
export function privacyWeekFacts(tasks: ColumnTable): WeekFacts {
  const users = columnCodes(tasks, 'user_id');
  const weeks = scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'team', includeAll: false });
  const usersPerWeek = distinctByGroup(weeks, users);
  const months = scopeGroups(tasks, allRowsOf(tasks), { by: ['week', 'month'], dimension: 'team', includeAll: false });
  const monthUsers: Row[] = [];
  eachGroupSubtotals(months, users, [], (group, { count, codes }) => {
    if (count === 0) return;
    const { week, month, team } = months.keys[group];
    monthUsers.push({ week, month, team, user_id: Array.from(codes.subarray(0, count), (code) => users.values[code]) });
  });
  return {
    users_per_week_team: weeks.keys.map((keys, group) => ({ week: keys.week, team: keys.team, users: usersPerWeek[group] })),
    users_per_month_team: monthUsers,
  };
}

// Users with any task per period and group value, keyed `period\u0000group`: the report week's from the window's
// tasks, the weeks' and months' from the facts (their tables group by team). "*" groups are never looked up.
function distinctUsers(context: KpiContext, period: 'report_week' | 'week' | 'month', group: string): Map<string, number> {
  if (period === 'report_week') {
    const groups = scopeGroups(context.tasks, taskRows(context).reportWeek, { by: [], dimension: group });
    const users = distinctByGroup(groups, columnCodes(context.tasks, 'user_id'));
    return new Map(groups.keys.map((keys, id) => [`${context.report.week}\u0000${String(keys[group])}`, users[id]]));
  }
  if (group !== 'team') throw new Error(`suppressSmallGroups: ${period} tables are kept private per team, not per ${group}`);
  if (period === 'week') {
    return new Map((context.facts.users_per_week_team ?? []).map((row) => [`${String(row.week)}\u0000${String(row.team)}`, row.users as number]));
  }
  const members = new Map<string, Set<unknown>>();
  for (const row of context.facts.users_per_month_team ?? []) {
    const users = cachedIn(members, `${String(row.month)}\u0000${String(row.team)}`, () => new Set());
    for (const user of row.user_id as unknown[]) users.add(user);
  }
  return new Map([...members].map(([key, users]) => [key, users.size]));
}
