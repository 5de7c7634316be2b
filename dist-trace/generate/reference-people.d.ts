import type { ReferenceRosterRow, ReferenceTask } from './types.js';
/** Settings of the people KPIs the truth is computed with (the config defaults). */
export declare const DEFAULT_PEOPLE_SETTINGS: {
    readonly timezone: "UTC";
    readonly idleWeeks: 4;
    readonly tiers: {
        readonly light: 5;
        readonly moderate: 20;
    };
};
/** `activation_by_week` / `activation_by_month`: one row per period and team (`*` first). */
export interface ReferenceActivationRow {
    team: string;
    /** Licensed users of the period's roster month; null (like every field below) when the roster lacks that month. */
    licensed_users: number | null;
    new_ai_users: number | null;
    activation_rate: number | null;
    median_days_to_first_ai_task: number | null;
}
export interface ReferenceRetentionRow {
    cohort_month: string;
    team: string;
    cohort_users: number;
    /** Share of the cohort active in the month after; null when that month is not fully loaded. */
    retained_m1: number | null;
    retained_m2: number | null;
}
export interface ReferenceActiveRetentionRow {
    month: string;
    team: string;
    active_users: number;
    /** Of them, active in the next month; null (both) when the next month is not fully loaded. */
    retained_users: number | null;
    active_retention: number | null;
}
export interface ReferenceUsageTierRow {
    week: string;
    team: string;
    /** Licensed users of the roster month plus anyone with an AI task that week; null (with `none` and the shares) when the roster lacks that month. */
    people: number | null;
    none: number | null;
    light: number;
    moderate: number;
    heavy: number;
    none_share: number | null;
    light_share: number | null;
    moderate_share: number | null;
    heavy_share: number | null;
}
export interface ReferenceIdleSeatsRow {
    week: string;
    team: string;
    licensed_users: number | null;
    idle_seats: number | null;
    idle_share: number | null;
    /** Always null here: the truth is computed without `licences.monthlyCost`. */
    idle_cost: number | null;
    lapsed_users: number;
}
/** truth.json's `people`: the people KPIs of the end week (and of every loaded week/month before it). */
export interface ReferencePeople {
    settings: {
        timezone: string;
        idle_weeks: number;
        tiers: {
            light: number;
            moderate: number;
        };
        privacy_min_group_size: 0;
        licences_monthly_cost: null;
    };
    report_week: string;
    /** The roster month of the report week (the month holding its Thursday). */
    report_month: string;
    /** The idle-seat window: `idle_weeks` weeks ending with the report week. */
    idle_window: {
        first_week: string;
        last_week: string;
    };
    activation_by_week: Array<ReferenceActivationRow & {
        week: string;
    }>;
    activation_by_month: Array<ReferenceActivationRow & {
        month: string;
    }>;
    retention: ReferenceRetentionRow[];
    active_retention: ReferenceActiveRetentionRow[];
    usage_tiers: ReferenceUsageTierRow[];
    idle_seats: ReferenceIdleSeatsRow[];
    /** The people behind the counts (sorted ids), for tests that name them. */
    idle_seat_users: string[];
    lapsed_users: string[];
    new_ai_users_report_week: string[];
    /** Months with tasks but no roster row at all (licence figures null). */
    roster_missing_months: string[];
}
/**
 * The people KPIs for `reportWeek` (UTC), privacy off.
 * @example computeReferencePeople(activity.tasks, activity.roster, '2026-W47').idle_seats[0].team // '*'
 */
export declare function computeReferencePeople(tasks: ReferenceTask[], roster: ReferenceRosterRow[], reportWeek: string, settings?: {
    idleWeeks: number;
    tiers: {
        light: number;
        moderate: number;
    };
}): ReferencePeople;
