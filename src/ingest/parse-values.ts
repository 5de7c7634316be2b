import { IANAZone } from 'luxon';
import type { TaskStatus } from './types.js';

/** A parsed timestamp: an instant (epoch ms, UTC) or a naive local time waiting for its zone. */
export type ParsedTime =
  | { kind: 'instant'; epochMs: number }
  | { kind: 'naive'; localMs: number; month: string }
  | { kind: 'invalid' };

const INVALID: ParsedTime = { kind: 'invalid' };

const SPACE = 32;
const DELETE = 127;

// String.prototype.trim is a call into the engine of some 60 instructions even when there is nothing to
// trim, and a log row's cells are trimmed about 30 times. A cell whose first and last characters are
// printable ASCII (no white space there) is its own trim.
// Cells come as strings of more than four kinds (flat, sliced, internalized, two-byte), so V8 finds
// `text.length` and `text.charCodeAt` here through its megamorphic cache, some 70 instructions a lookup.
// `'' + text` tells the optimizing compiler that `value` is a string (its length is then read inline), and
// String.prototype's own charCodeAt, named, is inlined too: reading took a tenth fewer instructions.
/**
 * `text.trim()`, without the call when both ends are printable ASCII.
 * @example trimmed(' a ') // 'a'
 */
export function trimmed(text: string): string {
  const value = '' + text;
  const last = value.length - 1;
  if (last < 0) return value;
  const first = String.prototype.charCodeAt.call(value, 0);
  const end = String.prototype.charCodeAt.call(value, last);
  return first > SPACE && first < DELETE && end > SPACE && end < DELETE ? value : value.trim();
}
// C0 and C1 control characters and DEL, but tab, line feed and carriage return (a quoted field may hold line
// breaks): a NUL stops PostgreSQL's COPY, and the others garble every text sink.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * A record's fields without control characters (CONTRACT 1, text hygiene): the same array when its raw text
 * holds none, so that clean records cost one scan and no copy.
 * @example withoutControlCharacters(['a\u0000b', 'c'], 'a\u0000b,c') // ['ab', 'c']
 */
export function withoutControlCharacters(fields: string[], raw: string): string[] {
  if (!CONTROL_CHARACTER.test(raw)) return fields;
  return fields.map(withoutControls);
}

/**
 * A text without the control characters text hygiene removes (CONTRACT 1): a value's, or a header name's.
 * @example withoutControls('user\u0000_id') // 'user_id'
 */
export const withoutControls = (text: string): string => text.replace(CONTROL_CHARACTERS, '');

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_PATTERN = /^\d{1,15}(?:\.\d+)?$/;
/** Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * Reads ISO-8601 (with `Z`, an offset, or naive), `YYYY-MM-DD HH:mm:ss`, or epoch seconds/milliseconds.
 * @example parseTimestamp('2026-11-16T09:00:00Z') // { kind: 'instant', epochMs: 1794819600000 }
 */
export function parseTimestamp(text: string): ParsedTime {
  const value = trimmed(text);
  if (value === '') return INVALID;
  if (EPOCH_PATTERN.test(value)) {
    const number = Number(value);
    return { kind: 'instant', epochMs: Math.round(number < EPOCH_SECONDS_LIMIT ? number * 1000 : number) };
  }
  return plainTimestamp(value) ?? patternTimestamp(value);
}

/**
 * A trimmed timestamp as ISO_PATTERN reads it: the reading every shape falls back to. parseTimestamp reads the
 * common shapes without it (exported so that tests hold that reading to this one).
 * @example patternTimestamp('2026-11-16T09:00:00+05:30') // { kind: 'instant', epochMs: 1794803400000 }
 */
export function patternTimestamp(value: string): ParsedTime {
  const match = ISO_PATTERN.exec(value);
  if (!match) return INVALID;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return INVALID;
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const localMs = utcMs(year, month, day, hour, minute, second, millis);
  if (offset === undefined) return { kind: 'naive', localMs, month: `${y}-${mo}` };
  if (offset === 'Z' || offset === 'z') return { kind: 'instant', epochMs: localMs };
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = offsetMinutesOf(Number(digits.slice(0, 2)), Number(digits.slice(2) || '0'));
  if (offsetMinutes < 0) return INVALID;
  return { kind: 'instant', epochMs: localMs - sign * offsetMinutes * 60_000 };
}

