import { adoptionScopes, scopeGroupsOf, scopeKeys, trendFacts, trendGroups } from './adoption-scopes.js';
import { ratio } from './kpi.js';
import { sumByGroup } from '../columns/scope-groups.js';
import { columnValues } from '../columns/column-values.js';
// The one definition every AI-task count shares (adoption, users, power users, harm, ASI, coverage): the
// enriched table's `ai` column is this rule, evaluated once per (source, status).
/**
 * CONTRACT 3: an AI task is a stitched AI task (from ai_logs) whose status is completed.
 * @example isAiTask('ai_logs', 'completed') // true; isAiTask('ai_logs', 'abandoned') // false
 */
export function isAiTask(source, status) {
    return source === 'ai_logs' && status === 'completed';
}
export const adoption = {
    id: 'adoption_rate',
    title: 'Adoption rate',
    definition: 'AI tasks / (AI tasks + manual tasks), per ISO week (report time zone, by the task\'s start) and group. ' +
        'An AI task is a stitched AI task with status completed; a manual task is a cleaned manual task. ' +
        'A group is listed when it holds at least one task that week (AI of any status, or manual). ' +
        'Tasks with no team count only in the all-teams row (team "*"). adoption_by_team and adoption_by_task_type ' +
        'cover the report week (task-type rows span all teams, team "*"); adoption_trend lists every week from the first ' +
        'one holding a task up to the report week that holds a task, per team plus "*". Null when a group has no AI or manual task.',
    grain: 'week',
    dimensions: ['team', 'task_type', '…metrics.groupBy'],
    columns: {
        adoption_by_team: ['ai_tasks', 'manual_tasks', 'adoption_rate'],
        adoption_by_task_type: ['ai_tasks', 'manual_tasks', 'adoption_rate'],
        adoption_trend: ['ai_tasks', 'manual_tasks', 'adoption_rate'],
    },
    // Facts: AI and manual tasks per week and team (plus "*").
    facts(tasks) {
        const groups = trendGroups(tasks);
        const aiTasks = sumByGroup(groups, columnValues(tasks, 'ai'));
        const manualTasks = sumByGroup(groups, columnValues(tasks, 'manual'));
        return { adoption_weeks: groups.keys.map((keys, group) => ({ week: keys.week, team: keys.team, ai_tasks: aiTasks[group], manual_tasks: manualTasks[group] })) };
    },
    compute(context) {
        const tables = {};
        for (const scope of adoptionScopes(context)) {
            const groups = scopeGroupsOf(context, scope);
            const aiTasks = sumByGroup(groups, columnValues(context.tasks, 'ai'));
            const manualTasks = sumByGroup(groups, columnValues(context.tasks, 'manual'));
            tables[scope.table] = groups.keys.map((row, group) => adoptionRow(scopeKeys(scope, row), aiTasks[group], manualTasks[group]));
        }
        tables.adoption_trend = trendFacts(context, 'adoption_weeks').map((row) => adoptionRow({ week: row.week, team: row.team }, row.ai_tasks, row.manual_tasks));
        return tables;
    },
};
function adoptionRow(keys, ai, manual) {
    return { ...keys, ai_tasks: ai, manual_tasks: manual, adoption_rate: ratio(ai, ai + manual) };
}
//# sourceMappingURL=adoption.js.map