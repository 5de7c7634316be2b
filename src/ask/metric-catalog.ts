import { registry } from '../metrics/registry.js';
import { KPI_SYNONYMS } from '../metrics/synonyms.js';
import { textTokens } from './text-tokens.js';

/** What `uptake ask` can answer about: the registry's KPIs, their columns, and a few report tables. */
export type AskMetricId =
  | 'adoption_rate'
  | 'delta_pts'
  | 'user_adoption_rate'
  | 'ai_users'
  | 'licensed_users'
  | 'user_weighted_adoption_rate'
  | 'abandonment_rate'
  | 'abandoned_tasks'
  | 'tasks'
  | 'ai_tasks'
  | 'manual_tasks'
  | 'manual_share'
  | 'hours_saved'
  | 'cumulative_hours_saved'
  | 'asi'
  | 'harm_rate'
  | 'harmful_tasks'
  | 'coverage'
  | 'blind_spots'
  | 'gaps'
  | 'alerts'
  | 'power_users'
  | 'baseline_min'
  | 'summary'
  | 'activation'
  | 'new_ai_users'
  | 'median_days_to_first_ai_task'
  | 'retention'
  | 'active_retention'
  | 'usage_tiers'
  | 'heavy_share'
  | 'non_users'
  | 'idle_seats'
  | 'idle_share'
  | 'idle_cost'
  | 'lapsed_users'
  /** A registry KPI with no entry in the catalogue: askable by its title, id and synonyms. */
  | (string & {});

export interface AskMetric {
  id: AskMetricId;
  /** The registry KPI it comes from (its title joins the synonyms). */
  kpi?: string;
  /** How answers name it. */
  label: string;
  /** The label names several things ("idle seats", "hours saved"): "idle seats are suppressed", "were 6" (answer-question.ts's isOrAre, wasOrWere). */
  plural?: true;
  /** Phrases that name it in a question: KPI_SYNONYMS and the registry title and id. */
  synonyms: string[];
  unit: 'rate' | 'pts' | 'hours' | 'count' | 'minutes' | 'list';
  /** Which way is good: rankings by "best"/"worst" follow it. */
  higherIsBetter: boolean;
}

