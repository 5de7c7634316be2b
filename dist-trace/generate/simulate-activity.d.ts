import type { LogSource } from '../clean/types.js';
import { type StoryOptions } from './catalogue.js';
import type { ReferenceRosterRow, ReferenceTask } from './types.js';
export type TimestampFormat = 'iso_z' | 'iso_z_ms' | 'offset' | 'naive' | 'naive_iso' | 'epoch_s' | 'epoch_ms';
/** One raw log row as it will be written (the same object is written to every file it lands in). */
export interface RawRow {
    source: LogSource;
    id: string;
    userId: string;
    teamCell: string;
    label: string;
    /** True start and end instants (end null = unknown); written swapped when `swapped`. */
    start: number;
    end: number | null;
    /** Value of a duration column (normally end - start). */
    durationColumnMs: number | null;
    swapped: boolean;
    format: TimestampFormat;
    zone: string;
    /** Raw text written instead of the formatted start (quarantine, skipped DST time). */
    startText?: string;
    statusWord: string;
    accuracyMilli: number | null;
    harmfulCell: string;
    prompt: string;
    toolVersion: string;
    clientOs: string;
    quarantine: string | null;
    extraField: boolean;
    /** Removed by retry de-duplication (a worse or later row of an attempt). */
    retryDuplicate: boolean;
    /** Written twice in a row in each file it lands in (an export glitch). */
    duplicateInFile: boolean;
    /** Row belongs to a stitched task with more than one row. */
    fragment: boolean;
}
export interface SimulatedUser {
    userId: string;
    team: string;
    zone: string;
    licensed: boolean;
    affinity: number;
    accumulator: number;
    weekendWorker: boolean;
    blindSpot: boolean;
    powerUser: boolean;
    special: boolean;
    /** Role in the people story; 'regular' users come from `--users` and draw from the main random stream. */
    role: 'regular' | 'idle_seat' | 'late_starter' | 'lapsed' | 'small_team';
    /** Weeks (indexes) in which the user may use the AI tool. */
    aiFromWeek: number;
    aiUntilWeek: number;
    /** First licensed month (null: every month, when `licensed`). */
    licensedFrom: string | null;
    started: boolean;
}
export interface SimulatedActivity {
    weekLabels: string[];
    rangeStart: number;
    rangeEnd: number;
    users: SimulatedUser[];
    tasks: ReferenceTask[];
    /** Distinct rows made that end up in a task (not quarantined, not a retry duplicate), per source. */
    taskRowsMade: Record<LogSource, number>;
    roster: ReferenceRosterRow[];
    /** The roster row written with a blank user_id (quarantined). */
    rosterQuarantine: ReferenceRosterRow[];
    story: Record<string, unknown>;
}
/** The rows of one weekly export of each log source, in file order (quarantined rows included). */
export type WeekRows = Record<LogSource, RawRow[]>;
/**
 * Simulates the organisation's weeks day by day: every clean task (the truth) and every raw row
 * the exports hold for it, defects included. Each weekly export is handed to `onWeek` as soon as
 * it is complete, so memory holds about a week of rows, not the whole set.
 * @example simulateActivity({ seed: 1, users: 60, weeks: 8, endWeek: '2026-W47' }, (week, rows) => write(week, rows)).tasks.length
 */
export declare function simulateActivity(options: {
    seed: number;
    users: number;
    weeks: number;
    endWeek: string;
    teams?: number;
} & Partial<StoryOptions>, onWeek: (weekIndex: number, rows: WeekRows) => void): SimulatedActivity;
