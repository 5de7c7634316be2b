import type { LogSource } from '../clean/types.js';
import type { RawRow, SimulatedActivity } from './simulate-activity.js';
import type { GeneratedFile } from './types.js';
/**
 * RFC 4180 field: quoted when it holds a comma, quote, line break or edge whitespace.
 * @example csvField('say "hi", twice') // '"say ""hi"", twice"'
 */
export declare function csvField(value: string): string;
/**
 * One weekly export of a log source, in that week's dialect.
 * @example renderLogFile('ai_logs', 0, '2026-W40', rows).name // 'ai_logs_2026-W40.csv'
 */
export declare function renderLogFile(source: LogSource, weekIndex: number, week: string, rows: RawRow[]): GeneratedFile;
/**
 * The monthly roster files; the quarantined roster rows sit in the middle of their month's file.
 * @example renderRosterFiles(activity).map((file) => file.name) // ['user_monthly_summary_2026-09.csv', ...]
 */
export declare function renderRosterFiles(activity: Pick<SimulatedActivity, 'roster' | 'rosterQuarantine'>): GeneratedFile[];
