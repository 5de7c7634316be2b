import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { enrichTasks } from './enrich-tasks.js';
import type { KpiContext } from './kpi.js';
import { resolveWeekAmong } from './resolve-week.js';
import { columnCodes } from '../columns/column-codes.js';
import { dateOf } from '../util/iso-week.js';

/**
 * What every KPI reads: the enriched tasks, the resolved report week and the adoption dimensions.
 * @example registry[0].compute(buildKpiContext(data, config, '2026-W47'))
 */
export function buildKpiContext(data: CleanedData, config: Config, week: string): KpiContext {
  const tasks = enrichTasks(data.tasks, config);
  const weeks = (columnCodes(tasks, 'week').values as string[]).slice().sort();
  const report = resolveWeekAmong(weeks, data.loadedDates, week, dateOf(data.asOf, config.timezone));
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
