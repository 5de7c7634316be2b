import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Row } from './kpi.js';

export interface GroupRowsOptions {
  /** Period keys kept in every row (e.g. ['week']); [] for a single period. */
  by: string[];
  /** The grouping column; rows whose value is null count only in the "*" rows. */
  dimension: string;
  /** Add one row per period with `dimension = "*"` over all tasks (default true). */
  includeAll?: boolean;
}

/**
 * Summarises tasks per period and group, plus the all-groups "*" row per period.
 * `summarize(table, keys)` groups `table` by `keys` and returns the keys and its measures.
 * @example groupRows(tasks, { by: [], dimension: 'team' }, (t, keys) => t.groupby(...keys).rollup({ n: op.count() }))
 */
export function groupRows(
  tasks: ColumnTable,
  options: GroupRowsOptions,
  summarize: (table: ColumnTable, keys: string[]) => ColumnTable,
): Row[] {
  const { by, dimension } = options;
  const known = tasks.filter(aq.escape((d: Row) => d[dimension] != null));
  const grouped = summarize(known, [...by, dimension]).objects() as Row[];
  if (options.includeAll === false) return grouped;
  const all = (summarize(tasks, by).objects() as Row[]).map((row) => ({ ...row, [dimension]: '*' }));
  return [...all, ...grouped];
}

/** `table.groupby(...keys)`, or the table itself when there are no keys (one summary row). */
export function groupedBy(table: ColumnTable, keys: string[]): ColumnTable {
  return keys.length > 0 ? table.groupby(...keys) : table;
}
