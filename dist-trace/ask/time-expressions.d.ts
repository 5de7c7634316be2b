/**
 * The period a question is about, relative to the report week (the latest complete week).
 * `default` means the question named none: each metric uses its own (the report week, or its month).
 */
export type TimeScope = {
    kind: 'default';
} | {
    kind: 'week';
    week: string;
    phrase: string;
} | {
    kind: 'month';
    month: string;
    phrase: string;
} | {
    kind: 'range';
    fromWeek: string;
    toWeek: string;
    fromMonth: string;
    toMonth: string;
    phrase: string;
};
export interface ParsedTime {
    scope: TimeScope;
    /** Indices of the question words the expression used. */
    used: number[];
}
/** The month a week is reported under: the month holding its Sunday (as the report's month-grain tables). */
export declare function monthOfWeek(week: string): string;
/** ISO weeks whose Thursday falls in a month: the weeks a month's weekly numbers add up over. */
export declare function weeksOfMonth(month: string): string[];
/**
 * Finds the time expression of a question (words from textTokens), relative to the report week:
 * "last week"/"this week" = the report week; "this month" = the month of its Sunday; "in October",
 * "in 2026-W45", "since W40", "over the last 4 weeks", "from W40 to W44", "last month", "the week before".
 * @example parseTimeExpression(['since', 'w40'], '2026-W47').scope // { kind: 'range', fromWeek: '2026-W40', toWeek: '2026-W47', … }
 */
export declare function parseTimeExpression(words: string[], reportWeek: string): ParsedTime;
