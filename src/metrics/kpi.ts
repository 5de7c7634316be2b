import type { ColumnTable } from 'arquero';
import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import type { ReportWeek } from './resolve-week.js';

/** One output row: key columns first, then measures. */
export type Row = Record<string, unknown>;

/**
 * Small additive rows computed from the cleaned tasks of whole ISO weeks (report zone), by fact table name. Every
 * row carries the `week` it came from; the facts of disjoint sets of weeks concatenate (see week-facts.ts).
 */
export type WeekFacts = Record<string, Row[]>;

/** A manual baseline: the median duration of the manual tasks of a type with a duration, up to the report week. */
export interface Baseline {
  task_type: string;
  baseline_min: number;
  manual_tasks_with_duration: number;
}

/** Everything a KPI's compute function may read. */
export interface KpiContext {
  config: Config;
  report: ReportWeek;
  /**
   * The cleaned tasks of the report window (reportWindow: the report week), with the
   * columns of enrichTasks (week, month, utc_date, ai, manual, ...). Rows of other weeks may be present; KPIs
   * select the window's rows through taskRows.
   */
  tasks: ColumnTable;
  /** Every KPI's facts over every loaded week (before, in and after the report week), concatenated. */
  facts: WeekFacts;
  /** The manual baselines of the report week (hours-saved's manualBaselines, or baselinesFromFacts in a store). */
  baselines: Baseline[];
  roster: CleanedData['roster'];
  loadedDates: CleanedData['loadedDates'];
  /** Adoption grouping keys: `team`, `task_type`, then config.metrics.groupBy's others. */
  dimensions: string[];
}

/**
 * A registered KPI. Its compute function returns rows per output table; rows of different
 * KPIs for the same table are merged on the table's key columns (see table-layouts.ts).
 */
export interface Kpi {
  id: string;
  title: string;
  /** One paragraph; the README and report glossaries are generated from it. */
  definition: string;
  grain: 'week' | 'month';
  /** Grouping keys of its rows (`…groupBy` stands for config.metrics.groupBy). */
  dimensions: string[];
  /** The tables it writes columns into, and those columns. */
  columns: Record<string, string[]>;
  /**
   * Its facts: from the enriched tasks of whole weeks, the rows compute later reads beyond the report window,
   * keyed by week. Depends on those tasks and the config only. KPIs sharing facts share the function.
   */
  facts?: (tasks: ColumnTable, config: Config) => WeekFacts;
  compute(context: KpiContext): Record<string, Row[]>;
}

/** A rate with a zero denominator is null. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
