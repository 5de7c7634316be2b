import { compareNumberedText } from '../util/compare-text.js';
import { columnLabel, formatCount } from '../metrics/column-catalog.js';
import type { MetricsDocument } from '../metrics/document.js';
import { largestRows } from './largest-rows.js';
import { leastPowerUserTasks } from './narrative.js';
import { tableToHtml, type TableHtmlOptions } from './table-html.js';

export interface ReportTable {
  /** The metrics table it shows (`adoption_by_team`, ...). */
  name: string;
  caption: string;
  html: string;
}

/**
 * Rows a report table shows at most (the all-teams row among them); metrics.xlsx and the CSVs hold every row. A
 * table of teams shows more: a large organisation's manager reads every team.
 */
export const REPORT_TABLE_ROWS = { teams: 100, others: 30 };

interface TableView {
  name: string;
  caption(doc: MetricsDocument): string;
  columns: string[] | ((doc: MetricsDocument) => string[]);
  rows?(doc: MetricsDocument): Record<string, unknown>[];
  largest: Largest;
  /** A note under the table whatever its length. */
  note?(doc: MetricsDocument, rows: Record<string, unknown>[]): string | undefined;
}

/** Over REPORT_TABLE_ROWS rows, the largest by `size` are shown, and the table's note says which (`what`, `which`). */
export interface Largest {
  size(row: Record<string, unknown>): number;
  what: string;
  which: string;
}

const count = (value: unknown) => (typeof value === 'number' ? value : 0);
const mostTasks = { size: (row: Record<string, unknown>) => count(row.ai_tasks) + count(row.manual_tasks), which: 'with the most tasks (AI and manual)' };

// The columns a manager needs, in reading order; every column of every table is in metrics.xlsx and the CSVs.
const VIEWS: TableView[] = [
  {
    name: 'adoption_by_team',
    caption: (doc) => `Adoption by team, ${doc.week}`,
    columns: ['team', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'user_adoption_rate', 'user_weighted_adoption_rate', 'abandonment_rate'],
    largest: { ...mostTasks, what: 'teams' },
  },
  {
    name: 'adoption_by_task_type',
    caption: (doc) => `Adoption by task type, ${doc.week} (all teams)`,
    columns: ['task_type', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'abandonment_rate'],
    largest: { ...mostTasks, what: 'task types' },
  },
  {
    name: 'time_saved',
    caption: (doc) => `Hours saved against the manual baseline, ${doc.week}`,
    columns: ['team', 'hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks'],
    rows: (doc) => doc.tables.time_saved.filter((row) => row.week === doc.week),
    largest: { size: (row) => Math.abs(count(row.hours_saved)), what: 'teams', which: 'with the most hours saved (or lost) this week' },
  },
  {
    name: 'harm',
    caption: (doc) => `Harmful outputs, ${doc.week}`,
    columns: ['team', 'ai_tasks', 'harmful', 'harm_rate'],
    largest: { size: (row) => count(row.harmful), what: 'teams', which: 'with the most harmful outputs' },
  },
  {
    name: 'power_users',
    // the week's one cut-off said once, as page 1 says it ("26 or more AI tasks in the week"), not as a column
    // repeating 25 on every row; a column again should the rows carry more than one
    caption: (doc) => {
      const rows = powerUsersOf(doc);
      const least = leastPowerUserTasks(rows);
      return least === null || !oneCutOff(rows) ? `Power users, ${doc.week} (above the weekly-volume percentile)` : `Power users, ${doc.week}: ${formatCount(least)} or more AI tasks in the week`;
    },
    columns: (doc) => ['user_id', 'team', 'ai_tasks', ...(oneCutOff(powerUsersOf(doc)) ? [] : ['threshold'])],
    // most AI tasks first (then by user), as the note of a long list says which are shown: by user id, u006 with 66
    // tasks sat among u1278, u234, ... with 27 to 30 each
    rows: (doc) => powerUsersOf(doc).sort((a, b) => count(b.ai_tasks) - count(a.ai_tasks) || compareNumberedText(String(a.user_id), String(b.user_id))),
    largest: { size: (row) => count(row.ai_tasks), what: 'power users', which: 'with the most AI tasks' },
  },
];

// The report week's power users (power_users holds every loaded week's).
function powerUsersOf(doc: MetricsDocument): Record<string, unknown>[] {
  return (doc.tables.power_users ?? []).filter((row) => row.week === doc.week) as unknown as Record<string, unknown>[];
}

// Whether the rows share one cut-off (a week's power users do), which the caption then says.
function oneCutOff(rows: Record<string, unknown>[]): boolean {
  return rows.length > 0 && rows.every((row) => typeof row.threshold === 'number' && row.threshold === rows[0].threshold);
}

/**
 * The view of `adoption_by_<key>` for a key of `metrics.groupBy` beyond team and task type: the task-type table's
 * columns, and a note counting the week's tasks that have no value of the key (left out of the table: manual
 * tasks have no `tool_version`, say).
 */
