import { adoptionScopes, scopeGroupsOf, scopeKeys, trendFacts, trendGroups } from './adoption-scopes.js';
import { ratio, type Kpi, type Row } from './kpi.js';
import { sumByGroup } from '../columns/scope-groups.js';
import { columnValues } from '../columns/column-values.js';
import type { LogSource, TaskStatus } from '../clean/types.js';

/**
 * CONTRACT 3: an abandoned task is a stitched AI task whose final status is abandoned (the enriched
 * table's `abandoned` column), out of the AI tasks of any status (`ai_any`).
 * @example isAbandonedAiTask('ai_logs', 'abandoned') // true
 */
export function isAbandonedAiTask(source: LogSource, status: TaskStatus): boolean {
  return source === 'ai_logs' && status === 'abandoned';
}

export const abandonment: Kpi = {
  id: 'abandonment_rate',
  title: 'Abandonment rate',
  definition:
    'Stitched AI tasks whose final status is abandoned / all stitched AI tasks (completed, abandoned or error), ' +
    'per week and group, in the same rows as the adoption tables. A stitched task takes the status of its last row. ' +
    'Null when the group has no AI task of any status that week. abandoned_tasks and ai_tasks_any_status are its numerator and denominator.',
  grain: 'week',
  dimensions: ['team', 'task_type', '…metrics.groupBy'],
  columns: {
    adoption_by_team: ['abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status'],
    adoption_by_task_type: ['abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status'],
    adoption_trend: ['abandonment_rate', 'abandoned_tasks', 'ai_tasks_any_status'],
  },
  // Facts: abandoned and all stitched AI tasks per week and team (plus "*").
  facts(tasks) {
    const groups = trendGroups(tasks);
    const abandoned = sumByGroup(groups, columnValues(tasks, 'abandoned') as ArrayLike<unknown>);
    const aiAny = sumByGroup(groups, columnValues(tasks, 'ai_any') as ArrayLike<unknown>);
    return { abandonment_weeks: groups.keys.map((keys, group) => ({ week: keys.week, team: keys.team, abandoned: abandoned[group], ai_tasks_any_status: aiAny[group] })) };
  },
  compute(context) {
    const tables: Record<string, Row[]> = {};
    for (const scope of adoptionScopes(context)) {
      const groups = scopeGroupsOf(context, scope);
      const abandoned = sumByGroup(groups, columnValues(context.tasks, 'abandoned') as ArrayLike<unknown>);
      const aiAny = sumByGroup(groups, columnValues(context.tasks, 'ai_any') as ArrayLike<unknown>);
      tables[scope.table] = groups.keys.map((row, group) => ({
        ...scopeKeys(scope, row),
        abandonment_rate: ratio(abandoned[group], aiAny[group]),
        abandoned_tasks: abandoned[group],
        ai_tasks_any_status: aiAny[group],
      }));
    }
    tables.adoption_trend = trendFacts(context, 'abandonment_weeks').map((row) => ({
      week: row.week,
      team: row.team,
      abandonment_rate: ratio(row.abandoned as number, row.ai_tasks_any_status as number),
      abandoned_tasks: row.abandoned as number,
      ai_tasks_any_status: row.ai_tasks_any_status as number,
    }));
    return tables;
  },
};
