import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { enrichTasks } from './enrich-tasks.js';
import type { KpiContext } from './kpi.js';
import { resolveWeek, type ReportWeek } from './resolve-week.js';

/**
 * What every KPI reads: the enriched tasks, the report week and the adoption dimensions. The week is
 * the ReportWeek the composition resolved; a week's name (tests, library callers) goes through resolveWeek.
 * @example registry[0].compute(buildKpiContext(data, config, resolveWeek(data, config, '2026-W47')))
 */
export function buildKpiContext(data: CleanedData, config: Config, week: ReportWeek | string): KpiContext {
  const report = typeof week === 'string' ? resolveWeek(data, config, week) : week;
  const tasks = enrichTasks(data.tasks, config);
  const dimensions = adoptionDimensions(config, data.tasks.columnNames());
  return { config, data, report, tasks, dimensions };
}

// team and task_type always; config.metrics.groupBy adds more columns of the cleaned tasks.
function adoptionDimensions(config: Config, columns: string[]): string[] {
  const dimensions = ['team', 'task_type'];
  for (const key of config.metrics.groupBy) {
    if (dimensions.includes(key)) continue;
    if (!columns.includes(key)) {
      throw new UptakeError('config', `\`metrics.groupBy\`: expected a column of the cleaned tasks (${columns.join(', ')}), got \`${key}\``);
    }
    dimensions.push(key);
  }
  return dimensions;
}
