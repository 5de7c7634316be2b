import { adoptionScopes, scopeGroupsOf, scopeKeys, trendFacts, trendGroups } from './adoption-scopes.js';
import { ratio } from './kpi.js';
import { sumByGroup } from '../columns/scope-groups.js';
import { columnValues } from '../columns/column-values.js';
/**
 * CONTRACT 3: an abandoned task is a stitched AI task whose final status is abandoned (the enriched
 * table's `abandoned` column), out of the AI tasks of any status (`ai_any`).
 * @example isAbandonedAiTask('ai_logs', 'abandoned') // true
 */
export function isAbandonedAiTask(source, status) {
    return source === 'ai_logs' && status === 'abandoned';
}
export const abandonment = {
    id: 'abandonment_rate',
    title: 'Abandonment rate',
    definition: 'Stitched AI tasks whose final status is abandoned / all stitched AI tasks (completed, abandoned or error), ' +
        'per week and group, in the same rows as the adoption tables. A stitched task takes the status of its last row. ' +
        'Null when the group has no AI task of any status that week.',
    grain: 'week',
    dimensions: ['team', 'task_type', '…metrics.groupBy'],
    columns: {
        adoption_by_team: ['abandonment_rate'],
        adoption_by_task_type: ['abandonment_rate'],
        adoption_trend: ['abandonment_rate'],
    },
    // Facts: abandoned and all stitched AI tasks per week and team (plus "*").
    facts(tasks) {
        const groups = trendGroups(tasks);
        const abandoned = sumByGroup(groups, columnValues(tasks, 'abandoned'));
        const aiAny = sumByGroup(groups, columnValues(tasks, 'ai_any'));
        return { abandonment_weeks: groups.keys.map((keys, group) => ({ week: keys.week, team: keys.team, abandoned: abandoned[group], ai_tasks_any_status: aiAny[group] })) };
    },
    compute(context) {
        const tables = {};
        for (const scope of adoptionScopes(context)) {
            const groups = scopeGroupsOf(context, scope);
            const abandoned = sumByGroup(groups, columnValues(context.tasks, 'abandoned'));
            const aiAny = sumByGroup(groups, columnValues(context.tasks, 'ai_any'));
            tables[scope.table] = groups.keys.map((row, group) => ({
                ...scopeKeys(scope, row),
                abandonment_rate: ratio(abandoned[group], aiAny[group]),
            }));
        }
        tables.adoption_trend = trendFacts(context, 'abandonment_weeks').map((row) => ({
            week: row.week,
            team: row.team,
            abandonment_rate: ratio(row.abandoned, row.ai_tasks_any_status),
        }));
        return tables;
    },
};
//# sourceMappingURL=abandonment.js.map