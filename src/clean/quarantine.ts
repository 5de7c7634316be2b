import { memoizedPer } from '../columns/index.js';
import { parseErrorDetail, type CsvRecord } from '../ingest/read-csv.js';
import type { ResolvedHeader } from '../ingest/normalize-headers.js';
import { ianaZone, localToUtc, parseBoolean, parseNumber, parseStatus, parseTimestamp, trimmed, withoutControlCharacters, type ParsedTime } from '../ingest/parse-values.js';
import type { LogRowInput } from '../ingest/log-rows.js';
import type { LogSource, TaskStatus } from './types.js';

export interface Rejection {
  reason: string;
  detail: string;
}

export interface RowContext {
  /** Zone a naive time is read in when the row has no usable `tz`: the roster's for that user and month. */
  rosterZone(userId: string, month: string): string | undefined;
  defaultZone: string;
  /** Called once per optional value that could not be read and became null. */
  onUnreadableOptional(column: string): void;
  /**
   * Called once per start or end judged implausible only because it lies after the window's end (the run's
   * clock plus `cleaning.maxFutureDays`): at a later run's clock it may be plausible. One before
   * `cleaning.earliest`, or one that cannot be read, never is.
   */
  onAfterClock(): void;
  /** The instants a start may lie between (CONTRACT 2.1): see plausibleWindow. */
  plausible: PlausibleWindow;
}

/** Epoch ms, both included: starts outside are `implausible_started_at`, ends outside are unreadable (`latestMs` moves with the run's clock, `earliestMs` never). */
export interface PlausibleWindow {
  earliestMs: number;
  latestMs: number;
}

const DAY_MS = 86_400_000;

// A start in 2100 or 9999 is a broken clock or a hostile row, and would pull `latest` and every period
// table with it: only times between `cleaning.earliest` and a little after the run's clock are used.
/**
 * The plausible instants for a run whose clock reads `nowMs`: from `earliest` (a UTC date) to `maxFutureDays` after now.
 * @example plausibleWindow({ earliest: '2000-01-01', maxFutureDays: 1 }, Date.UTC(2026, 11, 4)) // { earliestMs: 946684800000, latestMs: Date.UTC(2026, 11, 5) }
 */
export function plausibleWindow(cleaning: { earliest: string; maxFutureDays: number }, nowMs: number): PlausibleWindow {
  return { earliestMs: Date.parse(`${cleaning.earliest}T00:00:00Z`), latestMs: nowMs + cleaning.maxFutureDays * DAY_MS };
}

const isoOf = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * The most characters (UTF-16 code units) of a name the report shows: a user id, a team, a task type. A longer
 * one is no name a person wrote: a row whose user id or task type is longer is quarantined (`name_too_long`), a
 * longer team is unreadable (filled from the roster, as a blank one). Names of megabytes made every table row that
 * named them megabytes long: a 300,000-character team stopped Chromium laying out the report's first page, and a
 * 3,000,000-character one exhausted the memory of a run.
 */
export const MAX_NAME_LENGTH = 256;

/**
 * The rejection of a name longer than MAX_NAME_LENGTH in `column`, or null.
 * @example nameTooLong('user_id', 'u'.repeat(300))?.reason // 'name_too_long'
 */
export function nameTooLong(column: string, name: string): Rejection | null {
  if (name.length <= MAX_NAME_LENGTH) return null;
  return { reason: 'name_too_long', detail: `expected \`${column}\` of at most ${MAX_NAME_LENGTH} characters, got one of ${name.length.toLocaleString('en-US')}` };
}

