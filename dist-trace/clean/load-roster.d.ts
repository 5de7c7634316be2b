import type { InputFile } from '../ingest/discover-files.js';
import { type InputLimits } from '../ingest/input-limits.js';
import type { FileReport, QuarantineRecord, SourceAccounting } from './types.js';
export interface RosterEntry {
    userId: string;
    team: string | null;
    month: string;
    timezone: string | null;
    licensed: boolean | null;
    tasksTotal: number | null;
    aiTasksTotal: number | null;
}
/** The roster, indexed the ways cleaning needs it. */
export interface Roster {
    entries: RosterEntry[];
    byUserMonth: Map<string, RosterEntry>;
    /** Lower-cased, space-collapsed team name -> the roster's spelling. */
    teamSpelling: Map<string, string>;
    accounting: SourceAccounting;
    files: FileReport[];
    quarantine: QuarantineRecord[];
    /** Users with more than one team in one month: the first team in input order is kept. */
    conflicts: RosterConflict[];
}
/** A user given two or more teams for one month (CONTRACT 2.8), as the validate report names it. */
export interface RosterConflict {
    user_id: string;
    month: string;
    /** The teams as written, each once, in input order; the first is kept. */
    teams: string[];
}
export declare const rosterKey: (userId: string, month: string) => string;
export declare const teamKey: (team: string) => string;
/**
 * Reads every user_monthly_summary file; (user, month) repeated across files is one entry, the most complete.
 * @example const roster = await loadRoster(files.filter((f) => f.kind === 'user_monthly_summary'), onUnreadable, console.error)
 */
export declare function loadRoster(files: InputFile[], onUnreadableOptional: (column: string) => void, onProgress?: (message: string) => void, limits?: InputLimits): Promise<Roster>;
