import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { count, type Kpi, type KpiContext, type Row } from './kpi.js';
import { sortedQuantile } from './quantile.js';
import { scopeGroups, sortedValuesByGroup, sumAndCountByGroup } from '../columns/scope-groups.js';
import { keepRows, type RowIndices } from '../columns/index.js';
import { taskRows } from './task-rows.js';

export const hoursSaved: Kpi = {
  id: 'hours_saved',
  title: 'Hours saved (with manual baselines)',
  definition:
    'baseline_min(task type) is the median duration in minutes of the manual tasks of that type that have a duration ' +
    'and start on or before the end of the report week (every loaded week up to then; one baseline per report, ' +
    'applied to every week). hours_saved sums, over completed AI tasks with a duration whose type has a baseline, ' +
    '(baseline_min - duration in minutes) / 60; it is not clamped at zero, so slower AI tasks count against it. ' +
    'Tasks with an unknown duration or one above the configured maximum (8 h) have no duration. ' +
    'cumulative_hours_saved is the running sum per team over the listed weeks (the adoption_trend weeks). ' +
    'timed_ai_tasks counts the AI tasks that contributed; the baselines table lists each baseline.',
  grain: 'week',
  dimensions: ['team', 'task_type'],
  columns: {
    time_saved: ['hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks'],
    baselines: ['task_type', 'baseline_min', 'manual_tasks_with_duration'],
  },
  compute(context) {
    const rows = taskRows(context).upToReportWeek;
    const baselines = manualBaselines(context, rows);
    const types = columnCodes(context.tasks, 'task_type');
    const baselineByType = new Map(baselines.map((row) => [row.task_type as unknown, row.baseline_min]));
    const baselineOf = types.values.map((type) => baselineByType.get(type) ?? Number.NaN);
    const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
    const durations = columnValues(context.tasks, 'duration_min') as ArrayLike<number>;
    // An AI task's saving in hours; an unknown duration and a type without a baseline make it NaN: not timed.
    const savedHours = (row: number) => (ai[row] === 1 ? (baselineOf[types.ids[row]] - durations[row]) / 60 : Number.NaN);
    // Per week and team (plus "*"): the sum of each timed AI task's saving, in row order as arquero's op.sum adds.
    const groups = scopeGroups(context.tasks, rows, { by: ['week'], dimension: 'team' });
    const { sums: saved, counts: timed } = sumAndCountByGroup(groups, savedHours);
    const weekRows = groups.keys
      .map((keys, group): Row => ({ ...keys, hours_saved: saved[group], timed_ai_tasks: timed[group] }))
      .sort((a, b) => (String(a.week) < String(b.week) ? -1 : String(a.week) > String(b.week) ? 1 : 0));
    const running = new Map<unknown, number>();
    const timeSaved: Row[] = weekRows.map((row) => {
      const hours = count(row.hours_saved);
      const cumulative = (running.get(row.team) ?? 0) + hours;
      running.set(row.team, cumulative);
      return { week: row.week, team: row.team, hours_saved: hours, cumulative_hours_saved: cumulative, timed_ai_tasks: count(row.timed_ai_tasks) };
    });
    return { time_saved: timeSaved, baselines };
  },
};

// The median duration of the manual tasks with a duration per task type, ordered by type as arquero's orderby does.
function manualBaselines(context: KpiContext, rows: RowIndices): Array<{ task_type: string; baseline_min: number; manual_tasks_with_duration: number }> {
  const manual = columnValues(context.tasks, 'manual') as ArrayLike<number>;
  const durations = columnValues(context.tasks, 'duration_min') as ArrayLike<number>;
  const timedManual = keepRows(rows, (row) => manual[row] === 1 && !Number.isNaN(durations[row]));
  const groups = scopeGroups(context.tasks, timedManual, { by: [], dimension: 'task_type', includeAll: false });
  const sortedDurations = sortedValuesByGroup(groups, durations);
  return groups.keys
    .map((keys, group) => {
      const sorted = sortedDurations[group];
      return { task_type: keys.task_type as string, baseline_min: sortedQuantile(sorted, 0.5) as number, manual_tasks_with_duration: sorted.length };
    })
    .sort((a, b) => (a.task_type < b.task_type ? -1 : a.task_type > b.task_type ? 1 : 0));
}
