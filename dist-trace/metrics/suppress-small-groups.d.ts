import type { ColumnTable } from 'arquero';
import type { KpiContext, Row, WeekFacts } from './kpi.js';
import type { TableLayout } from './table-layouts.js';
/**
 * Privacy: in grouped tables, a row whose group had fewer than `privacy.minGroupSize` distinct users
 * (with any task in that period and group) keeps its keys, gets `suppressed: true` and null measures.
 * "*" rows are computed from all data and never suppressed. Every row of such a table gets `suppressed`.
 * @example suppressSmallGroups(tables, tableLayouts(['team']), context).harm[1].suppressed // true
 */
export declare function suppressSmallGroups(tables: Record<string, Row[]>, layouts: TableLayout[], context: KpiContext): Record<string, Row[]>;
/**
 * Facts for the week and month tables' privacy: distinct users with any task (AI of any status, or manual) per
 * week and team (users_per_week_team), and which users per week, month and team (users_per_month_team: a month's
 * distinct users are the union over its weeks, not a sum).
 * @example privacyWeekFacts(enrichTasks(tasks, config)).users_per_week_team[0] // { week: '2026-W40', team: 'Finance', users: 12 }
 */
export declare function privacyWeekFacts(tasks: ColumnTable): WeekFacts;
