import { columnValues } from '../columns/column-values.js';
import { ratio } from './kpi.js';
import { scopeGroups, sumByGroup } from '../columns/scope-groups.js';
import { taskRows } from './task-rows.js';
export const delta = {
    id: 'delta_pts',
    title: 'Week-over-week change',
    definition: '100 * (adoption rate in the report week - adoption rate in the ISO week before), in percentage points, ' +
        'for the same team, task type or other grouping key. Null when either week\'s rate is null ' +
        '(including a group with no task in the previous week). previous_adoption_rate shows the rate it is compared to.',
    grain: 'week',
    dimensions: ['team', 'task_type', '…metrics.groupBy'],
    columns: {
        adoption_by_team: ['delta_pts', 'previous_adoption_rate'],
        adoption_by_task_type: ['delta_pts', 'previous_adoption_rate'],
    },
    compute(context) {
        const { reportWeek, previousWeek } = taskRows(context);
        const ai = columnValues(context.tasks, 'ai');
        const manual = columnValues(context.tasks, 'manual');
        const tables = {};
        for (const dimension of context.dimensions) {
            const allTeams = dimension !== 'team';
            const options = { by: [], dimension, includeAll: !allTeams };
            const before = scopeGroups(context.tasks, previousWeek, options);
            const beforeAi = sumByGroup(before, ai);
            const beforeManual = sumByGroup(before, manual);
            const previousRate = new Map();
            before.keys.forEach((row, group) => previousRate.set(row[dimension], ratio(beforeAi[group], beforeAi[group] + beforeManual[group])));
            const current = scopeGroups(context.tasks, reportWeek, options);
            const currentAi = sumByGroup(current, ai);
            const currentManual = sumByGroup(current, manual);
            tables[`adoption_by_${dimension}`] = current.keys.map((row, group) => {
                const rate = ratio(currentAi[group], currentAi[group] + currentManual[group]);
                const previous = previousRate.get(row[dimension]) ?? null;
                return {
                    [dimension]: row[dimension],
                    ...(allTeams ? { team: '*' } : {}),
                    delta_pts: rate === null || previous === null ? null : 100 * (rate - previous),
                    previous_adoption_rate: previous,
                };
            });
        }
        return tables;
    },
};
//# sourceMappingURL=delta.js.map