import { memoizedPer } from '../columns/cached-in.js';
import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { keepRows, type RowIndices } from '../columns/keep-rows.js';
import type { KpiContext } from './kpi.js';

/** Row selections of the report window's tasks (context.tasks) that several KPIs share: row indices, in table order. */
export interface TaskRows {
  /** Tasks of the report week. */
  reportWeek: RowIndices;
  /** Completed AI tasks (ai = 1) of the report week. */
  reportWeekAi: RowIndices;
}

// Filtering arquero tables copies every column a KPI then reads; index lists into the full table do not.
/**
 * The shared row selections of a context, computed once.
 * @example for (const row of taskRows(context).reportWeek) total += ai[row]
 */
export const taskRows: (context: KpiContext) => TaskRows = memoizedPer(selectTaskRows);

function selectTaskRows(context: KpiContext): TaskRows {
  const { week } = context.report;
  const weeks = columnCodes(context.tasks, 'week');
  const weekIds = weeks.ids;
  const isReportWeek = (weeks.values as string[]).map((value) => value === week);
  const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
  const reportWeek = keepRows(weekIds.length, (row) => isReportWeek[weekIds[row]]);
  return {
    reportWeek,
    reportWeekAi: keepRows(reportWeek, (row) => ai[row] === 1),
  };
}
