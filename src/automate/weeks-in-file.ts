import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { isUptakeError, UptakeError } from '../errors.js';
import { kindOfFileName, readableFile } from '../ingest/discover-files.js';
import type { InputLimits } from '../ingest/input-limits.js';
import { localToUtc, parseStatus, parseTimestamp, ianaZone } from '../ingest/parse-values.js';
import { readHeadedRecords } from '../ingest/read-headed-records.js';
import { isoWeekOf, weeksOfMonth } from '../util/iso-week.js';
import type { PlausibleWindow } from '../clean/quarantine.js';
import type { RosterZones } from './roster-zones.js';

/** The instants (ISO, UTC) of a log file's first and last `started_at`. */
export interface TimeSpan {
  first: string;
  last: string;
}

/** Which ISO weeks a file touches, and how that was found out. */
export interface FileWeeks {
  weeks: string[];
  /** `column`: read from started_at (logs) or month (roster); `file-name`: a week, date or month in the name; `none`: neither. */
  source: 'column' | 'file-name' | 'none';
  /** A log file read by its column: the instants of its first and last `started_at` (see edgeWeeks). */
  span?: TimeSpan;
  /** Why the file could not be read (over a cap of inputLimits, not UTF-8, ...): the run would stop on it. */
  error?: UptakeError;
}

export interface WeeksInFileOptions {
  /** The report's zone: weeks are cut there. */
  timezone: string;
  /** Zone of naive timestamps when neither the row's `tz` nor the roster names one (config.cleaning.defaultTimezone). */
  defaultTimezone: string;
  /** The users' zones per month from the roster files (see rosterZones). */
  rosterZones?: RosterZones;
  /** Caps on the file's text and on one record (config.inputLimits; default DEFAULT_INPUT_LIMITS). */
  limits?: InputLimits;
  /** The starts the cleaning keeps (plausibleWindow): one outside, which it quarantines, gives no week and no span. */
  plausible?: PlausibleWindow;
}

// A light pass for `uptake watch`: one column per row, no cleaning. Naive times are placed like
// the cleaning does (row `tz`, else the roster zone of that user and month, else the default).
/**
 * The ISO weeks an input file touches: from `started_at` (ai_logs, manual_logs) or `month`
 * (user_monthly_summary), falling back to a `YYYY-Www`, `YYYY-MM-DD` or `YYYY-MM` in the file name.
 * @example await weeksInFile('incoming/ai_logs_2026-W47.csv', { timezone: 'UTC', defaultTimezone: 'UTC' }) // { weeks: ['2026-W47'], source: 'column' }
 */
export async function weeksInFile(path: string, options: WeeksInFileOptions): Promise<FileWeeks> {
  const name = basename(path);
  const kind = kindOfFileName(name);
  const weeks = new Set<string>();
  const span = { first: Infinity, last: -Infinity };
  let error: UptakeError | undefined;
  if (kind) {
    try {
      // a FIFO would block the read for good, a directory fail it: they are said to be what they are
      await readableFile(path);
      await collectWeeks(path, kind, options, weeks, span);
    } catch (cause) {
      // An unreadable file is the report run's to explain; here it only loses its weeks.
      weeks.clear();
      span.first = Infinity;
      error = isUptakeError(cause) ? cause : new UptakeError('input', `cannot read the file: ${(cause as Error)?.message ?? String(cause)}`, { file: path, cause });
    }
  }
  const spanned = span.first <= span.last ? { span: { first: new Date(span.first).toISOString(), last: new Date(span.last).toISOString() } } : {};
  const found: FileWeeks = weeks.size > 0 ? { weeks: [...weeks].sort(), source: 'column', ...spanned } : fileNameWeeks(name);
  return error ? { ...found, error } : found;
}

function fileNameWeeks(name: string): FileWeeks {
  const fromName = weeksFromFileName(name);
  return fromName.length > 0 ? { weeks: fromName, source: 'file-name' } : { weeks: [], source: 'none' };
}

async function collectWeeks(path: string, kind: NonNullable<ReturnType<typeof kindOfFileName>>, options: WeeksInFileOptions, weeks: Set<string>, span: { first: number; last: number }): Promise<void> {
  const file = { path, gzip: path.toLowerCase().endsWith('.gz') };
  const months = new Set<string>();
  for await (const { header, record } of readHeadedRecords(file, kind, options.limits)) {
    if (record.parseError) continue;
    const cell = (column: string) => {
      const at = header.index.get(column);
      return at === undefined ? '' : (record.fields[at]?.trim() ?? '');
    };
    if (kind === 'user_monthly_summary') {
      const month = cell('month');
      if (/^\d{4}-\d{2}$/.test(month)) months.add(month);
      continue;
    }
    const parsed = parseTimestamp(cell('started_at'));
    if (parsed.kind === 'invalid') continue;
    // (an AI row whose status the contract does not know is quarantined: it makes no week)
    if (kind === 'ai_logs' && parseStatus(cell('status')) === null) continue;
    let epochMs: number;
    if (parsed.kind === 'instant') epochMs = parsed.epochMs;
    else {
      const rowZone = cell('tz');
      const zone = rowZone && ianaZone(rowZone) ? rowZone : (options.rosterZones?.get(cell('user_id'))?.get(parsed.month) ?? options.defaultTimezone);
      epochMs = localToUtc(parsed.localMs, zone);
    }
    if (options.plausible && !(epochMs >= options.plausible.earliestMs && epochMs <= options.plausible.latestMs)) continue;
    weeks.add(isoWeekOf(epochMs, options.timezone));
    if (epochMs < span.first) span.first = epochMs;
    if (epochMs > span.last) span.last = epochMs;
  }
  for (const month of months) for (const week of weeksOfMonth(month)) weeks.add(week);
}

/**
 * The weeks a file's name gives: a `YYYY-Www`, the week of a `YYYY-MM-DD`, or the weeks of a `YYYY-MM`.
 * @example weeksFromFileName('ai_logs_2026-W47.csv') // ['2026-W47']
 */
export function weeksFromFileName(name: string): string[] {
  const week = /(\d{4})-?W(\d{2})/i.exec(name);
  if (week) return [`${week[1]}-W${week[2]}`];
  const date = /(\d{4}-\d{2}-\d{2})/.exec(name);
  if (date) {
    const day = DateTime.fromISO(date[1], { zone: 'UTC' });
    if (day.isValid) return [`${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`];
  }
  const month = /(\d{4})-(\d{2})(?!-?\d)/.exec(name);
  return month ? weeksOfMonth(`${month[1]}-${month[2]}`) : [];
}
