import { DateTime } from 'luxon';

/** An ISO week label such as `2026-W47`. */
export type IsoWeek = string;

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(value: string): boolean {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: 1 }).weeksInWeekYear;
}

/**
 * An ISO week as a person types it, in its one spelling: the `W` in either case and spaces around it ignored
 * (`2026-w47` is `2026-W47`); null when it is no ISO week a calendar has.
 * @example parseIsoWeek(' 2026-w47 ') // '2026-W47'
 */
export function parseIsoWeek(value: string): IsoWeek | null {
  const week = value.trim().toUpperCase();
  return isIsoWeek(week) ? week : null;
}

/**
 * The ISO week that holds an instant, in a time zone.
 * @example isoWeekOf(Date.UTC(2026, 10, 22, 23), 'UTC') // '2026-W47'
 */
export function isoWeekOf(epochMs: number, zone: string): IsoWeek {
  const local = DateTime.fromMillis(epochMs, { zone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** Calendar month `YYYY-MM` of an instant in a time zone. */
export function monthOf(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM');
}

/** Calendar date `YYYY-MM-DD` of an instant in a time zone. */
export function dateOf(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd');
}

/**
 * Monday and Sunday (as `YYYY-MM-DD`) of an ISO week.
 * @example weekBounds('2026-W47') // { start: '2026-11-16', end: '2026-11-22' }
 */
export function weekBounds(week: IsoWeek): { start: string; end: string; thursday: string } {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`expected an ISO week like 2026-W47, got \`${week}\``);
  const monday = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: 'UTC' });
  return {
    start: monday.toISODate()!,
    end: monday.plus({ days: 6 }).toISODate()!,
    thursday: monday.plus({ days: 3 }).toISODate()!,
  };
}

// A week spans two months at a month's end; which month it is taken for depends on the question, and these two
// rules are the only ones (CONTRACT 3 and README "Metric definitions").
/**
 * The month a week belongs to, ISO's rule: the month holding its Thursday (most of its days). A week's roster
 * month (CONTRACT 3, user_adoption_rate; the people tables), and a month's weeks (weeksOfMonth).
 * @example monthOfWeek('2026-W44') // '2026-10': Thursday 29 October, though the week ends on 1 November
 */
export function monthOfWeek(week: IsoWeek): string {
  return weekBounds(week).thursday.slice(0, 7);
}

/**
 * The last month a week reaches: the month holding its Sunday. Month-grain tables (ASI) run up to the report
 * week's last month, so that every task up to the report week's end is in them; the report quotes that month.
 * @example lastMonthOfWeek('2026-W44') // '2026-11'
 */
export function lastMonthOfWeek(week: IsoWeek): string {
  return weekBounds(week).end.slice(0, 7);
}

/**
 * The ISO weeks whose month (monthOfWeek: the month holding their Thursday) is `month`: the weeks a roster month
 * speaks for and a month's weekly numbers add up over; none for a value that is no month.
 * @example weeksOfMonth('2026-11') // ['2026-W45', '2026-W46', '2026-W47', '2026-W48']
 */
export function weeksOfMonth(month: string): IsoWeek[] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  if (!first.isValid) return [];
  const weeks: IsoWeek[] = [];
  for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
    if (day.weekday === 4) weeks.push(`${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`);
  }
  return weeks;
}

/**
 * The instant (epoch ms) an ISO week begins in a time zone: its Monday's local midnight.
 * @example weekStartMs('2026-W47', 'UTC') // Date.parse('2026-11-16T00:00:00Z')
 */
export function weekStartMs(week: IsoWeek, zone: string): number {
  return DateTime.fromISO(weekBounds(week).start, { zone }).toMillis();
}

/** The week before (offset -1) or after (offset 1) a week. */
export function shiftWeek(week: IsoWeek, offset: number): IsoWeek {
  const { start } = weekBounds(week);
  const moved = DateTime.fromISO(start, { zone: 'UTC' }).plus({ weeks: offset });
  return `${moved.weekYear}-W${String(moved.weekNumber).padStart(2, '0')}`;
}

/** Every week from `first` to `last`, both included (compared by their Mondays, never as text). */
export function weekRange(first: IsoWeek, last: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  const lastMonday = dayNumber(weekBounds(last).start);
  for (let week = first; dayNumber(weekBounds(week).start) <= lastMonday; week = shiftWeek(week, 1)) weeks.push(week);
  return weeks;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

// Dates and months are compared and counted as numbers: formatted text sorts wrongly past year 9999
// (luxon writes year 10000 as `+010000-…`), and a loop that compares text may then never end.
/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`expected a date like 2026-11-16, got \`${date}\``);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/**
 * The `YYYY-MM-DD` date of a day number (see dayNumber).
 * @example dateOfDay(1) // '1970-01-02'
 */
export function dateOfDay(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'UTC' }).toISODate()!;
}

/**
 * ISO weekday (1 Monday .. 7 Sunday) of a day number: 1970-01-01 was a Thursday.
 * @example weekdayOfDay(0) // 4
 */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Months since year 0 of a `YYYY-MM` month, so that months compare and count as numbers.
 * @example monthNumber('2026-11') - monthNumber('2025-11') // 12
 */
export function monthNumber(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`expected a month like 2026-11, got \`${month}\``);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * The last day (`YYYY-MM-DD`) of a `YYYY-MM` month.
 * @example lastDateOfMonth('2028-02') // '2028-02-29'
 */
export function lastDateOfMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/**
 * The `YYYY-MM` month of a month number (see monthNumber).
 * @example monthOfNumber(monthNumber('2026-11')) // '2026-11'
 */
export function monthOfNumber(number: number): string {
  return `${String(Math.floor(number / 12)).padStart(4, '0')}-${String((number % 12) + 1).padStart(2, '0')}`;
}

/**
 * The `YYYY-MM` month `offset` months from `month`.
 * @example shiftMonth('2026-01', -1) // '2025-12'
 */
export function shiftMonth(month: string, offset: number): string {
  return monthOfNumber(monthNumber(month) + offset);
}
