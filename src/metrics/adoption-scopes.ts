import type { ColumnTable } from 'arquero';
import { allRowsOf, scopeGroups, type RowIndices, type ScopeGroups } from '../columns/index.js';
import type { KpiContext, Row } from './kpi.js';
import { taskRows } from './task-rows.js';

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
export function adoptionScopes(context: KpiContext): AdoptionScope[] {
  const { reportWeek } = taskRows(context);
  return context.dimensions.map((dimension) => ({
    table: `adoption_by_${dimension}`,
    dimension,
    rows: reportWeek,
    allTeams: dimension !== 'team',
  }));
}

/** The groups of a report-week table for a scope. */
export function scopeGroupsOf(context: KpiContext, scope: AdoptionScope): ScopeGroups {
  return scopeGroups(context.tasks, scope.rows, { by: [], dimension: scope.dimension, includeAll: !scope.allTeams });
}

/** The key columns of a scope's row, with `team: "*"` for all-teams dimensions. */
export function scopeKeys(scope: AdoptionScope, row: Record<string, unknown>): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  keys[scope.dimension] = row[scope.dimension];
  if (scope.allTeams) keys.team = '*';
  return keys;
}

/**
 * Facts: the adoption_trend groups of whole weeks' enriched tasks: every week x team, plus "*" per week.
 * @example trendGroups(tasks).keys[0] // { week: '2026-W40', team: '*' }
 */
export function trendGroups(tasks: ColumnTable): ScopeGroups {
  return scopeGroups(tasks, allRowsOf(tasks), { by: ['week'], dimension: 'team' });
}

/**
 * A fact table's rows of the weeks adoption_trend lists: every week up to the report week.
 * @example trendFacts(context, 'adoption_weeks').map((row) => row.week)
 */
export function trendFacts(context: KpiContext, table: string): Row[] {
  const { week } = context.report;
  return (context.facts[table] ?? []).filter((row) => (row.week as string) <= week);
}
