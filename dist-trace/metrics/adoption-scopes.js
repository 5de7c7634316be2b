import { allRowsOf, scopeGroups } from '../columns/index.js';
import { taskRows } from './task-rows.js';
/**
 * The report week's adoption tables every adoption-style KPI fills from the window's tasks: one per dimension.
 * adoption_trend (week x team) comes from the same KPIs' facts (trendGroups, trendFacts).
 * @example adoptionScopes(context).map((scope) => scope.table) // ['adoption_by_team', 'adoption_by_task_type']
 */
export function adoptionScopes(context) {
    const { reportWeek } = taskRows(context);
    return context.dimensions.map((dimension) => ({
        table: `adoption_by_${dimension}`,
        dimension,
        rows: reportWeek,
        allTeams: dimension !== 'team',
    }));
}
/** The groups of a report-week table for a scope. */
export function scopeGroupsOf(context, scope) {
    return scopeGroups(context.tasks, scope.rows, { by: [], dimension: scope.dimension, includeAll: !scope.allTeams });
}
/** The key columns of a scope's row, with `team: "*"` for all-teams dimensions. */
export function scopeKeys(scope, row) {
    const keys = {};
    keys[scope.dimension] = row[scope.dimension];
    if (scope.allTeams)
        keys.team = '*';
    return keys;
}
/**
 * Facts: the adoption_trend groups of whole weeks' enriched tasks: every week x team, plus "*" per week.
 * @example trendGroups(tasks).keys[0] // { week: '2026-W40', team: '*' }
 */
export function trendGroups(tasks) {
    return scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'team' });
}
/**
 * A fact table's rows of the weeks adoption_trend lists: every week up to the report week.
 * @example trendFacts(context, 'adoption_weeks').map((row) => row.week)
 */
export function trendFacts(context, table) {
    const { week } = context.report;
    return (context.facts[table] ?? []).filter((row) => row.week <= week);
}
//# sourceMappingURL=adoption-scopes.js.map