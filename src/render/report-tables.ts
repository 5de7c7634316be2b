import type { MetricsDocument } from '../metrics/document.js';
import { largestRows } from './largest-rows.js';
import { tableToHtml } from './table-html.js';

export interface ReportTable {
  /** The metrics table it shows (`adoption_by_team`, ...). */
  name: string;
  caption: string;
  html: string;
}

/** Rows a report table shows at most (the all-teams row among them); metrics.xlsx and the CSVs hold every row. */
export const REPORT_TABLE_ROWS = 30;

interface TableView {
  name: string;
  caption(doc: MetricsDocument): string;
  columns: string[];
  rows?(doc: MetricsDocument): Record<string, unknown>[];
  /** Over REPORT_TABLE_ROWS rows, the largest by `size` are shown, and the table's note says which (`what`, `which`). */
  largest: { size(row: Record<string, unknown>): number; what: string; which: string };
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
    largest: { size: (row) => Math.abs(count(row.hours_saved)), what: 'teams', which: 'with the most hours saved this week' },
  },
  {
    name: 'harm',
    caption: (doc) => `Harmful outputs, ${doc.week}`,
    columns: ['team', 'ai_tasks', 'harmful', 'harm_rate'],
    largest: { size: (row) => count(row.harmful), what: 'teams', which: 'with the most harmful outputs' },
  },
  {
    name: 'power_users',
    caption: (doc) => `Power users, ${doc.week} (above the weekly-volume percentile)`,
    columns: ['user_id', 'team', 'ai_tasks', 'threshold'],
    rows: (doc) => (doc.tables.power_users ?? []).filter((row) => row.week === doc.week),
    largest: { size: (row) => count(row.ai_tasks), what: 'power users', which: 'with the most AI tasks' },
  },
];

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
  return VIEWS.flatMap((view) => {
    const rows = view.rows ? view.rows(doc) : ((doc.tables[view.name] ?? []) as Record<string, unknown>[]);
    if (rows.length === 0) return [];
    const caption = view.caption(doc);
    // (a withheld row's figures are not shown: it comes after every shown row)
    const size = (row: Record<string, unknown>) => (row.suppressed === true ? -1 : view.largest.size(row));
    const shown = largestRows(rows, REPORT_TABLE_ROWS, size, (row) => row.team === '*' && view.columns[0] === 'team');
    const note =
      shown.length < rows.length
        ? `Shown: the ${shown.length} ${view.largest.what} ${view.largest.which}, of ${rows.length.toLocaleString('en-US')}; every row is in metrics.xlsx and ${view.name}.csv.`
        : undefined;
    return [{ name: view.name, caption, html: tableToHtml(shown, { caption, columns: view.columns, minGroupSize, note }) }];
  });
}
