import { IANAZone } from 'luxon';
import type { TaskStatus } from './types.js';
/** A parsed timestamp: an instant (epoch ms, UTC) or a naive local time waiting for its zone. */
export type ParsedTime = {
    kind: 'instant';
    epochMs: number;
} | {
    kind: 'naive';
    localMs: number;
    month: string;
} | {
    kind: 'invalid';
};
/**
 * `text.trim()`, without the call when both ends are printable ASCII.
 * @example trimmed(' a ') // 'a'
 */
export declare function trimmed(text: string): string;
/**
 * A record's fields without control characters (CONTRACT 1, text hygiene): the same array when its raw text
 * holds none, so that clean records cost one scan and no copy.
 * @example withoutControlCharacters(['a\u0000b', 'c'], 'a\u0000b,c') // ['ab', 'c']
 */
export declare function withoutControlCharacters(fields: string[], raw: string): string[];
/**
 * Reads ISO-8601 (with `Z`, an offset, or naive), `YYYY-MM-DD HH:mm:ss`, or epoch seconds/milliseconds.
 * @example parseTimestamp('2026-11-16T09:00:00Z') // { kind: 'instant', epochMs: 1794819600000 }
 */
export declare function parseTimestamp(text: string): ParsedTime;
/**
 * A trimmed timestamp as ISO_PATTERN reads it: the reading every shape falls back to. parseTimestamp reads the
 * common shapes without it (exported so that tests hold that reading to this one).
 * @example patternTimestamp('2026-11-16T09:00:00+05:30') // { kind: 'instant', epochMs: 1794803400000 }
 */
export declare function patternTimestamp(value: string): ParsedTime;
/** A valid IANA zone, or null; cached because rows repeat a handful of zones. */
export declare function ianaZone(name: string): IANAZone | null;
/**
 * The UTC instant of a naive local time in a zone. An ambiguous time (clocks going back)
 * takes the earlier instant; a skipped time (clocks going forward) moves forward by the gap.
 * @example localToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin') // 2026-10-25T00:30:00Z
 */
export declare function localToUtc(localMs: number, zoneName: string): number;
/**
 * true/false, yes/no, 1/0, y/n in any case; empty is null; anything else is `undefined` (unreadable).
 * @example parseBoolean('YES') // true
 */
export declare function parseBoolean(text: string): boolean | null | undefined;
/**
 * A status word to its canonical status, or null when unknown.
 * @example parseStatus(' Success ') // 'completed'
 */
export declare function parseStatus(text: string): TaskStatus | null;
/**
 * A finite number in decimal notation (`0.5`, `.5`, `1e-3`), null for an empty cell, NaN when the cell is not
 * one (`0x1`, `0b1`, `0o1`, `Infinity`, `NaN` included).
 * @example parseNumber(' 12.5 ') // 12.5
 */
export declare function parseNumber(text: string): number | null;
