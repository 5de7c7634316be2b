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

/** The week before (offset -1) or after (offset 1) a week. */
export function shiftWeek(week: IsoWeek, offset: number): IsoWeek {
  const { start } = weekBounds(week);
  const moved = DateTime.fromISO(start, { zone: 'UTC' }).plus({ weeks: offset });
  return `${moved.weekYear}-W${String(moved.weekNumber).padStart(2, '0')}`;
}

/** Every week from `first` to `last`, both included. */
export function weekRange(first: IsoWeek, last: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let week = first; week <= last; week = shiftWeek(week, 1)) weeks.push(week);
  return weeks;
}
