import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import type { WeekFacts } from './kpi.js';
import type { ReportWeek } from './resolve-week.js';
/**
 * The version of what weekFacts gives: bump it with any change to a KPI's facts, so that a store computes every
 * week's facts again (store-report.ts's factsHash holds it).
 */
export declare const FACTS_VERSION = 2;
/**
 * Every KPI's facts (and the privacy step's) from the cleaned tasks of whole ISO weeks (report zone): small rows
 * keyed by week that depend only on those tasks and the config, never on the report week, the roster or other
 * weeks. A store computes them once per week and keeps them; the facts of disjoint sets of weeks concatenate
 * (concatFacts): weekFacts(A ∪ B) holds the rows of weekFacts(A) and weekFacts(B). Plain JSON rows.
 * @example weekFacts(tasksOfWeek47, config).adoption_weeks // [{ week: '2026-W47', team: '*', ai_tasks: 812, manual_tasks: 940 }, ...]
 */
export declare function weekFacts(tasks: ColumnTable, config: Config): WeekFacts;
/** weekFacts over tasks already enriched (enrichTasks). */
export declare function factsOfEnriched(tasks: ColumnTable, config: Config): WeekFacts;
/**
 * The facts of several disjoint sets of weeks as the facts of their union: each table's rows, one set after another.
 * @example concatFacts(weeks.map((week) => store.factsOf(week)))
 */
export declare function concatFacts(parts: WeekFacts[]): WeekFacts;
/**
 * The report window: the ISO weeks (report zone) whose cleaned tasks the KPIs read besides the facts: the report
 * week (its adoption tables, harm, user adoption, power users) and the week before (week-over-week deltas).
 * A store loads exactly the tasks of these weeks.
 * @example reportWindow(resolveWeek(data, config, '2026-W47'), config) // ['2026-W46', '2026-W47']
 */
export declare function reportWindow(report: ReportWeek, _config: Config): string[];
/**
 * The rows of enriched tasks in the report window, as a table of the cleaned tasks' columns (enrichment dropped).
 * @example windowTasks(enrichTasks(data.tasks, config), data.tasks, reportWindow(report, config))
 */
export declare function windowTasks(enriched: ColumnTable, cleaned: ColumnTable, weeks: string[]): ColumnTable;