// How answers name each askable metric and which way is good; the words for them are in KPI_SYNONYMS.
const METRICS: Array<Omit<AskMetric, 'synonyms'>> = [
  { id: 'adoption_rate', kpi: 'adoption_rate', label: 'adoption rate', unit: 'rate', higherIsBetter: true },
  { id: 'delta_pts', kpi: 'delta_pts', label: 'change in adoption', unit: 'pts', higherIsBetter: true },
  { id: 'user_adoption_rate', kpi: 'user_adoption_rate', label: 'user adoption rate', unit: 'rate', higherIsBetter: true },
  { id: 'ai_users', kpi: 'user_adoption_rate', label: 'users with an AI task', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'licensed_users', kpi: 'user_adoption_rate', label: 'licensed users', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'user_weighted_adoption_rate', kpi: 'power_users', label: 'user-weighted adoption rate', unit: 'rate', higherIsBetter: true },
  { id: 'abandonment_rate', kpi: 'abandonment_rate', label: 'abandonment rate', unit: 'rate', higherIsBetter: false },
  // "how many tasks were abandoned": the numerator of the abandonment rate (asked through its words and "how many")
  { id: 'abandoned_tasks', kpi: 'abandonment_rate', label: 'abandoned AI tasks', plural: true, unit: 'count', higherIsBetter: false },
  // "how many tasks did Finance do": AI tasks plus manual tasks, the adoption rate's denominator
  { id: 'tasks', label: 'tasks (AI and manual)', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'ai_tasks', label: 'AI tasks', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'manual_tasks', label: 'manual tasks', plural: true, unit: 'count', higherIsBetter: false },
  { id: 'manual_share', label: 'share of tasks done manually', unit: 'rate', higherIsBetter: false },
  { id: 'hours_saved', kpi: 'hours_saved', label: 'hours saved', plural: true, unit: 'hours', higherIsBetter: true },
  { id: 'cumulative_hours_saved', label: 'cumulative hours saved', plural: true, unit: 'hours', higherIsBetter: true },
  { id: 'asi', kpi: 'asi', label: 'accuracy stability (ASI)', unit: 'rate', higherIsBetter: true },
  { id: 'harm_rate', kpi: 'harm_rate', label: 'harm rate', unit: 'rate', higherIsBetter: false },
  // "how many harmful tasks": the numerator of the harm rate (asked through the harm rate's words and "how many")
  { id: 'harmful_tasks', kpi: 'harm_rate', label: 'harmful AI tasks', plural: true, unit: 'count', higherIsBetter: false },
  { id: 'coverage', kpi: 'coverage', label: 'logging coverage', unit: 'rate', higherIsBetter: true },
  { id: 'blind_spots', kpi: 'coverage', label: 'logging blind spots', plural: true, unit: 'list', higherIsBetter: false },
  { id: 'gaps', kpi: 'gaps', label: 'data gaps', plural: true, unit: 'list', higherIsBetter: false },
  { id: 'alerts', label: 'alerts', plural: true, unit: 'list', higherIsBetter: false },
  { id: 'power_users', kpi: 'power_users', label: 'power users', plural: true, unit: 'list', higherIsBetter: true },
  { id: 'baseline_min', label: 'manual baseline', unit: 'minutes', higherIsBetter: false },
  { id: 'summary', label: 'headline numbers', unit: 'list', higherIsBetter: true },
  // People (issue #24)
  { id: 'activation', kpi: 'activation', label: 'activation rate (new AI users of the licensed users not yet using AI)', unit: 'rate', higherIsBetter: true },
  { id: 'new_ai_users', kpi: 'activation', label: 'new AI users', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'median_days_to_first_ai_task', kpi: 'activation', label: 'median days from licence to first AI task', unit: 'count', higherIsBetter: false },
  { id: 'retention', kpi: 'retention', label: 'share of new AI users still using it a month later', unit: 'rate', higherIsBetter: true },
  { id: 'active_retention', kpi: 'retention', label: 'share of active users still active the next month', unit: 'rate', higherIsBetter: true },
  { id: 'usage_tiers', kpi: 'usage_tiers', label: 'heavy users (usage tiers)', plural: true, unit: 'count', higherIsBetter: true },
  { id: 'heavy_share', kpi: 'usage_tiers', label: 'share of people who are heavy users', unit: 'rate', higherIsBetter: true },
  { id: 'non_users', kpi: 'usage_tiers', label: 'licensed people without an AI task', plural: true, unit: 'count', higherIsBetter: false },
  { id: 'idle_seats', kpi: 'idle_seats', label: 'idle seats', plural: true, unit: 'count', higherIsBetter: false },
  { id: 'idle_share', kpi: 'idle_seats', label: 'share of seats idle', unit: 'rate', higherIsBetter: false },
  { id: 'idle_cost', kpi: 'idle_seats', label: 'monthly cost of idle seats', unit: 'count', higherIsBetter: false },
  { id: 'lapsed_users', kpi: 'idle_seats', label: 'lapsed users', plural: true, unit: 'count', higherIsBetter: false },
];

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
export function askMetrics(): AskMetric[] {
  const kpis = new Map(registry.map((kpi) => [kpi.id, kpi]));
  const known = new Set(METRICS.flatMap((metric) => [metric.id, metric.kpi]));
  // A KPI added to the registry without a catalogue entry: named by its title, its unit read from its id
  const added = registry.filter((kpi) => !known.has(kpi.id)).map((kpi): Omit<AskMetric, 'synonyms'> => ({
    id: kpi.id, kpi: kpi.id, label: kpi.title.toLowerCase(),
    unit: /_rate$|_share$|rate$/.test(kpi.id) ? 'rate' : /hours/.test(kpi.id) ? 'hours' : /_pts$/.test(kpi.id) ? 'pts' : /_min$/.test(kpi.id) ? 'minutes' : 'count',
    higherIsBetter: !/harm|abandon|error|gap|fail/.test(kpi.id),
  }));
  return [...METRICS, ...added].map((metric) => {
    const entry = metric.kpi ? kpis.get(metric.kpi) : undefined;
    const extra = entry && metric.kpi === metric.id ? [textTokens(entry.title).join(' '), textTokens(entry.id).join(' ')] : [];
    return { ...metric, synonyms: [...new Set([...(KPI_SYNONYMS[metric.id] ?? []), ...extra])] };
  });
}

/** Phrases of every metric, longest first (the longest phrase at a place in the question wins). */
export function metricPhrases(metrics: AskMetric[] = askMetrics()): MetricPhrase[] {
  return metrics
    .flatMap((metric) => metric.synonyms.map((phrase) => ({ metric, words: textTokens(phrase) })))
    .sort((a, b) => b.words.length - a.words.length);
}
