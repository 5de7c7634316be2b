import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { ratio } from './kpi.js';
import { distinctByGroup, scopeGroups } from '../columns/scope-groups.js';
import { taskRows } from './task-rows.js';
export const userAdoption = {
    id: 'user_adoption_rate',
    title: 'User adoption rate',
    definition: 'Distinct users with at least one AI task in the report week in the team / roster rows of that team with ' +
        'licensed = true in the month holding the week\'s Thursday (ISO weeks belong to the month of their Thursday). ' +
        'For the all-teams row: distinct users with an AI task in any team (or none) / all licensed roster rows of that month. ' +
        'Null when no licensed user is on the roster; it can exceed 1 when unlicensed users use the tool. ' +
        'ai_users and licensed_users are the numerator and denominator.',
    grain: 'week',
    dimensions: ['team'],
    columns: { adoption_by_team: ['user_adoption_rate', 'ai_users', 'licensed_users'] },
    compute(context) {
        const { reportWeek, reportWeekAi } = taskRows(context);
        const aiGroups = scopeGroups(context.tasks, reportWeekAi, { by: [], dimension: 'team' });
        const aiUserCounts = distinctByGroup(aiGroups, columnCodes(context.tasks, 'user_id'));
        const aiUsers = new Map(aiGroups.keys.map((row, group) => [row.team, aiUserCounts[group]]));
        const licensed = licensedUsers(context);
        const teams = scopeGroups(context.tasks, reportWeek, { by: [], dimension: 'team' });
        return {
            adoption_by_team: teams.keys.map((row) => {
                const users = aiUsers.get(row.team) ?? 0;
                const denominator = licensed.get(row.team) ?? 0;
                return { team: row.team, user_adoption_rate: ratio(users, denominator), ai_users: users, licensed_users: denominator };
            }),
        };
    },
};
// Licensed roster rows of the roster month per team, and all of them under "*".
function licensedUsers(context) {
    const { rosterMonth } = context.report;
    const months = columnValues(context.roster, 'month');
    const licensed = columnValues(context.roster, 'licensed');
    const teams = columnValues(context.roster, 'team');
    const counts = new Map([['*', 0]]);
    for (let row = 0; row < months.length; row += 1) {
        if (months[row] !== rosterMonth || licensed[row] !== true)
            continue;
        counts.set('*', counts.get('*') + 1);
        const team = teams[row];
        if (team !== null && team !== undefined)
            counts.set(team, (counts.get(team) ?? 0) + 1);
    }
    return counts;
}
//# sourceMappingURL=user-adoption.js.map