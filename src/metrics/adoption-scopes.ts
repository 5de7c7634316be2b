import type { ColumnTable } from 'arquero';
import type { KpiContext } from './kpi.js';

/** One adoption table: which tasks, grouped how. */
export interface AdoptionScope {
  table: string;
  /** [] for the report week's tables, ['week'] for the trend. */
  by: string[];
  dimension: string;
  /** Tasks in the table's period(s). */
  tasks: ColumnTable;
  /** Non-team dimensions cover all teams: rows carry `team: "*"` and there is no "*" group row. */
  allTeams: boolean;
}

/**
 * The adoption tables every adoption-style KPI fills: one per dimension for the report week,
 * plus adoption_trend (week x team, every week up to the report week).
 * @example adoptionScopes(context).map((scope) => scope.table) // ['adoption_by_team', 'adoption_by_task_type', 'adoption_trend']
 */
export function adoptionScopes(context: KpiContext): AdoptionScope[] {
  let scopes = computed.get(context);
  if (!scopes) {
    scopes = buildScopes(context);
    computed.set(context, scopes);
  }
  return scopes;
}

// Several KPIs fill the same tables: filter the tasks once per context.
const computed = new WeakMap<KpiContext, AdoptionScope[]>();

function buildScopes(context: KpiContext): AdoptionScope[] {
  const reportWeek = context.report.week;
  const inWeek = context.tasks.params({ reportWeek }).filter((d: { week: string }, $: { reportWeek: string }) => d.week === $.reportWeek);
  const upToWeek = context.tasks.params({ reportWeek }).filter((d: { week: string }, $: { reportWeek: string }) => d.week <= $.reportWeek);
  return [
    ...context.dimensions.map((dimension) => ({
      table: `adoption_by_${dimension}`,
      by: [],
      dimension,
      tasks: inWeek,
      allTeams: dimension !== 'team',
    })),
    { table: 'adoption_trend', by: ['week'], dimension: 'team', tasks: upToWeek, allTeams: false },
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
