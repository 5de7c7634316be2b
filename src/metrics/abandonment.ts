import { adoptionScopes, scopeKeys } from './adoption-scopes.js';
import { ratio, type Kpi, type Row } from './kpi.js';
import { scopeGroups, sumByGroup } from '../columns/scope-groups.js';
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
    'Null when the group has no AI task of any status that week.',
  grain: 'week',
  dimensions: ['team', 'task_type', '…metrics.groupBy'],
  columns: {
    adoption_by_team: ['abandonment_rate'],
    adoption_by_task_type: ['abandonment_rate'],
    adoption_trend: ['abandonment_rate'],
  },
  compute(context) {
    const tables: Record<string, Row[]> = {};
    for (const scope of adoptionScopes(context)) {
      const groups = scopeGroups(context.tasks, scope.rows, { by: scope.by, dimension: scope.dimension, includeAll: !scope.allTeams });
      const abandoned = sumByGroup(groups, columnValues(context.tasks, 'abandoned') as ArrayLike<unknown>);
      const aiAny = sumByGroup(groups, columnValues(context.tasks, 'ai_any') as ArrayLike<unknown>);
      tables[scope.table] = groups.keys.map((row, group) => ({
        ...scopeKeys(scope, row),
        abandonment_rate: ratio(abandoned[group], aiAny[group]),
      }));
    }
    return tables;
  },
};