const show = (value: string) => `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;

/** Where each contract column sits in a header's records (-1 when absent), resolved once per file. */
interface Positions {
  eventId: number;
  taskId: number;
  user: number;
  team: number;
  label: number;
  start: number;
  end: number;
  status: number;
  accuracy: number;
  accuracyPct: number;
  harmful: number;
  prompt: number;
  toolVersion: number;
  tz: number;
  durations: Array<[column: string, position: number, unitMs: number]>;
  passThrough: Array<[string, number]>;
}

// A Map lookup per cell per row adds up over millions of rows: look the header up once.
const positionsOf = memoizedPer((header: ResolvedHeader): Positions => {
  const at = (name: string) => header.index.get(name) ?? -1;
  return {
    eventId: at('event_id'), taskId: at('task_id'), user: at('user_id'), team: at('team'), label: at('task_type'), start: at('started_at'), end: at('ended_at'),
    status: at('status'), accuracy: at('accuracy'), accuracyPct: at('accuracy_pct'),
    harmful: at('harmful'), prompt: at('prompt'), toolVersion: at('tool_version'), tz: at('tz'),
    durations: DURATION_UNITS.map(([column, unitMs]) => [column, at(column), unitMs] as [string, number, number]).filter(([, position]) => position !== -1),
    passThrough: [...header.passThrough],
  };
});

/**
 * The trimmed field at `position`, '' when the column is absent (-1) or the record is short. The roster reads its cells so too.
 * @example cellAt(['a', ' b '], 1) // 'b'
 */
export const cellAt = (fields: string[], position: number): string => (position === -1 ? '' : trimmed(fields[position] ?? ''));

/**
 * How many fields hold more than white space: of two duplicate rows, the most complete is kept.
 * @example filledFields(['a', ' ', '']) // 1
 */
export function filledFields(fields: string[]): number {
  let filled = 0;
  for (const field of fields) if (trimmed(field) !== '') filled += 1;
  return filled;
}

// One pass over a record: fatal problems quarantine it (CONTRACT 2.1), times become UTC (2.2).
/**
 * Reads one log record into typed values, or says why it is quarantined.
 * @example readLogRecord('ai_logs', record, header, context) // { reason: 'unknown_status', detail: 'expected `status` ...' }
 */
export function readLogRecord(source: LogSource, record: CsvRecord, header: ResolvedHeader, context: RowContext): LogRowInput | Rejection {
  if (record.parseError !== undefined) return { reason: 'parse_error', detail: parseErrorDetail({ ...record, parseError: record.parseError }) };
  const fields = withoutControlCharacters(record.fields, record.raw);
  if (fields.length > header.width) {
    return { reason: 'field_count', detail: `expected at most ${header.width} fields (the header's count), got ${fields.length}` };
  }
  const at = positionsOf(header);
  const ai = source === 'ai_logs';
  const idColumn = ai ? 'event_id' : 'task_id';
  const id = cellAt(fields, ai ? at.eventId : at.taskId);
  if (id === '') return { reason: 'missing_id', detail: `expected a non-empty \`${idColumn}\`` };
  const user = cellAt(fields, at.user);
  if (user === '') return { reason: 'missing_user_id', detail: 'expected a non-empty `user_id`' };
  const userTooLong = nameTooLong('user_id', user);
  if (userTooLong) return userTooLong;

  const startText = cellAt(fields, at.start);
  if (startText === '') return { reason: 'missing_started_at', detail: 'expected a non-empty `started_at`' };
  const startParsed = parseTimestamp(startText);
  if (startParsed.kind === 'invalid') return { reason: 'invalid_started_at', detail: `expected \`started_at\` to be a timestamp, got ${show(startText)}` };

  // the row's zone is needed for the start; an unreadable one is counted once the row is kept
  const tzText = cellAt(fields, at.tz);
  const rowZone = tzText !== '' && ianaZone(tzText) ? tzText : undefined;
  const start = toUtc(startParsed, rowZone, user, context);
  const { earliestMs, latestMs } = context.plausible;
  // each side names only its own bound: a start before `earliest` is rejected with the same words at every
  // run's clock, so a store keeps its file (and its quarantine) instead of reading it again (onAfterClock)
  if (start > latestMs) {
    context.onAfterClock();
    return { reason: 'implausible_started_at', detail: `expected \`started_at\` at or before ${isoOf(latestMs)} (cleaning.maxFutureDays after the run's clock), got ${show(startText)}` };
  }
  if (!(start >= earliestMs)) {
    return { reason: 'implausible_started_at', detail: `expected \`started_at\` at or after ${isoOf(earliestMs)} (cleaning.earliest), got ${show(startText)}` };
  }

  let status: TaskStatus = 'completed';
  let accuracy: number | null = null;
  if (ai) {
    const statusText = cellAt(fields, at.status);
    if (statusText === '') return { reason: 'missing_status', detail: 'expected a non-empty `status`' };
    const parsed = parseStatus(statusText);
    if (parsed === null) return { reason: 'unknown_status', detail: `expected \`status\` to be completed, abandoned or error (or a known synonym), got ${show(statusText)}` };
    status = parsed;

    // `accuracy` as a fraction; where a row leaves it empty, `accuracy_pct` (0..100) when the file has that column
    // too, as an empty duration column falls back to the next
    const fraction = cellAt(fields, at.accuracy);
    const percent = fraction === '' && at.accuracyPct !== -1;
    const column = percent ? 'accuracy_pct' : 'accuracy';
    const text = percent ? cellAt(fields, at.accuracyPct) : fraction;
    const number = parseNumber(text);
    if (Number.isNaN(number)) return { reason: 'invalid_accuracy', detail: `expected \`${column}\` to be a number, got ${show(text)}` };
    if (number !== null) {
      accuracy = percent ? number / 100 : number;
      if (accuracy < 0 || accuracy > 1) {
        return { reason: 'accuracy_out_of_range', detail: `expected \`${column}\` in ${percent ? '[0, 100]' : '[0, 1]'}, got ${show(text)}` };
      }
    }
  }

  if (tzText !== '' && rowZone === undefined) context.onUnreadableOptional('tz');

  let end = Number.NaN;
  const endText = cellAt(fields, at.end);
  if (endText !== '') {
    const endParsed = parseTimestamp(endText);
    // an implausible end is unreadable too: swapped for a skewed clock it would become the start
    const instant = endParsed.kind === 'invalid' ? Number.NaN : toUtc(endParsed, rowZone, user, context);
    if (instant >= earliestMs && instant <= latestMs) end = instant;
    else {
      context.onUnreadableOptional('ended_at');
      if (instant > latestMs) context.onAfterClock();
    }
  }
  if (Number.isNaN(end)) {
    const durationMs = readDuration(fields, at.durations, context);
    if (durationMs !== null) end = start + durationMs;
  }

  let harmful: boolean | null = null;
  if (ai) {
    const parsed = parseBoolean(cellAt(fields, at.harmful));
    if (parsed === undefined) context.onUnreadableOptional('harmful');
    else harmful = parsed;
  }

  const label = cellAt(fields, at.label);
  const labelTooLong = nameTooLong('task_type', label);
  if (labelTooLong) return labelTooLong;
  const team = teamCell(cellAt(fields, at.team), () => context.onUnreadableOptional('team'));
  const prompt = ai ? cellAt(fields, at.prompt) : '';
  const toolVersion = cellAt(fields, at.toolVersion);
  const completeness = filledFields(fields);
  const passThrough: Array<[string, string]> = [];
  for (const [name, position] of at.passThrough) {
    const value = trimmed(fields[position] ?? '');
    if (value !== '') passThrough.push([name, value]);
  }
  return {
    id, user, team, label, start, end, status, accuracy, harmful,
    prompt: prompt === '' ? null : prompt, toolVersion: toolVersion === '' ? null : toolVersion,
    completeness, passThrough,
  };
}

