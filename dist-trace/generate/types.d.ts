import type { InputKind, LogSource, SourceAccounting, TaskStatus } from '../clean/types.js';
import type { StoryOptions } from './catalogue.js';
import type { ReferencePeople } from './reference-people.js';
import type { AccuracyStabilityRow, AdoptionByTaskTypeRow, AdoptionByTeamRow, AdoptionTrendRow, GapRow, HarmRow, LoggingCoverageRow, TimeSavedRow } from '../metrics/document.js';
/** Options of `uptake generate` and `generateDataset`; the story options default to `STORY_DEFAULTS`. */
export interface GenerateOptions extends Partial<StoryOptions> {
    /** Seed of the random source; the same options give byte-identical files. */
    seed: number;
    /** Users on the roster (about one in ten unlicensed). */
    users: number;
    /** Weeks of logs, ending with `endWeek`. */
    weeks: number;
    /** Teams (default 6); past the six base teams, regional copies of them ("Finance EMEA"). */
    teams?: number;
    /** Last ISO week of the data, e.g. `2026-W47`. */
    endWeek: string;
    /** Progress messages (the CLI sends them to stderr). */
    onProgress?: (message: string) => void;
}
/** One cleaned task as a correct pipeline must see it: the reference metrics' input. */
export interface ReferenceTask {
    source: LogSource;
    taskId: string;
    userId: string;
    /** Roster spelling; null when the user has no roster row. */
    team: string | null;
    taskType: string;
    /** Epoch ms (UTC) of the task's first row. */
    startedAt: number;
    /** Null when unknown or above the maximum duration. */
    durationMs: number | null;
    status: TaskStatus;
    accuracy: number | null;
    harmful: boolean | null;
}
/** One usable roster row (user and month). */
export interface ReferenceRosterRow {
    userId: string;
    team: string;
    month: string;
    timezone: string;
    licensed: boolean | null;
    tasksTotal: number | null;
    aiTasksTotal: number | null;
}
/** Thresholds of CONTRACT section 3 the reference metrics use (the config defaults). */
export interface ReferenceSettings {
    timezone: string;
    accuracyTarget: number;
    coverageThreshold: number;
    gapMinMedian: number;
    powerUserPercentile: number;
}
/** The section-4 tables the truth holds for one report week (alerts are not part of it). */
export interface ReferenceTables {
    adoption_by_team: Array<AdoptionByTeamRow & {
        abandonment_rate: number | null;
        user_weighted_adoption_rate: number | null;
        users: number;
    }>;
    adoption_by_task_type: Array<AdoptionByTaskTypeRow & {
        team: '*';
    }>;
    adoption_trend: AdoptionTrendRow[];
    time_saved: TimeSavedRow[];
    accuracy_stability: AccuracyStabilityRow[];
    harm: HarmRow[];
    logging_coverage: LoggingCoverageRow[];
    gaps: GapRow[];
    power_users: Array<{
        week: string;
        user_id: string;
        team: string | null;
        ai_tasks: number;
    }>;
}
/** `truth.json`: what a correct pipeline must report on the generated files. */
export interface GroundTruth {
    seed: number;
    /** The options that made the set (story options only where they differ from their defaults). */
    options: {
        users: number;
        weeks: number;
        seed: number;
        end_week: string;
        teams?: number;
    } & Partial<StoryOptions>;
    end_week: string;
    settings: ReferenceSettings & {
        privacy_min_group_size: 0;
    };
    loaded_dates: {
        first: string;
        last: string;
    } | null;
    accounting: Record<InputKind, SourceAccounting>;
    quarantine_by_reason: Record<string, number>;
    quarantine_by_source: Record<InputKind, Record<string, number>>;
    repairs: {
        clock_skew: number;
    };
    repairs_by_source: Record<LogSource, {
        clock_skew: number;
    }>;
    /** Median manual minutes per task type, per report week. */
    baselines: Record<string, Record<string, number>>;
    weeks: Record<string, ReferenceTables>;
    /** The people KPIs (issue #24, the lead's people definitions) per report week (the last two, as `weeks`), privacy off. */
    people: Record<string, ReferencePeople>;
    /** The planted story, for people reading the sample. */
    story: Record<string, unknown>;
}
/** One file of the generated set. */
export interface GeneratedFile {
    name: string;
    kind: InputKind;
    /** Data rows (records) in the file, header excluded. */
    rows: number;
    content: Uint8Array;
}
export interface GeneratedDataset {
    files: GeneratedFile[];
    truth: GroundTruth;
    readme: string;
}
