import type { KpiContext, Row } from './kpi.js';
import type { TableLayout } from './table-layouts.js';
import { columnValues } from './column-values.js';

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

// Users with any task (AI of any status, or manual) per period and group value.
function distinctUsers(context: KpiContext, period: 'report_week' | 'week' | 'month', group: string): Map<string, number> {
  const week = context.report.week;
  const periodColumn = period === 'report_week' ? 'week' : period;
  const periods = columnValues(context.tasks, periodColumn) as ArrayLike<unknown>;
  const groups = columnValues(context.tasks, group) as ArrayLike<unknown>;
  const users = columnValues(context.tasks, 'user_id') as ArrayLike<unknown>;
  // One set of users per (period, group) key: a Map from key to the users seen, counted at the end.
  const seen = new Map<string, Set<unknown>>();
  let lastKey = '';
  let lastSet: Set<unknown> | undefined;
  for (let row = 0; row < users.length; row += 1) {
    if (period === 'report_week' && periods[row] !== week) continue;
    const key = `${String(periods[row])}\u0000${String(groups[row])}`;
    let set = key === lastKey ? lastSet : seen.get(key);
    if (!set) {
      set = new Set();
      seen.set(key, set);
    }
    set.add(users[row]);
    lastKey = key;
    lastSet = set;
  }
  return new Map([...seen].map(([key, set]) => [key, set.size]));
}
