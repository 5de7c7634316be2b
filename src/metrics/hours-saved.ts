import * as aq from 'arquero';
import { op } from 'arquero';
import { groupRows, groupedBy } from './group-rows.js';
import { count, type Kpi, type Row } from './kpi.js';

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
    const week = context.report.week;
    const upToWeek = context.tasks.params({ week }).filter((d: { week: string }, $: { week: string }) => d.week <= $.week);
    const baselines = upToWeek
      .filter((d: { manual: number; duration_min: number | null }) => d.manual === 1 && d.duration_min != null)
      .groupby('task_type')
      .rollup({ baseline_min: op.median('duration_min'), manual_tasks_with_duration: op.count() })
      .orderby('task_type')
      .objects() as Array<{ task_type: string; baseline_min: number; manual_tasks_with_duration: number }>;
    const baselineOf = new Map(baselines.map((row) => [row.task_type, row.baseline_min]));
    const withSaved = upToWeek.derive({
      saved_hours: aq.escape((d: { ai: number; duration_min: number | null; task_type: string }) => {
        const baseline = baselineOf.get(d.task_type);
        return d.ai === 1 && d.duration_min != null && baseline !== undefined ? (baseline - d.duration_min) / 60 : null;
      }),
    });
    const rows = groupRows(withSaved, { by: ['week'], dimension: 'team' }, (table, keys) =>
      groupedBy(table, keys).rollup({ hours_saved: op.sum('saved_hours'), timed_ai_tasks: op.valid('saved_hours') }),
    ).sort((a, b) => (String(a.week) < String(b.week) ? -1 : String(a.week) > String(b.week) ? 1 : 0));
    const running = new Map<unknown, number>();
    const timeSaved: Row[] = rows.map((row) => {
      const hours = count(row.hours_saved);
      const cumulative = (running.get(row.team) ?? 0) + hours;
      running.set(row.team, cumulative);
      return { week: row.week, team: row.team, hours_saved: hours, cumulative_hours_saved: cumulative, timed_ai_tasks: count(row.timed_ai_tasks) };
    });
    return { time_saved: timeSaved, baselines };
  },
};