/** The furthest a UTC offset may lie from UTC: 18 hours, as java.time and Postgres allow (real zones span -12 to +14). */
const MAX_OFFSET_MINUTES = 18 * 60;

// `+05:99` is no offset (not an hour and 39 minutes): minutes run 00-59, and the whole to at most 18 hours.
/** An offset's hours and minutes as minutes, or -1 when they are out of range. */
function offsetMinutesOf(hours: number, minutes: number): number {
  const total = hours * 60 + minutes;
  return minutes > 59 || total > MAX_OFFSET_MINUTES ? -1 : total;
}

const ZERO = 48;
const [PLUS, COMMA, MINUS, DOT, COLON, UPPER_T, LOWER_T, UPPER_Z, LOWER_Z] = [43, 44, 45, 46, 58, 84, 116, 90, 122];

/** The digits at `from`..`from + count` as a number, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let number = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

// Nearly every log writes `YYYY-MM-DD[T ]HH:mm:ss` (RFC 3339 allows `t` and `z` too), perhaps with a fraction of a second and `Z` or an offset:
// read those without the regular expression (its match and its strings were a tenth of what reading a row
// allocated). Returns undefined for any other shape, which the full pattern then reads (same results either way).
function plainTimestamp(value: string): ParsedTime | undefined {
  const length = value.length;
  if (length < 19) return undefined;
  const separator = value.charCodeAt(10);
  if (value.charCodeAt(4) !== MINUS || value.charCodeAt(7) !== MINUS || (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) || value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return undefined;
  const year = digitsAt(value, 0, 4), month = digitsAt(value, 5, 2), day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2), minute = digitsAt(value, 14, 2), second = digitsAt(value, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let at = 19;
  let code = at < length ? value.charCodeAt(at) : -1;
  let millis = 0;
  if (code === DOT || code === COMMA) {
    // 1 to 9 digits: their value divided by a power of ten is the double Number('0.' + digits) gives
    let fraction = 0;
    const first = at + 1;
    for (at = first; at < length && at - first < 10; at += 1) {
      const digit = value.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) break;
      fraction = fraction * 10 + digit;
    }
    const digits = at - first;
    if (digits === 0 || digits > 9) return undefined;
    millis = Math.round((fraction / 10 ** digits) * 1000);
    code = at < length ? value.charCodeAt(at) : -1;
  }
  let offsetMs: number | undefined; // undefined: a naive time
  if (code === UPPER_Z || code === LOWER_Z) {
    if (at + 1 !== length) return undefined;
    offsetMs = 0;
  } else if (code === PLUS || code === MINUS) {
    // +HH, +HHMM or +HH:MM, as the pattern takes them
    const rest = length - at - 1;
    const hours = digitsAt(value, at + 1, 2);
    const minutes = rest === 2 ? 0 : rest === 4 ? digitsAt(value, at + 3, 2) : rest === 5 && value.charCodeAt(at + 3) === COLON ? digitsAt(value, at + 4, 2) : -1;
    if (rest < 2 || hours < 0 || minutes < 0) return undefined;
    const offsetMinutes = offsetMinutesOf(hours, minutes);
    if (offsetMinutes < 0) return INVALID;
    offsetMs = (code === MINUS ? -1 : 1) * offsetMinutes * 60_000;
  } else if (code !== -1) {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return INVALID;
  const localMs = utcMs(year, month, day, hour, minute, second, millis);
  return offsetMs === undefined ? { kind: 'naive', localMs, month: value.slice(0, 7) } : { kind: 'instant', epochMs: localMs - offsetMs };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Called for every timestamp: arithmetic instead of a Date object (Gregorian leap years, proleptic before 1582).
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** 400 Gregorian years: 146,097 days, after which the calendar repeats. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

// Date.UTC reads the years 0-99 as 1900-1999: `0050-06-01` became 1950-06-01, a plausible start. Such a year is
// read 400 years later and moved back a cycle, so that it is the year written (and quarantined as implausible).
/** Epoch ms of a UTC calendar time (month 1-12), the year as written. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - GREGORIAN_CYCLE_MS;
}

const zoneCache = new Map<string, IANAZone | null>();

/** A valid IANA zone, or null; cached because rows repeat a handful of zones. */
export function ianaZone(name: string): IANAZone | null {
  let zone = zoneCache.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) ? IANAZone.create(name) : null;
    zoneCache.set(name, zone);
  }
  return zone;
}

