import type { CodedColumn } from './coded-column.js';

/** How rewriteCodes changes a coded column's rows. */
export interface CodeRewrite<Value> {
  /** The new value of a present value: asked once per code in use. */
  rewrite: (value: Value) => Value;
  /** The value of a null row (null: stays null): asked per null row. */
  fill: (row: number) => Value | null;
}

// A million rows carry a few dozen distinct values: each code is rewritten once, and each new value gets one
// new code appended to the column's values (the old codes stay, unused), so no row's string is compared.
/**
 * Rewrites rows from..to - 1 of a coded column in place: present values through `rewrite` (once per code),
 * null rows through `fill`. Returns how many null rows were filled.
 * @example rewriteCodes(teams, 0, teams.length, { rewrite: (team) => team.trim(), fill: () => null }) // 0
 */
export function rewriteCodes<Value>(column: CodedColumn<Value>, from: number, to: number, { rewrite, fill }: CodeRewrite<Value>): number {
  const codeOfValue = new Map<Value, number>();
  const newCode = (value: Value) => {
    let code = codeOfValue.get(value);
    if (code === undefined) {
      codeOfValue.set(value, (code = column.values.length));
      column.values.push(value);
    }
    return code;
  };
  const rewritten = new Int32Array(column.values.length).fill(-1); // old code -> new code
  let filled = 0;
  for (let row = from; row < to; row += 1) {
    const code = column.codes[row];
    if (code !== -1) {
      if (rewritten[code] === -1) rewritten[code] = newCode(rewrite(column.values[code]));
      column.codes[row] = rewritten[code];
      continue;
    }
    const value = fill(row);
    if (value !== null) {
      column.codes[row] = newCode(value);
      filled += 1;
    }
  }
  return filled;
}

/**
 * `compute(value of the row)` for rows of a coded column, computed once per code (and once for null).
 * @example const rosterOf = perCode(users, (user) => rosterByUser.get(user)); rosterOf(row)
 */
export function perCode<Value, Result>(column: CodedColumn<Value>, compute: (value: Value | null) => Result): (row: number) => Result {
  const results: Result[] = [];
  const known: boolean[] = [];
  let nullResult: { value: Result } | undefined;
  return (row) => {
    const code = column.codes[row];
    if (code === -1) return (nullResult ??= { value: compute(null) }).value;
    if (!known[code]) [results[code], known[code]] = [compute(column.values[code]), true];
    return results[code];
  };
}

/** A UTC quarter hour in milliseconds: the slot period lookups are remembered by (see byQuarterHour). */
export const QUARTER_HOUR_MS = 15 * 60_000;
const CUT: unique symbol = Symbol('a period boundary inside the quarter hour');

// Zone offsets in use since 1980 are whole quarter hours, so a local date, week or month is mostly the same over a
// UTC quarter hour; rows come roughly in time order, so the quarter hour asked for last mostly answers. An older
// local mean time (Africa/Monrovia's -0:44:30 until 1972) puts a midnight inside a quarter hour: there, where the
// quarter hour's first and last millisecond differ, each instant is computed.
/**
 * `compute(epochMs)` remembered per UTC quarter hour: for calendar periods of a time zone (periods in time order,
 * each a value `===` compares), exact in a quarter hour a period's boundary cuts.
 * @example const monthAt = byQuarterHour((epochMs) => monthOf(epochMs, 'Europe/Paris')); monthAt(startedAt)
 */
export function byQuarterHour<Result>(compute: (epochMs: number) => Result): (epochMs: number) => Result {
  // a quarter hour's period, or CUT where a boundary lies inside it
  const bySlot = new Map<number, Result | typeof CUT>();
  let lastSlot = Number.NaN;
  let lastResult: Result | typeof CUT = CUT;
  return (epochMs) => {
    const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
    if (slot !== lastSlot) {
      let result = bySlot.get(slot);
      if (result === undefined) {
        const first = compute(slot * QUARTER_HOUR_MS);
        result = first === compute(slot * QUARTER_HOUR_MS + QUARTER_HOUR_MS - 1) ? first : CUT;
        bySlot.set(slot, result);
      }
      lastSlot = slot;
      lastResult = result;
    }
    return lastResult === CUT ? compute(epochMs) : lastResult;
  };
}

/**
 * `compute` remembered per key (a Map): for a few distinct strings repeated over many rows.
 * @example const spell = memoized((team: string) => team.trim()); spell(' Legal ') // 'Legal'
 */
export function memoized<Key, Result>(compute: (key: Key) => Result): (key: Key) => Result {
  const cache = new Map<Key, Result>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as Result;
    const result = compute(key);
    cache.set(key, result);
    return result;
  };
}
