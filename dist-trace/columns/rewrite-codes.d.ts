import type { CodedColumn } from './coded-column.js';
/** How rewriteCodes changes a coded column's rows. */
export interface CodeRewrite<Value> {
    /** The new value of a present value: asked once per code in use. */
    rewrite: (value: Value) => Value;
    /** The value of a null row (null: stays null): asked per null row. */
    fill: (row: number) => Value | null;
}
/**
 * Rewrites rows from..to - 1 of a coded column in place: present values through `rewrite` (once per code),
 * null rows through `fill`. Returns how many null rows were filled.
 * @example rewriteCodes(teams, 0, teams.length, { rewrite: (team) => team.trim(), fill: () => null }) // 0
 */
export declare function rewriteCodes<Value>(column: CodedColumn<Value>, from: number, to: number, { rewrite, fill }: CodeRewrite<Value>): number;
/**
 * `compute(value of the row)` for rows of a coded column, computed once per code (and once for null).
 * @example const rosterOf = perCode(users, (user) => rosterByUser.get(user)); rosterOf(row)
 */
export declare function perCode<Value, Result>(column: CodedColumn<Value>, compute: (value: Value | null) => Result): (row: number) => Result;
/**
 * `compute(epochMs)` remembered per UTC quarter hour: for calendar periods of a time zone (constant within one).
 * @example const monthAt = byQuarterHour((epochMs) => monthOf(epochMs, 'Europe/Paris')); monthAt(startedAt)
 */
export declare function byQuarterHour<Result>(compute: (epochMs: number) => Result): (epochMs: number) => Result;
/**
 * `compute` remembered per key (a Map): for a few distinct strings repeated over many rows.
 * @example const spell = memoized((team: string) => team.trim()); spell(' Legal ') // 'Legal'
 */
export declare function memoized<Key, Result>(compute: (key: Key) => Result): (key: Key) => Result;
