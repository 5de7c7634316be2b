import type { ColumnTable } from 'arquero';
import { cachedIn } from '../util/cached-in.js';
import { columnValues } from './column-values.js';

/** A column as integer ids: rows with equal values (as arquero groups them; null is a value too) share an id. */
export interface ColumnCodes {
  /** Per row: the id of its value. */
  ids: Int32Array;
  /** The distinct values by id, in order of first appearance. */
  values: unknown[];
  /** Value -> id. */
  idOf: Map<unknown, number>;
}

const cache = new WeakMap<ColumnTable, Map<string, ColumnCodes>>();

// Grouping, filtering and counting by integer ids avoids a string key per row; KPIs code the same columns.
/**
 * Dictionary codes of a column, computed once per table and column. Treat them as read-only.
 * @example const weeks = columnCodes(context.tasks, 'week'); weeks.values[weeks.ids[0]] // the first task's week
 */
export function columnCodes(table: ColumnTable, name: string): ColumnCodes {
  const perTable = cachedIn(cache, table, () => new Map<string, ColumnCodes>());
  return cachedIn(perTable, name, () => encode(columnValues(table, name) as ArrayLike<unknown>));
}

function encode(column: ArrayLike<unknown>): ColumnCodes {
  const ids = new Int32Array(column.length);
  const idOf = new Map<unknown, number>();
  const values: unknown[] = [];
  let previous: unknown;
  let previousId = -1;
  for (let row = 0; row < column.length; row += 1) {
    const value = column[row];
    // Runs of equal values are common (tasks arrive by file and time): skip the lookup for them.
    if (previousId !== -1 && value === previous) {
      ids[row] = previousId;
      continue;
    }
    let id = idOf.get(value);
    if (id === undefined) {
      id = values.length;
      idOf.set(value, id);
      values.push(value);
    }
    ids[row] = id;
    previous = value;
    previousId = id;
  }
  return { ids, values, idOf };
}

/**
 * Stores codes a producer built alongside a column (they must be what columnCodes would compute).
 * @example rememberColumnCodes(enriched, 'week', weeks)
 */
export function rememberColumnCodes(table: ColumnTable, name: string, codes: ColumnCodes): void {
  cachedIn(cache, table, () => new Map<string, ColumnCodes>()).set(name, codes);
}
