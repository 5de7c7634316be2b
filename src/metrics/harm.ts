import { op } from 'arquero';
import { groupRows, groupedBy } from './group-rows.js';
import { count, ratio, type Kpi } from './kpi.js';

export const harm: Kpi = {
  id: 'harm_rate',
  title: 'Harm rate',
  definition:
    'AI tasks flagged harmful (harmful = true; a stitched task is harmful when any of its rows is) / AI tasks ' +
    '(completed), in the report week, per team with at least one AI task, plus the all-teams row. ' +
    'Null when there is no AI task.',
  grain: 'week',
  dimensions: ['team'],
  columns: { harm: ['ai_tasks', 'harmful', 'harm_rate'] },
  compute(context) {
    const week = context.report.week;
    const aiTasks = context.tasks
      .params({ week })
      .filter((d: { week: string; ai: number }, $: { week: string }) => d.week === $.week && d.ai === 1);
    const rows = groupRows(aiTasks, { by: [], dimension: 'team' }, (table, keys) =>
      groupedBy(table, keys).rollup({ ai_tasks: op.count(), harmful: op.sum('harmful_ai') }),
    );
    return {
      harm: rows.map((row) => {
        const tasks = count(row.ai_tasks);
        const harmful = count(row.harmful);
        return { team: row.team, ai_tasks: tasks, harmful, harm_rate: ratio(harmful, tasks) };
      }),
    };
  },
};
