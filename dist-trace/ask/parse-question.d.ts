import { type AskMetric } from './metric-catalog.js';
import { type TimeScope } from './time-expressions.js';
export type Dimension = 'team' | 'task_type' | 'user';
/** A threshold the question compares against, in the metric's own unit (rates as fractions). */
export interface Comparison {
    op: '>' | '>=' | '<' | '<=';
    value: number;
    /** `overall`: against the all-teams value of the same metric and period ("under-perform", "below average"). */
    unit: 'pts' | 'rate' | 'hours' | 'count' | 'minutes' | 'number' | 'overall';
    text: string;
}
export interface Ranking {
    /** `desc`: highest first. */
    order: 'desc' | 'asc';
    limit: number;
    text: string;
}
/** Which way a change was asked about: "dipped" (down), "grew" (up), "changed" (any). */
export type Movement = 'down' | 'up' | 'any';
/** What the question asks, in terms of the metric tables. */
export interface Interpretation {
    metric: AskMetric;
    /** What to list: "which teams", "task types", "users"; null for one number. */
    dimension: Dimension | null;
    teams: string[];
    taskTypes: string[];
    comparison: Comparison | null;
    ranking: Ranking | null;
    movement: Movement | null;
    time: TimeScope;
    /** "how many teams …": answer with the count. */
    countOnly: boolean;
    /** Capitalised words that look like a team or task type but match none in the data (never guessed at). */
    unknownNames: string[];
    /** Time words no time rule could read ("yesterday", "Q3", "2025"): refused rather than ignored. */
    unknownTime: string[];
    /** "versus last week", "higher than last month": the period against the one before it, and the way asked about. */
    versus: Versus | null;
    /** "did any team …", "is anyone …" (any); "did everyone …" (every): answers start with Yes or No. */
    existence: 'any' | 'every' | null;
    /** A yes/no question ("is uptake rising?", "has Procurement's adoption dropped?"). */
    yesNo: boolean;
}
/** A comparison with the period before: which grain, and which way the question expects it to have gone. */
export interface Versus {
    unit: 'week' | 'month';
    direction: 'up' | 'down' | null;
}
/** The vocabulary a question is parsed against: the names in the data and the report week. */
export interface AskVocabulary {
    teams: string[];
    taskTypes: string[];
    reportWeek: string;
    /** First week holding data: "trend" without a time means from here. */
    firstWeek?: string;
}
/** Words that never name a team or task type by a typo or an abbreviation. */
export declare function reservedWords(): Set<string>;
/**
 * Parses a question against the data's names, deterministically; null when no metric can be found
 * (then the caller suggests questions instead of guessing).
 * @example parseQuestion('which teams dipped more than 10 points last week', { teams: ['Finance'], taskTypes: [], reportWeek: '2026-W47' })?.metric.id // 'delta_pts'
 */
export declare function parseQuestion(question: string, vocabulary: AskVocabulary): Interpretation | null;
