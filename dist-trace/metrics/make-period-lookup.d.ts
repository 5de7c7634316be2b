/** The periods an instant falls in, in the report time zone. */
export interface LocalPeriods {
    /** ISO week, e.g. `2026-W47`. */
    week: string;
    /** Calendar month, e.g. `2026-11`. */
    month: string;
    /** Calendar date, e.g. `2026-11-18`. */
    date: string;
}
/**
 * A fast, exact replacement for calling luxon per row: instant -> week, month and date in `zone`.
 * @example makePeriodLookup('UTC')(Date.UTC(2026, 10, 22, 23)).week // '2026-W47'
 */
export declare function makePeriodLookup(zone: string): (epochMs: number) => LocalPeriods;
