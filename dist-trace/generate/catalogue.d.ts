export declare const TEAMS: readonly ["Finance", "Procurement", "Sales Ops", "Legal", "HR", "Engineering"];
/**
 * The planted story's defaults (each an option of `uptake generate`): users added on top of `--users`
 * for the people KPIs, harmful outputs, blind spots and the gap.
 */
export declare const STORY_DEFAULTS: {
    /** Licensed users of `IDLE_SEAT_TEAM` who never use the AI tool (they work manually). */
    readonly idleSeats: 4;
    /** Users of `LATE_STARTER_TEAM` whose first AI task comes weeks after their licence; the first one starts in the last week. */
    readonly lateStarters: 2;
    /** Users of `LAPSED_TEAM` who use the AI tool, then stop more than four weeks before the end. */
    readonly lapsed: 2;
    /** Users of `SMALL_TEAM`, a team below the default privacy threshold (5); 0 for none. */
    readonly smallTeam: 3;
    /** Completed AI tasks made harmful in every week. */
    readonly harmfulPerWeek: 1;
    /** Licensed users whose roster counts AI tasks the logs miss (logging coverage below 0.8). */
    readonly blindSpots: 2;
    /** Whether one team's AI tasks of one busy weekday of the last week go unlogged (a gap). */
    readonly gap: true;
};
export type StoryOptions = {
    -readonly [K in keyof typeof STORY_DEFAULTS]: (typeof STORY_DEFAULTS)[K] extends boolean ? boolean : number;
};
/** The team below the privacy threshold; it behaves like Finance. */
export declare const SMALL_TEAM = "Internal Audit";
/** Base-team indexes the people story's users join (taken modulo `--teams`): Legal, HR, HR. */
export declare const IDLE_SEAT_TEAM = 3;
export declare const LATE_STARTER_TEAM = 4;
export declare const LAPSED_TEAM = 4;
/** Blind spots, in order: [base team, member number]; past six, the list again three members further. */
export declare const BLIND_SPOT_SLOTS: Array<[string, number]>;
/** Most teams `--teams` can name. */
export declare const MAX_TEAMS: number;
/**
 * The name of team number `index`: the six base teams, then each again per region. An extra team
 * behaves like its base team (task mix, adoption plan, accuracy); the planted story stays with the base six.
 * @example simulatedTeamName(7) // 'Procurement EMEA'
 */
export declare function simulatedTeamName(index: number): string;
/** The base team whose profile a (possibly regional) team follows. */
export declare function baseTeamOf(team: string): (typeof TEAMS)[number];
/** Zones chosen so the range crosses the EU (Oct 25) and US (Nov 1) DST changes of 2026, and Sydney's (Oct 4). */
export declare const ZONES: readonly ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "UTC"];
/**
 * Canonical task types with the typical manual minutes and an abbreviation whose tokens are
 * prefixes of the canonical tokens. No canonical label abbreviates another one.
 */
export declare const TASK_TYPES: Record<string, {
    manualMinutes: number;
    abbreviation: string;
    prompt: string;
}>;
/** Which task types each team does, with weights. */
export declare const TEAM_TASK_MIX: Record<string, Array<[string, number]>>;
/** Share of a licensed user's tasks done with the AI tool: first week -> week before last. */
export declare const ADOPTION_PLAN: Record<string, [number, number]>;
/** Last-week changes to the plan: Procurement dips; Legal's share rises to offset its unlogged gap day. */
export declare const LAST_WEEK_ADOPTION_CHANGE: Record<string, number>;
/** Chance that a completed AI task's accuracy is on target (>= 0.9), per team. */
export declare const ON_TARGET_SHARE: Record<string, number>;
/** Sales Ops' accuracy falls over the last three weeks (the month of the report week). */
export declare const SALES_OPS_LAST_WEEKS_ON_TARGET: number[];
export declare const HOSTILE_PROMPTS: string[];
export declare const STATUS_WORDS: Record<'completed' | 'abandoned' | 'error', Array<[string, number]>>;
export declare const TRUE_WORDS: string[];
export declare const FALSE_WORDS: string[];
export declare const CLIENT_OS: string[];
export declare const TOOL_VERSIONS: string[];
