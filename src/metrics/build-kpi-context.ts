import type { ColumnTable } from 'arquero';
import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { configSource } from '../config/config-source.js';
import { UptakeError } from '../errors.js';
import { enrichTasks } from './enrich-tasks.js';
import { manualBaselines } from './hours-saved.js';
import type { Baseline, KpiContext, WeekFacts } from './kpi.js';
import { resolveWeek, type ReportWeek } from './resolve-week.js';
import { groupingKeys } from './delta.js';
import { factsOfEnriched, reportWindow, windowTasks } from './week-facts.js';

/**
 * What the KPIs compute from: the facts of every loaded week, the cleaned tasks of the report window, the manual
 * baselines and the CleanedData-level inputs. A store assembles them without loading every task; metricsInputs
 * assembles them from all cleaned tasks.
 */
export interface MetricsInputs {
  /** weekFacts of every loaded week (before, in and after the report week), concatenated (concatFacts). */
  facts: WeekFacts;
  /** The cleaned tasks of reportWindow(week) (rows of other weeks are ignored). */
  window: ColumnTable;
  /** manualBaselines for the report week. */
  baselines: Baseline[];
  /** The rest of the cleaned data the document reports as is. */
  data: Pick<CleanedData, 'roster' | 'loadedDates' | 'accounting' | 'quarantineByReason' | 'repairs' | 'durationsDropped' | 'teamsFilled'>;
}

/**
 * The inputs computed from every cleaned task: facts over all of them, the window's tasks, the baselines.
 * @example computeMetricsFrom(metricsInputs(data, config, report), config, report)
 */
export function metricsInputs(data: CleanedData, config: Config, report: ReportWeek): MetricsInputs {
  const enriched = enrichTasks(data.tasks, config);
  return {
    facts: factsOfEnriched(enriched, config),
    window: windowTasks(enriched, data.tasks, reportWindow(report, config)),
    baselines: manualBaselines(enriched, report),
    data,
  };
}

/**
 * What every KPI reads: the enriched window tasks, the facts, the report week and the adoption dimensions.
 * @example registry[0].compute(contextFrom(metricsInputs(data, config, report), config, report))
 */
export function contextFrom(inputs: MetricsInputs, config: Config, report: ReportWeek): KpiContext {
  const tasks = enrichTasks(inputs.window, config);
  const dimensions = adoptionDimensions(config, inputs.window.columnNames());
  return { config, report, tasks, facts: inputs.facts, baselines: inputs.baselines, roster: inputs.data.roster, loadedDates: inputs.data.loadedDates, dimensions };
}

/**
 * The KPI context of all cleaned data for a week: the ReportWeek the composition resolved, or a week's name
 * (tests, library callers) resolved here.
 * @example registry[0].compute(buildKpiContext(data, config, '2026-W47'))
 */
export function buildKpiContext(data: CleanedData, config: Config, week: ReportWeek | string): KpiContext {
  const report = typeof week === 'string' ? resolveWeek(data, config, week) : week;
  return contextFrom(metricsInputs(data, config, report), config, report);
}

// team and task_type always; config.metrics.groupBy adds more columns of the cleaned tasks.
function adoptionDimensions(config: Config, columns: string[]): string[] {
  const dimensions = groupingKeys(config);
  const missing = dimensions.find((key) => !columns.includes(key));
  if (missing !== undefined) {
    throw new UptakeError('config', `\`metrics.groupBy\`: expected a column of the cleaned tasks (${columns.join(', ')}), got \`${missing}\``, { file: configSource(config) });
  }
  // a prompt is free text and a task id names one task: neither is capped as names and group values are (256
  // characters), and a 100 KB prompt became a row label of the report
  const unbounded = dimensions.find((key) => FREE_TEXT_COLUMNS.includes(key));
  if (unbounded !== undefined) {
    throw new UptakeError('config', `\`metrics.groupBy\`: expected a column that labels tasks (team, task_type, tool_version, a pass-through column, ...), got \`${unbounded}\`, which is free text or one task's id`, { file: configSource(config) });
  }
  return dimensions;
}

/** Columns of the cleaned tasks that are no group labels: metrics.groupBy may not name them. */
const FREE_TEXT_COLUMNS = ['prompt', 'task_id'];
