import { op } from 'arquero';
import { scopeGroups } from './scope-groups.js';
import { columnValues } from './column-values.js';
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
    // Per week and team (plus "*"): the sum of each timed AI task's saving, in row order as arquero's op.sum adds.
    const groups = scopeGroups(upToWeek, { by: ['week'], dimension: 'team' });
    const ai = columnValues(upToWeek, 'ai') as ArrayLike<number>;
    const durations = columnValues(upToWeek, 'duration_min') as ArrayLike<number | null>;
    const types = columnValues(upToWeek, 'task_type') as ArrayLike<string>;
    const saved = new Float64Array(groups.keys.length);
    const timed = new Int32Array(groups.keys.length);
    for (let row = 0; row < groups.length; row += 1) {
      const duration = durations[row];
      if (ai[row] !== 1 || duration == null) continue;
      const baseline = baselineOf.get(types[row]);
      if (baseline === undefined) continue;
      const hours = (baseline - duration) / 60;
      if (Number.isNaN(hours)) continue;
      for (const group of [groups.group[row], groups.all[row]]) {
        if (group === -1) continue;
        saved[group] += hours;
        timed[group] += 1;
      }
    }
    const rows = groups.keys
      .map((keys, group): Row => ({ ...keys, hours_saved: saved[group], timed_ai_tasks: timed[group] }))
      .sort((a, b) => (String(a.week) < String(b.week) ? -1 : String(a.week) > String(b.week) ? 1 : 0));
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