function toUtc(parsed: ParsedTime & { kind: 'naive' | 'instant' }, rowZone: string | undefined, user: string, context: RowContext): number {
  return parsed.kind === 'instant' ? parsed.epochMs : localToUtc(parsed.localMs, rowZone ?? context.rosterZone(user, parsed.month) ?? context.defaultZone);
}

// Every grouped table names its all-teams row `*` (CONTRACT 3): a team written `*` merged into that row, which
// then counted only that team's tasks. It is no team uptake can report: unreadable, so filled from the roster.
/** The all-teams row's team, which no row's team may be. */
const ALL_TEAMS = '*';

/**
 * A row's team cell (a log's or the roster's) as its team: none when blank, and none when `*` (ALL_TEAMS) or
 * longer than MAX_NAME_LENGTH, which `unreadable` hears of.
 * @example teamCell('*', () => unreadable.push('team')) // null
 */
export function teamCell(cell: string, unreadable: () => void): string | null {
  if (cell === ALL_TEAMS || cell.length > MAX_NAME_LENGTH) {
    unreadable();
    return null;
  }
  return cell === '' ? null : cell;
}

const DURATION_UNITS: Array<[string, number]> = [['duration_ms', 1], ['duration_s', 1000], ['duration_min', 60_000]];

function readDuration(fields: string[], durations: Positions['durations'], context: RowContext): number | null {
  for (const [column, position, unitMs] of durations) {
    const text = cellAt(fields, position);
    if (text === '') continue;
    const number = parseNumber(text);
    // a duration so long that it is no longer a finite number of milliseconds is no duration either
    if (number === null || Number.isNaN(number) || number < 0 || !Number.isFinite(number * unitMs)) {
      context.onUnreadableOptional(column);
      continue;
    }
    return number * unitMs;
  }
  return null;
}

export function isRejection(value: LogRowInput | Rejection): value is Rejection {
  return (value as Rejection).reason !== undefined;
}
