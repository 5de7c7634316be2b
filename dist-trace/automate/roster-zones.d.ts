import type { RosterZones } from '../clean/read-log-file.js';
import { type InputLimits } from '../ingest/input-limits.js';
export type { RosterZones } from '../clean/read-log-file.js';
/**
 * The users' zones per month, read from the user_monthly_summary files at the top of `dir` by the
 * cleaning's own roster reader (so naive times are placed as the run will place them). A file that
 * cannot be read (or is over `limits`) is left out: the report run explains it.
 * @example (await rosterZones('incoming')).get('u004')?.get('2026-11') // 'Australia/Sydney'
 */
export declare function rosterZones(dir: string, limits?: InputLimits): Promise<RosterZones>;
