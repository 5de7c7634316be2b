import { adoptionScopes, scopeGroupsOf, scopeKeys, trendFacts, trendGroups } from './adoption-scopes.js';
import { quantile } from './quantile.js';
import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { allRowsOf, cachedIn } from '../columns/index.js';
import { eachGroupSubtotals, scopeGroups, sumByGroup } from '../columns/scope-groups.js';
import { taskRows } from './task-rows.js';
export const powerUsers = {
    id: 'power_users',
    title: 'Power users and user-weighted adoption',
    definition: 'A few heavy users can carry a task-weighted adoption rate, so every adoption table also reports ' +
        'user_weighted_adoption_rate: the mean, over users with at least one AI or manual task in the group and week, ' +
        'of each user\'s AI tasks / (AI + manual tasks); users is how many users that mean is over. ' +
        'The power_users table lists users whose number of AI tasks in the report week is above the configured ' +
        'percentile (99th by default, linear interpolation as numpy\'s default) of per-user weekly AI-task counts over ' +
        'every loaded week (user-weeks with at least one AI task); their team is the team most of those tasks carry.',
    grain: 'week',
    dimensions: ['team', 'task_type', '…metrics.groupBy', 'user_id'],
    columns: {
        adoption_by_team: ['user_weighted_adoption_rate', 'users'],
        adoption_by_task_type: ['user_weighted_adoption_rate', 'users'],
        adoption_trend: ['user_weighted_adoption_rate', 'users'],
        power_users: ['week', 'user_id', 'team', 'ai_tasks', 'threshold'],
    },
    // Facts: the user-weighted rate per week and team (a mean within one week), and how many user-weeks had
    // each number of AI tasks (the spread the percentile is taken over).
    facts(tasks) {
        const groups = trendGroups(tasks);
        const rates = userWeightedRates(groups, columnCodes(tasks, 'user_id'), columnValues(tasks, 'ai'), columnValues(tasks, 'manual'));
        const userWeeks = scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'user_id', includeAll: false });
        const perUserWeek = sumByGroup(userWeeks, columnValues(tasks, 'ai'));
        const spread = new Map();
        userWeeks.keys.forEach((keys, group) => {
            const aiTasks = perUserWeek[group];
            if (!(aiTasks > 0))
                return; // user-weeks with only manual tasks are left out
            const row = cachedIn(spread, `${String(keys.week)}\u0000${aiTasks}`, () => ({ week: keys.week, ai_tasks: aiTasks, user_weeks: 0 }));
            row.user_weeks = row.user_weeks + 1;
        });
        return {
            user_weighted_weeks: groups.keys.map((keys, group) => ({ week: keys.week, team: keys.team, user_weighted_adoption_rate: rates[group].mean, users: rates[group].users })),
            ai_tasks_per_user_week: [...spread.values()],
        };
    },
    compute(context) {
        const tables = {};
        const users = columnCodes(context.tasks, 'user_id');
        const ai = columnValues(context.tasks, 'ai');
        const manual = columnValues(context.tasks, 'manual');
        for (const scope of adoptionScopes(context)) {
            const groups = scopeGroupsOf(context, scope);
            const rates = userWeightedRates(groups, users, ai, manual);
            tables[scope.table] = groups.keys.map((row, group) => ({
                ...scopeKeys(scope, row),
                user_weighted_adoption_rate: rates[group].mean,
                users: rates[group].users,
            }));
        }
        tables.adoption_trend = trendFacts(context, 'user_weighted_weeks').map((row) => ({
            week: row.week,
            team: row.team,
            user_weighted_adoption_rate: row.user_weighted_adoption_rate,
            users: row.users,
        }));
        tables.power_users = flagPowerUsers(context);
        return tables;
    },
};
// The mean of each user's AI tasks / (AI + manual tasks) per group, as arquero's op.mean computes it (a running
// mean over the users in order of their first task) so results match to the bit; users without a task are left out.
function userWeightedRates(groups, users, ai, manual) {
    const rates = [];
    eachGroupSubtotals(groups, users, [ai, manual], (group, { count, sums: [aiOf, manualOf] }) => {
        let [mean, valid] = [0, 0];
        for (let user = 0; user < count; user += 1) {
            const total = aiOf[user] + manualOf[user];
            if (!(total > 0))
                continue;
            valid += 1;
            mean += (aiOf[user] / total - mean) / valid;
        }
        rates[group] = { mean: valid > 0 ? mean : null, users: valid };
    });
    return rates;
}
// Heavy users in the report week, against the spread of every loaded user-week with AI tasks (the facts).
function flagPowerUsers(context) {
    const week = context.report.week;
    const counts = [];
    for (const row of context.facts.ai_tasks_per_user_week ?? []) {
        for (let userWeek = 0; userWeek < row.user_weeks; userWeek += 1)
            counts.push(row.ai_tasks);
    }
    const threshold = quantile(counts, context.config.metrics.powerUserPercentile);
    if (threshold === null)
        return [];
    const ai = columnValues(context.tasks, 'ai');
    // AI tasks per user in the report week, and per user and team
    const reportUsers = scopeGroups(context.tasks, taskRows(context).reportWeek, { by: [], dimension: 'user_id', includeAll: false });
    const perUser = sumByGroup(reportUsers, ai);
    const reportTeams = scopeGroups(context.tasks, taskRows(context).reportWeekAi, { by: ['user_id'], dimension: 'team', includeAll: false });
    const perUserTeam = sumByGroup(reportTeams, ai);
    const teamsOf = new Map();
    reportTeams.keys.forEach((keys, group) => {
        const entries = teamsOf.get(keys.user_id) ?? [];
        entries.push({ team: keys.team, tasks: perUserTeam[group] });
        teamsOf.set(keys.user_id, entries);
    });
    const rows = [];
    reportUsers.keys.forEach((keys, group) => {
        const tasks = perUser[group];
        if (!(tasks > 0) || !(tasks > threshold))
            return;
        rows.push({ week, user_id: keys.user_id, team: mainTeam(teamsOf.get(keys.user_id) ?? []), ai_tasks: tasks, threshold });
    });
    return rows;
}
// Most tasks wins; a tie goes to the alphabetically first team.
function mainTeam(entries) {
    const best = [...entries].sort((a, b) => b.tasks - a.tasks || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0))[0];
    return best ? best.team : null;
}
//# sourceMappingURL=power-users.js.map