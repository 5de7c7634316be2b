import { type RowIndices } from '../columns/keep-rows.js';
import type { KpiContext } from './kpi.js';
/** Row selections of the report window's tasks (context.tasks) that several KPIs share: row indices, in table order. */
export interface TaskRows {
    /** Tasks of the report week. */
    reportWeek: RowIndices;
    /** Completed AI tasks (ai = 1) of the report week. */
    reportWeekAi: RowIndices;
    /** Tasks of the ISO week before the report week. */
    previousWeek: RowIndices;
}
/**
 * The shared row selections of a context, computed once.
 * @example for (const row of taskRows(context).reportWeek) total += ai[row]
 */
export declare const taskRows: (context: KpiContext) => TaskRows;
