import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CleanedData } from '../clean/types.js';
import { teamKey } from '../clean/load-roster.js';
import { columnCodes, keepRows, takeRows } from '../columns/index.js';
import type { Config } from '../config/schema.js';
import { adoption } from '../metrics/adoption.js';
import { enrichTasks } from '../metrics/enrich-tasks.js';
import type { KpiContext } from '../metrics/kpi.js';
import { resolveWeek, type ReportWeek } from '../metrics/resolve-week.js';
import { suppressSmallGroups } from '../metrics/suppress-small-groups.js';
import { tableLayouts } from '../metrics/table-layouts.js';
import { weekSetting } from '../report/load-report.js';
import { loadAnalystData, taskSlice, type DataSource, type TaskSlice } from './analyst-data.js';

/** A week's adoption per task type against another week's, over a slice of the tasks. */
export interface TaskTypeComparison {
  /** The week, resolved (`latest` is a week's name here). */
  week: string;
  /** The week it is compared against. */
  compareWith: string;
  slice: TaskSlice;
  /**
   * The task types with an adoption rate in both weeks: `task_type`, `adoption_rate` (the week's),
   * `compared_rate` (compareWith's) and `change_pts` (the week's less compareWith's, in points), the largest rise first.
   */
  table: ColumnTable;
  /** What the table shows: `Adoption by task type, Sales Ops, 2026-W41 against 2026-W40`. */
  caption: string;
  /** The sentence to show instead of a table without rows; null when it has rows. */
  note: string | null;
}

// The report's adoption_by_task_type spans all teams: a slice's is the same KPI, with the same privacy rule (a task
// type of fewer users than privacy.minGroupSize has no rate), computed over the slice's tasks alone.
/**
 * Adoption per task type in `week` against `compareWith`, for the tasks of `team` and `taskType` (empty: every
 * team, every task type), as the report computes it. A week the data lacks is blamed on its parameter.
 * @example const comparison = await uptake.compareTaskTypes({ week: "2026-W41", compareWith: "2026-W40", team: "sales ops" });
 */
export async function compareTaskTypes(options: DataSource & { week: string; compareWith: string; team?: string; taskType?: string }): Promise<TaskTypeComparison> {
  const { config, data } = await loadAnalystData(options);
  const slice = await taskSlice(options);
  const week = resolveWeek(data, config, options.week, weekSetting('week'));
  const compared = resolveWeek(data, config, options.compareWith, weekSetting('compareWith'));
  const tasks = enrichTasks(sliceOf(data, slice).tasks, config);
  const now = taskTypeRates(tasks, data, config, week);
  const before = taskTypeRates(tasks, data, config, compared);
  const rows = [...now]
    .filter(([taskType]) => before.has(taskType))
    .map(([taskType, rate]) => ({ task_type: taskType, adoption_rate: rate, compared_rate: before.get(taskType)!, change_pts: 100 * (rate - before.get(taskType)!) }))
    .sort((a, b) => b.change_pts - a.change_pts || (a.task_type < b.task_type ? -1 : a.task_type > b.task_type ? 1 : 0));
  const table = aq.table({
    task_type: rows.map((row) => row.task_type),
    adoption_rate: rows.map((row) => row.adoption_rate),
    compared_rate: rows.map((row) => row.compared_rate),
    change_pts: rows.map((row) => row.change_pts),
  });
  const note = rows.length > 0 ? null : `Nothing to compare for ${slice.name}: no task type has an adoption rate in both ${week.week} and ${compared.week}${withheld(config)}.`;
  return { week: week.week, compareWith: compared.week, slice, table, caption: `Adoption by task type, ${slice.name}, ${week.week} against ${compared.week}`, note };
}

function withheld(config: Config): string {
  const users = config.privacy.minGroupSize;
  return users > 0 ? ` (a task type needs tasks in both weeks, by at least ${users} users each week; fewer are withheld for privacy)` : '';
}

// The data with only the slice's tasks (matched as tasks() matches them); the roster and the account stay whole.
function sliceOf(data: CleanedData, slice: TaskSlice): CleanedData {
  if (slice.team === null && slice.taskType === null) return data;
  const wanted = (column: string, name: string | null) => {
    if (name === null) return () => true;
    const codes = columnCodes(data.tasks, column);
    const matches = codes.values.map((value) => typeof value === 'string' && teamKey(value) === teamKey(name));
    return (row: number) => matches[codes.ids[row]] === true;
  };
  const ofTeam = wanted('team', slice.team);
  const ofTaskType = wanted('task_type', slice.taskType);
  return { ...data, tasks: takeRows(data.tasks, keepRows(data.tasks.numRows(), (row) => ofTeam(row) && ofTaskType(row))) };
}

// Task types with a rate that week (no rate: no task, or withheld for privacy): the report's adoption_by_task_type
// from the adoption KPI and the privacy step alone, over tasks enriched once for both weeks (not every KPI's
// facts over every loaded week, as computeMetrics would, once per week).
function taskTypeRates(tasks: ColumnTable, data: CleanedData, config: Config, week: ReportWeek): Map<string, number> {
  const context: KpiContext = { config, report: week, tasks, facts: {}, baselines: [], roster: data.roster, loadedDates: data.loadedDates, dimensions: ['task_type'] };
  const table = adoption.compute(context);
  const rows = suppressSmallGroups(table, tableLayouts(['task_type']), context).adoption_by_task_type ?? [];
  return new Map(rows.flatMap((row) => (typeof row.adoption_rate === 'number' ? [[row.task_type as string, row.adoption_rate] as [string, number]] : [])));
}
