import type { ColumnTable } from 'arquero';
import { type RowIndices, type ScopeGroups } from '../columns/index.js';
import type { KpiContext, Row } from './kpi.js';
/** One report-week adoption table: which tasks, grouped how. */
export interface AdoptionScope {
    table: string;
    dimension: string;
    /** Rows of context.tasks in the report week. */
    rows: RowIndices;
    /** Non-team dimensions cover all teams: rows carry `team: "*"` and there is no "*" group row. */
    allTeams: boolean;
}
/**
 * The report week's adoption tables every adoption-style KPI fills from the window's tasks: one per dimension.
 * adoption_trend (week x team) comes from the same KPIs' facts (trendGroups, trendFacts).
 * @example adoptionScopes(context).map((scope) => scope.table) // ['adoption_by_team', 'adoption_by_task_type']
 */
export declare function adoptionScopes(context: KpiContext): AdoptionScope[];
/** The groups of a report-week table for a scope. */
export declare function scopeGroupsOf(context: KpiContext, scope: AdoptionScope): ScopeGroups;
/** The key columns of a scope's row, with `team: "*"` for all-teams dimensions. */
export declare function scopeKeys(scope: AdoptionScope, row: Record<string, unknown>): Record<string, unknown>;
/**
 * Facts: the adoption_trend groups of whole weeks' enriched tasks: every week x team, plus "*" per week.
 * @example trendGroups(tasks).keys[0] // { week: '2026-W40', team: '*' }
 */
export declare function trendGroups(tasks: ColumnTable): ScopeGroups;
/**
 * A fact table's rows of the weeks adoption_trend lists: every week up to the report week.
 * @example trendFacts(context, 'adoption_weeks').map((row) => row.week)
 */
export declare function trendFacts(context: KpiContext, table: string): Row[];