function groupByView(table: string, key: string): TableView {
  const label = columnLabel(key).toLowerCase();
  return {
    name: table,
    caption: (doc) => `Adoption by ${label}, ${doc.week} (all teams)`,
    columns: [key, 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'abandonment_rate'],
    largest: { ...mostTasks, what: `${label} values` },
    note(doc, rows) {
      const all = doc.tables.adoption_by_team.find((row) => row.team === '*');
      if (!all) return undefined;
      const left = (source: 'ai_tasks' | 'manual_tasks') => count(all[source]) - rows.reduce((sum, row) => sum + count(row[source]), 0);
      const [ai, manual] = [left('ai_tasks'), left('manual_tasks')];
      if (ai <= 0 && manual <= 0) return undefined;
      const tasks = [ai > 0 ? `${formatCount(ai)} AI` : '', manual > 0 ? `${formatCount(manual)} manual` : ''].filter(Boolean).join(' and ');
      // a withheld row's tasks are not shown either, and cannot be told apart from those with no value
      if (rows.some((row) => row.suppressed === true)) {
        return `Counted in no row: ${tasks} tasks of the week, those with no ${label} and those of the withheld rows (†); the all-teams row of the adoption by team counts them.`;
      }
      return `Not in this table: ${tasks} tasks of the week with no ${label} (the all-teams row of the adoption by team counts them).`;
    },
  };
}

/** The report's table views: the fixed ones, with one for each extra `metrics.groupBy` key after the task types. */
function viewsOf(doc: MetricsDocument): TableView[] {
  const extra = Object.keys(doc.tables)
    .filter((name) => name.startsWith('adoption_by_') && !VIEWS.some((view) => view.name === name))
    .map((name) => groupByView(name, name.slice('adoption_by_'.length)));
  const at = VIEWS.findIndex((view) => view.name === 'adoption_by_task_type') + 1;
  return [...VIEWS.slice(0, at), ...extra, ...VIEWS.slice(at)];
}

/** The privacy minimum the document was computed with, for footnotes. */
export function minGroupSizeOf(doc: MetricsDocument): number | undefined {
  const privacy = doc.privacy as { min_group_size?: unknown } | undefined;
  return typeof privacy?.min_group_size === 'number' ? privacy.min_group_size : undefined;
}

/**
 * The report's tables as HTML, in page order, labelled and formatted from the column catalogue;
 * a table without rows is left out.
 * @example reportTables(doc).map((table) => table.name) // ['adoption_by_team', 'adoption_by_task_type', ...]
 */
export function reportTables(doc: MetricsDocument): ReportTable[] {
  const minGroupSize = minGroupSizeOf(doc);
  return viewsOf(doc).flatMap((view) => {
    const rows = view.rows ? view.rows(doc) : ((doc.tables[view.name] ?? []) as Record<string, unknown>[]);
    if (rows.length === 0) return [];
    const caption = view.caption(doc);
    const note = view.note?.(doc, rows);
    const columns = typeof view.columns === 'function' ? view.columns(doc) : view.columns;
    return [{ name: view.name, caption, html: boundedTableHtml(view.name, rows, { caption, columns, minGroupSize, ...(note ? { note } : {}) }, view.largest) }];
  });
}

/**
 * A report table of metrics table `name` as HTML (tableToHtml), at most REPORT_TABLE_ROWS rows: past that, the
 * largest by `largest.size` among the rows not withheld (the all-teams row kept), in their order, with a note
 * under the table saying which, how many rows were left out and how many of those are withheld, and where every
 * row is.
 * @example boundedTableHtml('harm', rows, { caption: 'Harm' }, { size: (row) => Number(row.harmful), what: 'teams', which: 'with the most harmful outputs' })
 */
export function boundedTableHtml(name: string, rows: Record<string, unknown>[], options: TableHtmlOptions, largest: Largest): string {
  const teams = (options.columns ?? Object.keys(rows[0] ?? {}))[0] === 'team';
  const limit = teams ? REPORT_TABLE_ROWS.teams : REPORT_TABLE_ROWS.others;
  if (rows.length <= limit) return tableToHtml(rows, options);
  // a withheld row has no figures to rank it by: a table cut short shows none (each counts among those left out)
  const withheld = (row: Record<string, unknown>) => row.suppressed === true;
  const shown = largestRows(
    rows.filter((row) => !withheld(row)),
    limit,
    largest.size,
    (row) => teams && row.team === '*',
  );
  const note = [shownNote(name, rows.length, shown.length, rows.filter(withheld).length, largest), options.note].filter((text) => text !== undefined).join(' ');
  return tableToHtml(shown, { ...options, note, withheldLeftOut: rows.some(withheld) });
}

// What a table cut short shows, of how many rows, and how many of those left out are withheld (†, explained under
// the table in the report's words).
function shownNote(name: string, total: number, shown: number, withheld: number, largest: Largest): string {
  const all = formatCount(total);
  const leftOut = total - shown;
  const where = `every row is in metrics.xlsx and ${name}.csv.`;
  if (withheld === 0) return `Shown: the ${shown} ${largest.what} ${largest.which}, of ${all}; ${where}`;
  if (shown === 0) return `Shown: none of the ${all} ${largest.what}: every one is withheld (†); ${where}`;
  if (withheld === leftOut) return `Shown: the ${shown} ${largest.what} not withheld, of ${all}; the other ${formatCount(leftOut)} are withheld (†); ${where}`;
  return (
    `Shown: the ${shown} ${largest.what} ${largest.which} among those not withheld, of ${all}; ` +
    `of the ${formatCount(leftOut)} left out, ${formatCount(withheld)} ${withheld === 1 ? 'is' : 'are'} withheld (†); ${where}`
  );
}
