import type { ColumnTable } from 'arquero';
import type { KpiContext, Row, WeekFacts } from './kpi.js';
/** One roster row as the people KPIs read it. */
export interface RosterEntry {
    team: string | null;
    licensed: boolean;
}
/**
 * What the people KPIs (activation, retention, usage tiers, idle seats) share, computed once per context.
 * A person is a `user_id` as cleaned; only completed AI tasks count.
 */
export interface PeopleFacts {
    /** Roster rows by month, then user. A month absent here has no roster at all: its licence figures are null. */
    roster: Map<string, Map<string, RosterEntry>>;
    /** The users listed as licensed per roster month, in roster order (a month with rows but none licensed: absent). */
    licensedByMonth: Map<string, string[]>;
    /** The first month each user is listed as licensed. */
    firstLicensedMonth: Map<string, string>;
    /** Start (epoch ms) of each user's first AI task over all loaded data. */
    firstAiTask: Map<string, number>;
    /** AI tasks per week label, then per user. */
    aiTasksByWeek: Map<string, Map<string, number>>;
    /** Users with an AI task per month label. */
    activeByMonth: Map<string, Set<string>>;
    /** Per week or month label: the team of each active user's last AI task in it. */
    lastTeam: Map<string, Map<string, string | null>>;
    /** Start (epoch ms) of each user's last AI task, and its team. */
    lastAiTask: Map<string, {
        startedAt: number;
        team: string | null;
    }>;
    /** Weeks and months holding any task, up to the report week (months: up to the report week's month), sorted. */
    weeks: string[];
    months: string[];
}
/**
 * The roster and every user's AI tasks by period, read once for all people KPIs from the facts (peopleWeekFacts).
 * @example peopleFacts(context).firstAiTask.get('u001') // 1763283600000
 */
export declare const peopleFacts: (context: KpiContext) => PeopleFacts;
/**
 * The people KPIs' facts (activation, retention, usage tiers and idle seats share them, and coverage its logged AI
 * tasks): per week and user with an AI task, its AI tasks, first and last start and the last one's team
 * (people_user_weeks); the AI tasks and the last one per week, month and user (people_user_months: a month spans
 * weeks); and the tasks of any kind per week and month (task_periods: which weeks and months hold data). Equal starts
 * fall in one week, so "the later row" never spans two weeks.
 * @example peopleWeekFacts(enrichTasks(tasks, config)).people_user_weeks[0] // { week, user_id, ai_tasks, first_start, last_start, last_team }
 */
export declare function peopleWeekFacts(tasks: ColumnTable): WeekFacts;
/** The roster month of a week: the month holding its Thursday (as user_adoption_rate). */
export declare function rosterMonthOf(week: string): string;
/**
 * Users licensed in a roster month (in roster order), or null when the roster has no row at all for that month.
 * @example licensedUsersIn(peopleFacts(context), '2026-11') // ['u001', 'u002', ...]
 */
export declare function licensedUsersIn(facts: PeopleFacts, month: string): readonly string[] | null;
/**
 * A person's team for a period, for the people of one period: the roster team of the period's roster month, else
 * the team of their last AI task in the period, else null (counted only in the all-teams row).
 * @example const teamOf = teamsInPeriod(facts, '2026-W47', '2026-11'); teamOf('u001') // 'Finance'
 */
export declare function teamsInPeriod(facts: PeopleFacts, period: string, rosterMonth: string): (user: string) => string | null;
/** Midnight in the report zone starting a `YYYY-MM-DD` day, as epoch ms. */
export declare function startOfDay(date: string, zone: string): number;
/** Counts people per team and in the all-teams row "*": teams in first-seen order after "*". */
export declare class TeamTally {
    readonly members: Map<string, Set<string>>;
    add(user: string, team: string | null): void;
    /** Users of a team ("*": everyone); an empty set for a team never seen. */
    of(team: string): Set<string>;
}
/**
 * Privacy for the people tables: a team row (not "*") whose people count is below privacy.minGroupSize keeps
 * its keys, gets `suppressed: true` and null measures; other rows get `suppressed: false`.
 * @example suppressPeople({ team: 'Legal', idle_seats: 1 }, ['team'], 3, 5) // { team: 'Legal', idle_seats: null, suppressed: true }
 */
export declare function suppressPeople(row: Row, keys: string[], people: number, minimum: number): Row;
/** Rounds to one decimal (days to first AI task). */
export declare function oneDecimal(value: number): number;
