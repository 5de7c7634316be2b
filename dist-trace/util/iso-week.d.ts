/** An ISO week label such as `2026-W47`. */
export type IsoWeek = string;
export declare function isIsoWeek(value: string): boolean;
/**
 * The ISO week that holds an instant, in a time zone.
 * @example isoWeekOf(Date.UTC(2026, 10, 22, 23), 'UTC') // '2026-W47'
 */
export declare function isoWeekOf(epochMs: number, zone: string): IsoWeek;
/** Calendar month `YYYY-MM` of an instant in a time zone. */
export declare function monthOf(epochMs: number, zone: string): string;
/** Calendar date `YYYY-MM-DD` of an instant in a time zone. */
export declare function dateOf(epochMs: number, zone: string): string;
/**
 * Monday and Sunday (as `YYYY-MM-DD`) of an ISO week.
 * @example weekBounds('2026-W47') // { start: '2026-11-16', end: '2026-11-22' }
 */
export declare function weekBounds(week: IsoWeek): {
    start: string;
    end: string;
    thursday: string;
};
/**
 * The instant (epoch ms) an ISO week begins in a time zone: its Monday's local midnight.
 * @example weekStartMs('2026-W47', 'UTC') // Date.parse('2026-11-16T00:00:00Z')
 */
export declare function weekStartMs(week: IsoWeek, zone: string): number;
/** The week before (offset -1) or after (offset 1) a week. */
export declare function shiftWeek(week: IsoWeek, offset: number): IsoWeek;
/** Every week from `first` to `last`, both included (compared by their Mondays, never as text). */
export declare function weekRange(first: IsoWeek, last: IsoWeek): IsoWeek[];
/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date.
 * @example dayNumber('1970-01-02') // 1
 */
export declare function dayNumber(date: string): number;
/**
 * The `YYYY-MM-DD` date of a day number (see dayNumber).
 * @example dateOfDay(1) // '1970-01-02'
 */
export declare function dateOfDay(day: number): string;
/**
 * ISO weekday (1 Monday .. 7 Sunday) of a day number: 1970-01-01 was a Thursday.
 * @example weekdayOfDay(0) // 4
 */
export declare function weekdayOfDay(day: number): number;
/**
 * Months since year 0 of a `YYYY-MM` month, so that months compare and count as numbers.
 * @example monthNumber('2026-11') - monthNumber('2025-11') // 12
 */
export declare function monthNumber(month: string): number;
/**
 * The last day (`YYYY-MM-DD`) of a `YYYY-MM` month.
 * @example lastDateOfMonth('2028-02') // '2028-02-29'
 */
export declare function lastDateOfMonth(month: string): string;
/**
 * The `YYYY-MM` month of a month number (see monthNumber).
 * @example monthOfNumber(monthNumber('2026-11')) // '2026-11'
 */
export declare function monthOfNumber(number: number): string;
/**
 * The `YYYY-MM` month `offset` months from `month`.
 * @example shiftMonth('2026-01', -1) // '2025-12'
 */
export declare function shiftMonth(month: string, offset: number): string;
