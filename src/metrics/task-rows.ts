import { memoizedPer } from '../columns/cached-in.js';
import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { keepRows, rowNumbers, type RowIndices } from '../columns/keep-rows.js';
import type { KpiContext } from './kpi.js';

/** Row selections of context.tasks that several KPIs share: row indices, in table order. */
export interface TaskRows {
  all: RowIndices;
  /** Tasks of the report week. */
  reportWeek: RowIndices;
  /** Completed AI tasks (ai = 1) of the report week. */
  reportWeekAi: RowIndices;
  /** Tasks of the ISO week before the report week. */
  previousWeek: RowIndices;
  /** Tasks of every week up to and including the report week. */
  upToReportWeek: RowIndices;
}

// Filtering arquero tables copies every column a KPI then reads; index lists into the full table do not.
/**
 * The shared row selections of a context, computed once.
 * @example for (const row of taskRows(context).reportWeek) total += ai[row]
 */
export const taskRows: (context: KpiContext) => TaskRows = memoizedPer(selectTaskRows);

function selectTaskRows(context: KpiContext): TaskRows {
  const { week, previous } = context.report;
  const weeks = columnCodes(context.tasks, 'week');
  const weekIds = weeks.ids;
  // The kind of each week id: the report week, the week before, an earlier week, or a later one (left out).
  const kindOfWeek = (weeks.values as string[]).map((value) => (value === week ? 'report' : value === previous ? 'previous' : value < week ? 'earlier' : 'later'));
  const kind = (row: number) => kindOfWeek[weekIds[row]];
  const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
  const all = rowNumbers(weekIds.length);
  const upToReportWeek = keepRows(all, (row) => kind(row) !== 'later');
  const reportWeek = keepRows(upToReportWeek, (row) => kind(row) === 'report');
  return {
    all,
    reportWeek,
    reportWeekAi: keepRows(reportWeek, (row) => ai[row] === 1),
    previousWeek: keepRows(upToReportWeek, (row) => kind(row) === 'previous'),
    upToReportWeek,
  };
}
