import { columnValues } from '../columns/column-values.js';
import { ratio } from './kpi.js';
import { scopeGroups, sumByGroup } from '../columns/scope-groups.js';
import { taskRows } from './task-rows.js';
/**
 * CONTRACT 3 (harm_rate): a harmful AI task is an AI task (adoption's isAiTask) flagged harmful; a stitched
 * task is harmful when any of its rows is. The enriched table's `harmful_ai` column is this rule.
 * @example isHarmfulAiTask(true, true) // true; isHarmfulAiTask(true, null) // false
 */
export function isHarmfulAiTask(aiTask, harmful) {
    return aiTask && harmful === true;
}
export const harm = {
    id: 'harm_rate',
    title: 'Harm rate',
    definition: 'AI tasks flagged harmful (harmful = true; a stitched task is harmful when any of its rows is) / AI tasks ' +
        '(completed), in the report week, per team with at least one AI task, plus the all-teams row. ' +
        'Null when there is no AI task.',
    grain: 'week',
    dimensions: ['team'],
    columns: { harm: ['ai_tasks', 'harmful', 'harm_rate'] },
    compute(context) {
        const groups = scopeGroups(context.tasks, taskRows(context).reportWeekAi, { by: [], dimension: 'team' });
        const aiTasks = sumByGroup(groups, columnValues(context.tasks, 'ai'));
        const harmful = sumByGroup(groups, columnValues(context.tasks, 'harmful_ai'));
        return {
            harm: groups.keys.map((row, group) => ({ team: row.team, ai_tasks: aiTasks[group], harmful: harmful[group], harm_rate: ratio(harmful[group], aiTasks[group]) })),
        };
    },
};
//# sourceMappingURL=harm.js.map