import type { ColumnTable } from 'arquero';
import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import type { ReportWeek } from './resolve-week.js';

/** One output row: key columns first, then measures. */
export type Row = Record<string, unknown>;

/** Everything a KPI's compute function may read. */
export interface KpiContext {
  config: Config;
  data: CleanedData;
  report: ReportWeek;
  /** The cleaned tasks with the columns of enrichTasks (week, month, utc_date, ai, manual, ...). */
  tasks: ColumnTable;
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
  compute(context: KpiContext): Record<string, Row[]>;
}

/** A rate with a zero denominator is null. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** arquero sums of nothing are undefined: count them as 0. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
