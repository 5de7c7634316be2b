import type { CsvRecord } from '../ingest/read-csv.js';
import type { ResolvedHeader } from '../ingest/normalize-headers.js';
import { ianaZone, localToUtc, parseBoolean, parseNumber, parseStatus, parseTimestamp, type ParsedTime } from '../ingest/parse-values.js';
import type { LogRowInput } from '../ingest/log-rows.js';
import type { LogSource, TaskStatus } from './types.js';

export interface Rejection {
  reason: string;
  detail: string;
}

export interface RowContext {
  fileIndex: number;
  /** Zone a naive time is read in when the row has no usable `tz`: the roster's for that user and month. */
  rosterZone(userId: string, month: string): string | undefined;
  defaultZone: string;
  /** Called once per optional value that could not be read and became null. */
  onUnreadableOptional(column: string): void;
}

const show = (value: string) => `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;

// One pass over a record: fatal problems quarantine it (CONTRACT 2.1), times become UTC (2.2).
/**
 * Reads one log record into typed values, or says why it is quarantined.
 * @example readLogRecord('ai_logs', record, header, context) // { reason: 'unknown_status', detail: 'expected `status` ...' }
 */
export function readLogRecord(source: LogSource, record: CsvRecord, header: ResolvedHeader, context: RowContext): LogRowInput | Rejection {
  if (record.parseError !== undefined) return { reason: 'parse_error', detail: record.parseError };
  const { fields } = record;
  if (fields.length > header.width) {
    return { reason: 'field_count', detail: `expected at most ${header.width} fields (the header's count), got ${fields.length}` };
  }
  const cell = (name: string): string => {
    const position = header.index.get(name);
    return position === undefined ? '' : (fields[position] ?? '').trim();
  };
  const idColumn = source === 'ai_logs' ? 'event_id' : 'task_id';
  const id = cell(idColumn);
  if (id === '') return { reason: 'missing_id', detail: `expected a non-empty \`${idColumn}\`` };
  const user = cell('user_id');
  if (user === '') return { reason: 'missing_user_id', detail: 'expected a non-empty `user_id`' };

  const startText = cell('started_at');
  if (startText === '') return { reason: 'missing_started_at', detail: 'expected a non-empty `started_at`' };
  const startParsed = parseTimestamp(startText);
  if (startParsed.kind === 'invalid') return { reason: 'invalid_started_at', detail: `expected \`started_at\` to be a timestamp, got ${show(startText)}` };

  let status: TaskStatus = 'completed';
  if (source === 'ai_logs') {
    const statusText = cell('status');
    if (statusText === '') return { reason: 'missing_status', detail: 'expected a non-empty `status`' };
    const parsed = parseStatus(statusText);
    if (parsed === null) return { reason: 'unknown_status', detail: `expected \`status\` to be completed, abandoned or error (or a known synonym), got ${show(statusText)}` };
    status = parsed;
  }

  let accuracy: number | null = null;
  if (source === 'ai_logs') {
    const usePercent = !header.index.has('accuracy') && header.index.has('accuracy_pct');
    const column = usePercent ? 'accuracy_pct' : 'accuracy';
    const text = cell(column);
    const number = parseNumber(text);
    if (Number.isNaN(number)) return { reason: 'invalid_accuracy', detail: `expected \`${column}\` to be a number, got ${show(text)}` };
    if (number !== null) {
      accuracy = usePercent ? number / 100 : number;
      if (accuracy < 0 || accuracy > 1) {
        return { reason: 'accuracy_out_of_range', detail: `expected \`${column}\` in ${usePercent ? '[0, 100]' : '[0, 1]'}, got ${show(text)}` };
      }
    }
  }

  const tzText = cell('tz');
  let rowZone: string | undefined;
  if (tzText !== '') {
    if (ianaZone(tzText)) rowZone = tzText;
    else context.onUnreadableOptional('tz');
  }
  const toUtc = (parsed: ParsedTime & { kind: 'naive' | 'instant' }): number =>
    parsed.kind === 'instant' ? parsed.epochMs : localToUtc(parsed.localMs, rowZone ?? context.rosterZone(user, parsed.month) ?? context.defaultZone);
  const start = toUtc(startParsed);

  let end = Number.NaN;
  const endText = cell('ended_at');
  if (endText !== '') {
    const endParsed = parseTimestamp(endText);
    if (endParsed.kind === 'invalid') context.onUnreadableOptional('ended_at');
    else end = toUtc(endParsed);
  }
  if (Number.isNaN(end)) {
    const durationMs = readDuration(cell, context);
    if (durationMs !== null) end = start + durationMs;
  }

  let harmful: boolean | null = null;
  if (source === 'ai_logs') {
    const parsed = parseBoolean(cell('harmful'));
    if (parsed === undefined) context.onUnreadableOptional('harmful');
    else harmful = parsed;
  }

  const team = cell('team');
  const prompt = source === 'ai_logs' ? cell('prompt') : '';
  const toolVersion = cell('tool_version');
  let completeness = 0;
  for (const field of fields) if (field.trim() !== '') completeness += 1;
  const passThrough: Array<[string, string]> = [];
  for (const [name, position] of header.passThrough) {
    const value = (fields[position] ?? '').trim();
    if (value !== '') passThrough.push([name, value]);
  }
  return {
    id, user, team: team === '' ? null : team, label: cell('task_type'), start, end, status, accuracy, harmful,
    prompt: prompt === '' ? null : prompt, toolVersion: toolVersion === '' ? null : toolVersion,
    completeness, fileIndex: context.fileIndex, line: record.line, passThrough,
  };
}

const DURATION_UNITS: Array<[string, number]> = [['duration_ms', 1], ['duration_s', 1000], ['duration_min', 60_000]];

function readDuration(cell: (name: string) => string, context: RowContext): number | null {
  for (const [column, unitMs] of DURATION_UNITS) {
    const text = cell(column);
    if (text === '') continue;
    const number = parseNumber(text);
    if (number === null || Number.isNaN(number) || number < 0) {
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