const HALF_HOUR = 30 * 60_000;
const DAY = 24 * 60 * 60_000;

/** One zone's offsets per local half hour, and the half hour asked for last. */
interface ZoneOffsets {
  byBucket: Map<number, number>;
  lastBucket: number;
  lastOffsetMs: number;
}

const offsetCache = new Map<string, ZoneOffsets>();

// Zone rules change on the hour or half hour: one offset lookup per zone and local half hour. Logs come
// roughly in time order, so a zone is mostly asked for the half hour it was asked for last: that answer is
// kept beside the table (a lookup in a table of thousands of half hours misses the processor's cache).
/**
 * The UTC instant of a naive local time in a zone. An ambiguous time (clocks going back)
 * takes the earlier instant; a skipped time (clocks going forward) moves forward by the gap.
 * @example localToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin') // 2026-10-25T00:30:00Z
 */
export function localToUtc(localMs: number, zoneName: string): number {
  if (zoneName === 'UTC' || zoneName === 'Etc/UTC') return localMs;
  let zone = offsetCache.get(zoneName);
  if (!zone) {
    zone = { byBucket: new Map(), lastBucket: Number.NaN, lastOffsetMs: 0 };
    offsetCache.set(zoneName, zone);
  }
  const bucket = Math.floor(localMs / HALF_HOUR);
  if (bucket === zone.lastBucket) return localMs - zone.lastOffsetMs;
  let offsetMs = zone.byBucket.get(bucket);
  if (offsetMs === undefined) {
    offsetMs = resolveOffset(bucket * HALF_HOUR, zoneName);
    zone.byBucket.set(bucket, offsetMs);
  }
  zone.lastBucket = bucket;
  zone.lastOffsetMs = offsetMs;
  return localMs - offsetMs;
}

function resolveOffset(localMs: number, zoneName: string): number {
  const zone = ianaZone(zoneName);
  if (!zone) throw new RangeError(`unknown time zone ${zoneName}`);
  const before = zone.offset(localMs - DAY) * 60_000;
  const after = zone.offset(localMs + DAY) * 60_000;
  const fits = [before, after].filter((offset) => zone.offset(localMs - offset) * 60_000 === offset);
  if (fits.length === 0) return before; // skipped: read with the offset in force before the gap
  return Math.max(...fits); // ambiguous: the larger offset gives the earlier instant
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'y', 't']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'n', 'f']);

/**
 * true/false, yes/no, 1/0, y/n in any case; empty is null; anything else is `undefined` (unreadable).
 * @example parseBoolean('YES') // true
 */
export function parseBoolean(text: string): boolean | null | undefined {
  const value = trimmed(text).toLowerCase();
  if (value === '') return null;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return undefined;
}

const STATUS_WORDS: Record<string, TaskStatus> = {
  completed: 'completed', complete: 'completed', success: 'completed', done: 'completed',
  abandoned: 'abandoned', cancelled: 'abandoned', canceled: 'abandoned', timeout: 'abandoned',
  error: 'error', failed: 'error', failure: 'error',
};

/**
 * A status word to its canonical status, or null when unknown.
 * @example parseStatus(' Success ') // 'completed'
 */
export function parseStatus(text: string): TaskStatus | null {
  return STATUS_WORDS[trimmed(text).toLowerCase()] ?? null;
}

const LOWER_CASE = 32;
const [LOWER_B, LOWER_O, LOWER_X] = [98, 111, 120];

// Number() reads decimal notation, and also `Infinity` and unsigned `0x…`, `0b…`, `0o…` literals: the first is
// not finite, the others are told apart by their second character (CONTRACT 1: decimal notation only).
/**
 * A finite number in decimal notation (`0.5`, `.5`, `1e-3`), null for an empty cell, NaN when the cell is not
 * one (`0x1`, `0b1`, `0o1`, `Infinity`, `NaN` included).
 * @example parseNumber(' 12.5 ') // 12.5
 */
export function parseNumber(text: string): number | null {
  const value = trimmed(text);
  if (value === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number)) return Number.NaN;
  if (value.length > 2 && value.charCodeAt(0) === ZERO) {
    const radix = value.charCodeAt(1) | LOWER_CASE;
    if (radix === LOWER_X || radix === LOWER_B || radix === LOWER_O) return Number.NaN;
  }
  return number;
}
