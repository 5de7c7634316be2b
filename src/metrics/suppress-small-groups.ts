import type { KpiContext, Row } from './kpi.js';
import type { TableLayout } from './table-layouts.js';
import { columnCodes } from '../columns/column-codes.js';
import { distinctByGroup, scopeGroups } from '../columns/scope-groups.js';
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

// Users with any task (AI of any status, or manual) per period and group value, keyed `period\u0000group`.
// Week tables list weeks up to the report week, so those tasks suffice (a later week would count 0 users:
// suppressed); "*" groups are never looked up but make the groups the adoption KPIs already built.
function distinctUsers(context: KpiContext, period: 'report_week' | 'week' | 'month', group: string): Map<string, number> {
  const rows = taskRows(context);
  const scope = period === 'report_week' ? rows.reportWeek : period === 'week' ? rows.upToReportWeek : rows.all;
  const groups = scopeGroups(context.tasks, scope, { by: period === 'report_week' ? [] : [period], dimension: group });
  const users = distinctByGroup(groups, columnCodes(context.tasks, 'user_id'));
  const periodOf = (keys: Row) => (period === 'report_week' ? context.report.week : keys[period]);
  return new Map(groups.keys.map((keys, id) => [`${String(periodOf(keys))}\u0000${String(keys[group])}`, users[id]]));
}
