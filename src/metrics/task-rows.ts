import { memoizedPer } from '../columns/cached-in.js';
import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import type { KpiContext } from './kpi.js';

/** Row selections of context.tasks that several KPIs share: row indices, in table order. */
export interface TaskRows {
  all: Int32Array;
  /** Tasks of the report week. */
  reportWeek: Int32Array;
  /** Completed AI tasks (ai = 1) of the report week. */
  reportWeekAi: Int32Array;
  /** Tasks of the ISO week before the report week. */
  previousWeek: Int32Array;
  /** Tasks of every week up to and including the report week. */
  upToReportWeek: Int32Array;
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
  // Per week id: 1 the report week, 2 the week before, 3 an earlier week, 0 a later one.
  const kind = Uint8Array.from(weeks.values as string[], (value) => (value === week ? 1 : value === previous ? 2 : value < week ? 3 : 0));
  const ai = columnValues(context.tasks, 'ai') as ArrayLike<number>;
  const length = weekIds.length;
  const all = new Int32Array(length);
  const upTo = new Int32Array(length);
  const inWeek: number[] = [];
  const inWeekAi: number[] = [];
  const before: number[] = [];
  let upToCount = 0;
  for (let row = 0; row < length; row += 1) {
    all[row] = row;
    const weekKind = kind[weekIds[row]];
    if (weekKind === 0) continue;
    upTo[upToCount] = row;
    upToCount += 1;
    if (weekKind === 1) {
      inWeek.push(row);
      if (ai[row] === 1) inWeekAi.push(row);
    } else if (weekKind === 2) {
      before.push(row);
    }
  }
  return {
    all,
    reportWeek: Int32Array.from(inWeek),
    reportWeekAi: Int32Array.from(inWeekAi),
    previousWeek: Int32Array.from(before),
    upToReportWeek: upTo.subarray(0, upToCount),
  };
}
