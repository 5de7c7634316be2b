import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
/** The week a report is about, with the dates every KPI needs. */
export interface ReportWeek {
    /** ISO week label, e.g. `2026-W47`. */
    week: string;
    /** Monday, `YYYY-MM-DD`. */
    start: string;
    /** Sunday, `YYYY-MM-DD`. */
    end: string;
    thursday: string;
    /** The ISO week before, for week-over-week deltas. */
    previous: string;
    /** Month holding the week's Sunday: the last month of month-grain tables. */
    month: string;
    /** Month holding the week's Thursday: the roster month for user adoption. */
    rosterMonth: string;
    /** The report time zone the week's days are in (`config.timezone`). */
    zone: string;
    /** Whether it was asked for as `latest` (the last complete week) rather than by name. */
    latest: boolean;
}
/**
 * Turns `--week` (`YYYY-Www` or `latest`) into the report week: the one place a week is resolved (the
 * composition, loadReport, calls it once and passes the result on). `latest` is the last week holding
 * tasks whose Sunday is on or before the last loaded date and before the run's clock (`data.asOf`, its
 * date in the report time zone); any other value must name a week that holds at least one task (weeks
 * in the report time zone).
 * @example resolveWeek(data, config, 'latest').week // '2026-W47'
 */
export declare function resolveWeek(data: CleanedData, config: Config, week: string): ReportWeek;
/**
 * resolveWeek for data whose tasks are not all loaded (a store of cleaned weeks): the weeks holding tasks, the
 * loaded dates and the run's clock given instead.
 * @example resolveWeekOf(['2026-W46', '2026-W47'], { first: '2026-11-09', last: '2026-11-23' }, Date.now(), config, 'latest').week
 */
export declare function resolveWeekOf(weeks: string[], loadedDates: CleanedData['loadedDates'], asOf: number, config: Config, week: string): ReportWeek;
