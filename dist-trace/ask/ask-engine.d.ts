import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { type AskTable, type Headline, type WeekAlert } from './answer-question.js';
import { type MetricsSource, type ResolvedReport } from './metrics-source.js';
/** One answer: a sentence and its evidence table, or (answered: false) the closest questions that work. */
export interface AskAnswer {
    question: string;
    answered: boolean;
    /** How the question was read, in words, e.g. `change in adoption by team, 2026-W47, only those below -10.0 pts`. */
    interpretation: string;
    answer: string;
    table: AskTable;
    /** The weeks the answer covers (week-grain metrics), else the weeks whose metric documents it read. */
    weeks: string[];
    /** Example questions close to an unanswered one (empty when answered). */
    suggestions: string[];
}
export interface AskEngine {
    source: MetricsSource;
    ask(question: string): AskAnswer;
    /** The documented example questions, with names from this data. */
    examples(): string[];
    headline(): Headline;
    /** The report week's alerts (suppressed teams' left out). */
    alerts(): WeekAlert[];
}
/**
 * An engine over cleaned data: parses questions deterministically and answers them from the metric
 * documents of the weeks they need (each computed once). `report` is the report week and its metrics as
 * loadReport gave them; without it, `week` (`latest` by default) is resolved here.
 * @example createAskEngine(data, config).ask('which teams dipped more than 10 points last week').answer
 */
export declare function createAskEngine(data: CleanedData, config: Config, options?: {
    week?: string;
    report?: ResolvedReport;
}): AskEngine;
