import type { RowIndices } from '../columns/index.js';
import type { KpiContext } from './kpi.js';
import { taskRows } from './task-rows.js';

/** One adoption table: which tasks, grouped how. */
export interface AdoptionScope {
  table: string;
  /** [] for the report week's tables, ['week'] for the trend. */
  by: string[];
  dimension: string;
  /** Rows of context.tasks in the table's period(s). */
  rows: RowIndices;
  /** Non-team dimensions cover all teams: rows carry `team: "*"` and there is no "*" group row. */
  allTeams: boolean;
}

/**
 * The adoption tables every adoption-style KPI fills: one per dimension for the report week,
 * plus adoption_trend (week x team, every week up to the report week).
 * @example adoptionScopes(context).map((scope) => scope.table) // ['adoption_by_team', 'adoption_by_task_type', 'adoption_trend']
 */
export function adoptionScopes(context: KpiContext): AdoptionScope[] {
  const { reportWeek, upToReportWeek } = taskRows(context);
  return [
    ...context.dimensions.map((dimension) => ({
      table: `adoption_by_${dimension}`,
      by: [],
      dimension,
      rows: reportWeek,
      allTeams: dimension !== 'team',
    })),
    { table: 'adoption_trend', by: ['week'], dimension: 'team', rows: upToReportWeek, allTeams: false },
  ];
}

/** The key columns of a scope's row, with `team: "*"` for all-teams dimensions. */
export function scopeKeys(scope: AdoptionScope, row: Record<string, unknown>): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const key of scope.by) keys[key] = row[key];
  keys[scope.dimension] = row[scope.dimension];
  if (scope.allTeams) keys.team = '*';
  return keys;
}
