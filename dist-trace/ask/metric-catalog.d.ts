/** What `uptake ask` can answer about: the registry's KPIs, their columns, and a few report tables. */
export type AskMetricId = 'adoption_rate' | 'delta_pts' | 'user_adoption_rate' | 'ai_users' | 'licensed_users' | 'user_weighted_adoption_rate' | 'abandonment_rate' | 'ai_tasks' | 'manual_tasks' | 'manual_share' | 'hours_saved' | 'cumulative_hours_saved' | 'asi' | 'harm_rate' | 'coverage' | 'blind_spots' | 'gaps' | 'alerts' | 'power_users' | 'baseline_min' | 'summary' | 'activation' | 'new_ai_users' | 'median_days_to_first_ai_task' | 'retention' | 'active_retention' | 'usage_tiers' | 'non_users' | 'idle_seats' | 'idle_share' | 'idle_cost' | 'lapsed_users'
/** A registry KPI with no entry in the catalogue: askable by its title, id and synonyms. */
 | (string & {});
export interface AskMetric {
    id: AskMetricId;
    /** The registry KPI it comes from (its title joins the synonyms). */
    kpi?: string;
    /** How answers name it. */
    label: string;
    /** Phrases that name it in a question: KPI_SYNONYMS and the registry title and id. */
    synonyms: string[];
    unit: 'rate' | 'pts' | 'hours' | 'count' | 'minutes' | 'list';
    /** Which way is good: rankings by "best"/"worst" follow it. */
    higherIsBetter: boolean;
}
/** A phrase of a metric, as words. */
export interface MetricPhrase {
    metric: AskMetric;
    words: string[];
}
/**
 * Every askable metric with its phrases: its KPI_SYNONYMS entry plus the registry title and id of its KPI.
 * A registry KPI the list above does not know is askable too (its value per team, from its own table).
 * @example askMetrics().find((metric) => metric.id === 'asi')?.synonyms.includes('accuracy stability index asi') // true
 */
export declare function askMetrics(): AskMetric[];
/** Phrases of every metric, longest first (the longest phrase at a place in the question wins). */
export declare function metricPhrases(metrics?: AskMetric[]): MetricPhrase[];
