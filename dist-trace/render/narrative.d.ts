import type { MetricsDocument } from '../metrics/document.js';
export interface NarrativeOptions {
    /** A change smaller than this many points reads "held steady" (default 1). */
    adoptionSteadyPts?: number;
    /** A team at or below this delta is always named (default: the adoption_drop rule, -10). */
    adoptionDropPts?: number;
    /** Coverage threshold quoted for blind spots (default: the document's, else 0.8). */
    coverageThreshold?: number;
    /** Teams named for their adoption move besides those past the drop line (default 2). */
    maxTeamMoves?: number;
}
export interface HeadlineKpi {
    label: string;
    value: string;
    detail: string;
    /** Which way the figure moved against the period before (`flat` within the steady band). */
    direction?: 'up' | 'down' | 'flat';
    /** Whether that is good news: shown in colour-blind-safe blue (better) or vermillion (worse). */
    tone?: 'better' | 'worse' | 'neutral';
}
/**
 * Escapes data text for markdown that may also be read as HTML: markdown punctuation gets
 * a backslash, then `& < > " '` become entities.
 * @example escapeMarkdown('<script>') // '&lt;script&gt;'
 */
export declare function escapeMarkdown(text: string): string;
/**
 * A rate (fraction) as a whole percent; null reads "not measurable (no tasks)".
 * @example formatPercent(0.4132) // '41 %'
 */
export declare function formatPercent(rate: number | null | undefined): string;
/**
 * A number with one decimal (points, hours), never "-0.0".
 * @example formatOneDecimal(-16.44) // '-16.4'
 */
export declare function formatOneDecimal(value: number): string;
/**
 * The teams the narrative names for their adoption move (the trend chart highlights them).
 * @example namedTeams(doc) // ['Procurement', 'Engineering', 'HR']
 */
export declare function namedTeams(doc: MetricsDocument, options?: NarrativeOptions): string[];
/**
 * The people sentences (new users, retention, usage tiers, idle seats), each only when there is
 * something to say, as markdown.
 * @example peopleSentences(doc) // ['3 licensed users used AI for the first time this week ...']
 */
export declare function peopleSentences(doc: MetricsDocument): string[];
/**
 * The report's narrative as markdown paragraphs, every sentence computed from the document:
 * adoption and its moves, outcomes (accuracy stability, time saved, harm), who uses it (users,
 * the per-user view, power users), people (new users, retention, usage tiers, idle seats), then data caveats. Data text (team names, user ids) is
 * escaped; suppressed rows are never named; a paragraph with nothing to say is left out.
 * @example buildNarrative(doc)[0] // 'Adoption rose 2.3 points to 41 %; Procurement dipped 16.4 points.'
 */
export declare function buildNarrative(doc: MetricsDocument, options?: NarrativeOptions): string[];
/**
 * What to keep in mind reading the week's figures, as markdown sentences: possible data gaps,
 * logging blind spots, quarantined rows, ids whose copies disagreed, blank licence figures; null when there is nothing.
 * @example dataCaveats(doc) // 'Possible data gaps (days with no tasks where that weekday usually has several): ...'
 */
export declare function dataCaveats(doc: MetricsDocument, options?: NarrativeOptions): string | null;
/**
 * The three to five sentences a manager reads first (page 1 and the email), as markdown: adoption
 * and its moves, accuracy, harm when there was any, time saved, then who uses it.
 * @example keyPoints(doc).length // 4
 */
export declare function keyPoints(doc: MetricsDocument, options?: NarrativeOptions): string[];
/**
 * Headline KPIs for page 1, the email and chat messages, as plain (unescaped) text, each with the
 * direction it moved against the period before and whether that is better or worse: adoption
 * (against last week), hours saved this week (against last week) and to date, ASI (against the
 * month before), harm rate, alerts.
 * @example headlineKpis(doc)[0] // { label: 'Adoption', value: '41 %', detail: '-2.3 pts vs last week; 120 of 293 tasks used AI', direction: 'down', tone: 'worse' }
 */
export declare function headlineKpis(doc: MetricsDocument, options?: NarrativeOptions): HeadlineKpi[];
