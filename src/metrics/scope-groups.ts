import type { ColumnTable } from 'arquero';
import type { GroupRowsOptions } from './group-rows.js';
import type { Row } from './kpi.js';
import { columnValues } from './column-values.js';

/** The groups of groupRows as integer ids per task, so KPIs can sum with typed-array loops. */
export interface ScopeGroups {
  /** Key columns of each group (the `by` columns and the dimension, "*" for all-groups rows), all-groups rows first. */
  keys: Row[];
  /** Per task: its dimension group (an index into keys), or -1 when the dimension is null. */
  group: Int32Array;
  /** Per task: its all-groups ("*") group, or -1 when there is none (includeAll false). */
  all: Int32Array;
  /** Per task: an id of its user_id (0 .. users - 1). */
  user: Int32Array;
  users: number;
  /** Tasks in the table. */
  length: number;
}

const cache = new WeakMap<ColumnTable, Map<string, ScopeGroups>>();

// arquero's groupby builds a string key per row and per call; several KPIs group the same scope.
/**
 * The same groups groupRows forms (rows with a null dimension only in the "*" rows), as ids per task.
 * Computed once per table and options.
 * @example const g = scopeGroups(tasks, { by: [], dimension: 'team' }); sumByGroup(g, columnValues(tasks, 'ai'))
 */
export function scopeGroups(table: ColumnTable, options: GroupRowsOptions): ScopeGroups {
  const id = JSON.stringify([options.by, options.dimension, options.includeAll !== false]);
  let perTable = cache.get(table);
  if (!perTable) {
    perTable = new Map();
    cache.set(table, perTable);
  }
  let groups = perTable.get(id);
  if (!groups) {
    groups = buildGroups(table, options);
    perTable.set(id, groups);
  }
  return groups;
}

function buildGroups(table: ColumnTable, { by, dimension, includeAll }: GroupRowsOptions): ScopeGroups {
  const length = table.numRows();
  const byColumns = by.map((name) => columnValues(table, name) as ArrayLike<unknown>);
  const dimensionColumn = columnValues(table, dimension) as ArrayLike<unknown>;
  const users = codes(columnValues(table, 'user_id') as ArrayLike<unknown>);
  const byCodes = byColumns.map(codes);
  const dimensionCodes = codes(dimensionColumn);

  // Period part of the key: one id per distinct combination of the `by` columns.
  const periodOf = new Int32Array(length);
  const periodIds = new Map<string | number, number>();
  const periodFirstRow: number[] = [];
  for (let row = 0; row < length; row += 1) {
    let key: string | number = 0;
    if (byCodes.length === 1) key = byCodes[0].ids[row];
    else if (byCodes.length > 1) key = byCodes.map((column) => column.ids[row]).join(',');
    let period = periodIds.get(key);
    if (period === undefined) {
      period = periodIds.size;
      periodIds.set(key, period);
      periodFirstRow.push(row);
    }
    periodOf[row] = period;
  }
  const periodKeys = (row: number): Row => {
    const keys: Row = {};
    by.forEach((name, index) => {
      keys[name] = byColumns[index][row];
    });
    return keys;
  };

  const withAll = includeAll !== false;
  const allCount = withAll ? periodIds.size : 0;
  const all = new Int32Array(length).fill(-1);
  if (withAll) all.set(periodOf);
  const group = new Int32Array(length).fill(-1);
  const dimensionIds = new Map<number, number>();
  const dimensionKeys: Row[] = [];
  const dimensionCount = dimensionCodes.count;
  for (let row = 0; row < length; row += 1) {
    const value = dimensionColumn[row];
    if (value === null || value === undefined) continue;
    const key = periodOf[row] * dimensionCount + dimensionCodes.ids[row];
    let id = dimensionIds.get(key);
    if (id === undefined) {
      id = allCount + dimensionKeys.length;
      dimensionIds.set(key, id);
      dimensionKeys.push({ ...periodKeys(row), [dimension]: value });
    }
    group[row] = id;
  }
  const allKeys = withAll ? periodFirstRow.map((row) => ({ ...periodKeys(row), [dimension]: '*' })) : [];
  // arquero rolls an empty ungrouped table up into one row: an empty scope still has its "*" row.
  if (withAll && by.length === 0 && length === 0) {
    allKeys.push({ [dimension]: '*' });
  }
  return { keys: [...allKeys, ...dimensionKeys], group, all, user: users.ids, users: users.count, length };
}

/** Dictionary codes of a column: equal values (as arquero groups them) share an id. */
function codes(values: ArrayLike<unknown>): { ids: Int32Array; count: number } {
  const ids = new Int32Array(values.length);
  const known = new Map<unknown, number>();
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row];
    let id = known.get(value);
    if (id === undefined) {
      id = known.size;
      known.set(value, id);
    }
    ids[row] = id;
  }
  return { ids, count: Math.max(known.size, 1) };
}

/**
 * Sum of a numeric column per group (tasks count in their dimension group and in their "*" group).
 * @example sumByGroup(groups, columnValues(tasks, 'ai'))[0] // AI tasks in the first group
 */
export function sumByGroup(groups: ScopeGroups, values: ArrayLike<unknown>): Float64Array {
  const sums = new Float64Array(groups.keys.length);
  for (let row = 0; row < groups.length; row += 1) {
    const value = values[row];
    if (typeof value !== 'number' || Number.isNaN(value)) continue;
    if (groups.group[row] !== -1) sums[groups.group[row]] += value;
    if (groups.all[row] !== -1) sums[groups.all[row]] += value;
  }
  return sums;
}
