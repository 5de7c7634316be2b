import { glossary } from '../metrics/registry.js';
import { textTokens } from './text-tokens.js';

/** What `uptake ask` can answer about: the registry's KPIs, their columns, and a few report tables. */
export type AskMetricId =
  | 'adoption_rate'
  | 'delta_pts'
  | 'user_adoption_rate'
  | 'user_weighted_adoption_rate'
  | 'abandonment_rate'
  | 'ai_tasks'
  | 'manual_tasks'
  | 'hours_saved'
  | 'cumulative_hours_saved'
  | 'asi'
  | 'harm_rate'
  | 'coverage'
  | 'blind_spots'
  | 'gaps'
  | 'alerts'
  | 'power_users'
  | 'baseline_min'
  | 'summary';

export interface AskMetric {
  id: AskMetricId;
  /** The registry KPI it comes from (its title joins the synonyms). */
  kpi?: string;
  /** How answers name it. */
  label: string;
  /** Phrases that name it in a question, besides the registry title. */
  synonyms: string[];
  unit: 'rate' | 'pts' | 'hours' | 'count' | 'minutes' | 'list';
  /** Which way is good: rankings by "best"/"worst" follow it. */
  higherIsBetter: boolean;
}

const METRICS: AskMetric[] = [
  { id: 'adoption_rate', kpi: 'adoption_rate', label: 'adoption rate', unit: 'rate', higherIsBetter: true,
    synonyms: ['adoption', 'adoption rate', 'adopt', 'adopted', 'adopting', 'uptake', 'usage', 'use', 'using', 'ai share', 'share of ai'] },
  { id: 'delta_pts', kpi: 'delta_pts', label: 'change in adoption', unit: 'pts', higherIsBetter: true,
    synonyms: ['delta', 'week over week', 'wow', 'delta pts'] },
  { id: 'user_adoption_rate', kpi: 'user_adoption_rate', label: 'user adoption rate', unit: 'rate', higherIsBetter: true,
    synonyms: ['user adoption', 'user adoption rate', 'active users', 'licensed users', 'users adopting', 'users using ai'] },
  { id: 'user_weighted_adoption_rate', kpi: 'power_users', label: 'user-weighted adoption rate', unit: 'rate', higherIsBetter: true,
    synonyms: ['user weighted', 'user weighted adoption', 'user weighted adoption rate', 'per user adoption'] },
  { id: 'abandonment_rate', kpi: 'abandonment_rate', label: 'abandonment rate', unit: 'rate', higherIsBetter: false,
    synonyms: ['abandonment', 'abandonment rate', 'abandon', 'abandoned', 'abandoning', 'give up', 'gave up', 'cancelled'] },
  { id: 'ai_tasks', label: 'AI tasks', unit: 'count', higherIsBetter: true,
    synonyms: ['ai tasks', 'completed ai tasks', 'tasks with ai', 'tasks done with ai'] },
  { id: 'manual_tasks', label: 'manual tasks', unit: 'count', higherIsBetter: false,
    synonyms: ['manual tasks', 'tasks done manually', 'manual work', 'without ai'] },
  { id: 'hours_saved', kpi: 'hours_saved', label: 'hours saved', unit: 'hours', higherIsBetter: true,
    synonyms: ['hours', 'hours saved', 'time saved', 'save', 'saved', 'saving', 'savings', 'saves', 'time savings'] },
  { id: 'cumulative_hours_saved', label: 'cumulative hours saved', unit: 'hours', higherIsBetter: true,
    synonyms: ['cumulative', 'cumulative hours', 'cumulative hours saved', 'running total', 'hours saved so far', 'saved so far', 'in total', 'so far', 'to date', 'all time', 'since the start'] },
  { id: 'asi', kpi: 'asi', label: 'accuracy stability (ASI)', unit: 'rate', higherIsBetter: true,
    synonyms: ['asi', 'accuracy', 'accuracy stability', 'stability', 'accurate', 'on target', 'quality'] },
  { id: 'harm_rate', kpi: 'harm_rate', label: 'harm rate', unit: 'rate', higherIsBetter: false,
    synonyms: ['harm', 'harm rate', 'harmful', 'harmful outputs', 'unsafe', 'safety'] },
  { id: 'coverage', kpi: 'coverage', label: 'logging coverage', unit: 'rate', higherIsBetter: true,
    synonyms: ['coverage', 'logging coverage', 'logging', 'logged', 'under logging', 'under reporting'] },
  { id: 'blind_spots', kpi: 'coverage', label: 'logging blind spots', unit: 'list', higherIsBetter: false,
    synonyms: ['blind spot', 'blind spots', 'blindspot', 'blindspots', 'logging blind spots', 'not logging', 'under logged', 'missing logs'] },
  { id: 'gaps', kpi: 'gaps', label: 'data gaps', unit: 'list', higherIsBetter: false,
    synonyms: ['gap', 'gaps', 'data gap', 'data gaps', 'missing data', 'no data', 'outage', 'outages'] },
  { id: 'alerts', label: 'alerts', unit: 'list', higherIsBetter: false,
    synonyms: ['alert', 'alerts', 'warning', 'warnings', 'alarm', 'alarms', 'fired', 'flagged problems'] },
  { id: 'power_users', kpi: 'power_users', label: 'power users', unit: 'list', higherIsBetter: true,
    synonyms: ['power user', 'power users', 'heavy user', 'heavy users', 'heaviest users', 'super users'] },
  { id: 'baseline_min', label: 'manual baseline', unit: 'minutes', higherIsBetter: false,
    synonyms: ['baseline', 'baselines', 'manual baseline', 'manual baselines', 'manual duration', 'how long manually', 'minutes manually'] },
  { id: 'summary', label: 'headline numbers', unit: 'list', higherIsBetter: true,
    synonyms: ['summary', 'summarise', 'summarize', 'headline', 'headlines', 'overview', 'how are we doing', 'how is it going', 'kpis', 'report'] },
];

/** A phrase of a metric, as words. */
export interface MetricPhrase {
  metric: AskMetric;
  words: string[];
}

/**
 * Every askable metric with its phrases: the synonyms above plus the registry title and id of its KPI.
 * @example askMetrics().find((metric) => metric.id === 'asi')?.synonyms.includes('accuracy stability index asi') // true
 */
export function askMetrics(): AskMetric[] {
  const titles = new Map(glossary().map((entry) => [entry.id, entry]));
  return METRICS.map((metric) => {
    const entry = metric.kpi ? titles.get(metric.kpi) : undefined;
    const extra = entry && metric.kpi === metric.id ? [textTokens(entry.title).join(' '), textTokens(entry.id).join(' ')] : [];
    return { ...metric, synonyms: [...new Set([...metric.synonyms, ...extra])] };
  });
}

/** Phrases of every metric, longest first (the longest phrase at a place in the question wins). */
export function metricPhrases(metrics: AskMetric[] = askMetrics()): MetricPhrase[] {
  return metrics
    .flatMap((metric) => metric.synonyms.map((phrase) => ({ metric, words: textTokens(phrase) })))
    .sort((a, b) => b.words.length - a.words.length);
}
