import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { kindOfFileName } from '../ingest/discover-files.js';
import { shiftWeek, weekStartMs } from '../util/iso-week.js';
import { weeksFromFileName, type TimeSpan } from './weeks-in-file.js';
import { someNames } from '../util/some-names.js';

/** A log file the watcher took in: its weeks and, when its rows were read, the times they span. */
export interface LoggedFile {
  /** Its name or path (a roster file is left out: it speaks for months). */
  file: string;
  weeks: string[];
  /**
   * Missing when its weeks came from its name, or from a ledger entry written before spans were kept: it owns the
   * week its name names when that is one of its weeks (`ai_logs_2026-W47.csv`), else each of its weeks.
   */
  span?: TimeSpan;
  /** A file a run refused: its rows were never used. */
  rejected?: string;
}

/** A week that only the edges of other weeks' files reach into: which files, and the stretch of it they cover. */
export interface EdgeWeek {
  week: string;
  files: string[];
  covered: TimeSpan;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Splits `weeks` into those some log file holds as its own and those that only the edge of another week's file
 * reaches into: less than a day of the file lies in the week, and more of it outside (a weekly export's last hours
 * read in a zone ahead of the one it was cut in, say). A report of such a week would rest on a few hours of it; the
 * watcher leaves it for a file of its own (or the scheduled run). A file without a span owns the week its name
 * names, else each of its weeks (see LoggedFile).
 * @example edgeWeeks(['2026-W47', '2026-W48'], [{ file: 'ai_logs_2026-W47.csv', weeks: ['2026-W47', '2026-W48'], span: { first: '2026-11-16T00:05:00Z', last: '2026-11-22T23:50:00Z' } }], 'Asia/Tokyo').edge[0].week // '2026-W48'
 */
export function edgeWeeks(weeks: string[], files: LoggedFile[], zone: string): { own: string[]; edge: EdgeWeek[] } {
  const logs = files.filter((file) => file.rejected === undefined && kindOfFileName(basename(file.file)) !== 'user_monthly_summary');
  const own: string[] = [];
  const edge: EdgeWeek[] = [];
  for (const week of weeks) {
    const [start, end] = [weekStartMs(week, zone), weekStartMs(shiftWeek(week, 1), zone)];
    const reaching = logs.filter((file) => file.weeks.includes(week));
    const edges = reaching.filter((file) => (file.span === undefined ? !ownsByName(file, week) : isEdge(file.span, start, end)));
    if (edges.length === 0 || edges.length < reaching.length) {
      own.push(week);
      continue;
    }
    // (a file without a span is taken to reach the whole week)
    const inside = edges.map(({ span }) => (span ? [Math.max(Date.parse(span.first), start), Math.min(Date.parse(span.last), end - 1)] : [start, end - 1]));
    const covered = { first: new Date(Math.min(...inside.map(([first]) => first))).toISOString(), last: new Date(Math.max(...inside.map(([, last]) => last))).toISOString() };
    edge.push({ week, files: edges.map((file) => basename(file.file)), covered });
  }
  return { own, edge };
}

/**
 * The watcher's line for the weeks it leaves out.
 * @example edgeWeeksText([{ week: '2026-W48', files: ['ai_logs_2026-W47.csv'], covered: { first: '2026-11-22T15:00:00.000Z', last: '2026-11-22T23:50:00.000Z' } }], 'Asia/Tokyo') // '2026-W48 not reported: only the edge of ai_logs_2026-W47.csv reaches into it (2026-11-23 00:00 to 08:50 Asia/Tokyo); ...'
 */
export function edgeWeeksText(edge: EdgeWeek[], zone: string): string {
  return edge
    .map(({ week, files, covered }) => {
      const [first, last] = [DateTime.fromISO(covered.first, { zone }), DateTime.fromISO(covered.last, { zone })];
      const to = first.toISODate() === last.toISODate() ? last.toFormat('HH:mm') : last.toFormat('yyyy-MM-dd HH:mm');
      return `${week} not reported: only the edge of ${someNames([...new Set(files)])} reaches into it (${first.toFormat('yyyy-MM-dd HH:mm')} to ${to} ${zone}); it is reported once a file of its own lands, or by the scheduled run`;
    })
    .join('; ');
}

// A file without a span (a ledger entry of an older uptake): the week its name names, else each of its weeks.
function ownsByName(file: LoggedFile, week: string): boolean {
  const named = weeksFromFileName(basename(file.file)).filter((each) => file.weeks.includes(each));
  return named.length === 0 || named.includes(week);
}

// Less than a day of the span lies in [start, end), and more of it outside.
function isEdge(span: TimeSpan, start: number, end: number): boolean {
  const [first, last] = [Date.parse(span.first), Date.parse(span.last)];
  if (!Number.isFinite(first) || !Number.isFinite(last)) return false;
  const inside = Math.max(0, Math.min(last, end) - Math.max(first, start));
  return inside < DAY_MS && last - first - inside > inside;
}
