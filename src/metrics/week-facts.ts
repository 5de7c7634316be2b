import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import { columnCodes, keepRows, takeRows } from '../columns/index.js';
import { enrichTasks } from './enrich-tasks.js';
import type { WeekFacts } from './kpi.js';
import { registry } from './registry.js';
import type { ReportWeek } from './resolve-week.js';
import { privacyWeekFacts } from './suppress-small-groups.js';

/**
 * The version of what weekFacts gives: bump it with any change to a KPI's facts, so that a store computes every
 * week's facts again (store-report.ts's factsHash holds it).
 */
export const FACTS_VERSION = 5;

/**
 * Every KPI's facts (and the privacy step's) from the cleaned tasks of whole ISO weeks (report zone): small rows
 * keyed by week that depend only on those tasks and the config, never on the report week, the roster or other
 * weeks. A store computes them once per week and keeps them; the facts of disjoint sets of weeks concatenate
 * (concatFacts): weekFacts(A ∪ B) holds the rows of weekFacts(A) and weekFacts(B). Plain JSON rows.
 * @example weekFacts(tasksOfWeek47, config).adoption_weeks // [{ week: '2026-W47', team: '*', ai_tasks: 812, manual_tasks: 940 }, ...]
 */
export function weekFacts(tasks: ColumnTable, config: Config): WeekFacts {
  return factsOfEnriched(enrichTasks(tasks, config), config);
}

/** weekFacts over tasks already enriched (enrichTasks). */
export function factsOfEnriched(tasks: ColumnTable, config: Config): WeekFacts {
  // KPIs that share facts (the people KPIs) share the function: each step runs once.
  const steps = new Set([...registry.map((kpi) => kpi.facts), privacyWeekFacts]);
  const facts: WeekFacts = {};
  for (const step of steps) if (step) Object.assign(facts, step(tasks, config));
  return facts;
}

/**
 * The facts of several disjoint sets of weeks as the facts of their union: each table's rows, one set after another.
 * @example concatFacts(weeks.map((week) => store.factsOf(week)))
 */
export function concatFacts(parts: WeekFacts[]): WeekFacts {
  const facts: WeekFacts = {};
  for (const part of parts) for (const [table, rows] of Object.entries(part)) (facts[table] ??= []).push(...rows);
  return facts;
}

/**
 * The report window: the ISO weeks (report zone) whose cleaned tasks the KPIs read besides the facts: the report
 * week (its adoption tables, harm, user adoption, power users); the week before is read from its facts
 * (week-over-week deltas: delta.ts). A store loads exactly the tasks of these weeks.
 * @example reportWindow(resolveWeek(data, config, '2026-W47'), config) // ['2026-W47']
 */
export function reportWindow(report: ReportWeek, _config: Config): string[] {
  return [report.week];
}

/**
 * The rows of enriched tasks in the report window, as a table of the cleaned tasks' columns (enrichment dropped).
 * @example windowTasks(enrichTasks(data.tasks, config), data.tasks, reportWindow(report, config))
 */
export function windowTasks(enriched: ColumnTable, cleaned: ColumnTable, weeks: string[]): ColumnTable {
  const weekCodes = columnCodes(enriched, 'week');
  const inWindow = (weekCodes.values as string[]).map((week) => weeks.includes(week));
  return takeRows(cleaned, keepRows(weekCodes.ids.length, (row) => inWindow[weekCodes.ids[row]]));
}
