import { UptakeError } from '../errors.js';
import type { InputLimits } from '../ingest/input-limits.js';
import type { RosterZones } from './roster-zones.js';
/** Which ISO weeks a file touches, and how that was found out. */
export interface FileWeeks {
    weeks: string[];
    /** `column`: read from started_at (logs) or month (roster); `file-name`: a week, date or month in the name; `none`: neither. */
    source: 'column' | 'file-name' | 'none';
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
}
/**
 * ISO weeks whose Thursday lies in a calendar month: the weeks a roster month speaks for.
 * @example weeksOfMonth('2026-11') // ['2026-W45', '2026-W46', '2026-W47', '2026-W48']
 */
export declare function weeksOfMonth(month: string): string[];
/**
 * The ISO weeks an input file touches: from `started_at` (ai_logs, manual_logs) or `month`
 * (user_monthly_summary), falling back to a `YYYY-Www`, `YYYY-MM-DD` or `YYYY-MM` in the file name.
 * @example await weeksInFile('incoming/ai_logs_2026-W47.csv', { timezone: 'UTC', defaultTimezone: 'UTC' }) // { weeks: ['2026-W47'], source: 'column' }
 */
export declare function weeksInFile(path: string, options: WeeksInFileOptions): Promise<FileWeeks>;
