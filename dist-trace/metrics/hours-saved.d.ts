import type { ColumnTable } from 'arquero';
import type { Baseline, Kpi, WeekFacts } from './kpi.js';
import type { ReportWeek } from './resolve-week.js';
export declare const hoursSaved: Kpi;
/**
 * The median duration of the manual tasks with a duration per task type, over the enriched tasks of every week up
 * to the report week, ordered by type as arquero's orderby does: the KpiContext's baselines. A store computes the
 * same in SQL: per task_type (not null) over the manual tasks (source manual_logs, any status) with a duration
 * (duration_ms not null) whose start lies in an ISO week of the report zone up to the report week (started_at before
 * the Monday after it, 00:00 report zone), n = COUNT(*) and the durations in minutes (duration_ms / 60000) sorted ascending; with
 * position = (n - 1) * 0.5, below = FLOOR(position) and above = MIN(below + 1, n - 1) (0-based), the two middle
 * values v[below] and v[above] give baseline_min = v[below] + (position - below) * (v[above] - v[below]) (quantile.ts's
 * sortedQuantile, not AVG, so the float matches), manual_tasks_with_duration = n; rows ordered by task_type.
 * @example manualBaselines(enrichTasks(data.tasks, config), report)[0] // { task_type: 'contract review', baseline_min: 42, manual_tasks_with_duration: 120 }
 */
export declare function manualBaselines(tasks: ColumnTable, report: ReportWeek): Baseline[];
/**
 * manualBaselines from the weeks' facts (manual_durations) instead of every task: per task type, the durations of
 * the weeks up to the report week merged, and the median of their sorted values by the same formula.
 * @example baselinesFromFacts(concatFacts(storedFacts), report) // equals manualBaselines(enrichTasks(allTasks, config), report)
 */
export declare function baselinesFromFacts(facts: WeekFacts, report: ReportWeek): Baseline[];
