import { type ValueUnit } from './format-values.js';
import type { MetricsSource } from './metrics-source.js';
import type { Interpretation } from './parse-question.js';
/** A cell of an answer's evidence table (raw values; rates as fractions). */
export type AskCell = string | number | boolean | null;
/** The table behind an answer; `units` says how each column prints. */
export interface AskTable {
    columns: string[];
    units: ValueUnit[];
    rows: AskCell[][];
}
/** What an answer is made of before the engine adds the question and the weeks read. */
export interface AnswerBody {
    interpretation: string;
    answer: string;
    table: AskTable;
    /** False when the question cannot be answered from these tables (the engine then suggests questions). */
    answered: boolean;
    /** The weeks the answer covers, when they are not just the documents read. */
    weeks?: string[];
}
/**
 * Answers a parsed question from the metric documents: one sentence and the rows behind it.
 * Suppressed groups are never named in lists; a group asked for by name is reported as suppressed.
 * @example answerQuestion(parseQuestion('top 3 teams by adoption', vocabulary)!, source).answer
 */
export declare function answerQuestion(interpretation: Interpretation, source: MetricsSource): AnswerBody;
/** One alert as `uptake serve` lists it. */
export interface WeekAlert {
    severity: string;
    rule: string;
    team: string | null;
    message: string;
}
/**
 * The report week's alerts, those of suppressed teams left out (as answers leave them out).
 * @example weekAlerts(source)[0].message // 'Procurement: adoption fell 22.0 points from 2026-W46 to 2026-W47 (55.6% -> 33.6%)'
 */
export declare function weekAlerts(source: MetricsSource): WeekAlert[];
/** The report week's headline numbers (also what `uptake serve` shows at the top). */
export interface Headline {
    week: string;
    adoption_rate: number | null;
    delta_pts: number | null;
    hours_saved: number | null;
    asi: number | null;
    asi_month: string;
    harm_rate: number | null;
    alerts: number;
}
/**
 * The report week's headline numbers, from the all-teams rows.
 * @example headline(source).adoption_rate // 0.513
 */
export declare function headline(source: MetricsSource): Headline;
