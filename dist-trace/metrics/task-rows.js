import { memoizedPer } from '../columns/cached-in.js';
import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { keepRows } from '../columns/keep-rows.js';
// Filtering arquero tables copies every column a KPI then reads; index lists into the full table do not.
/**
 * The shared row selections of a context, computed once.
 * @example for (const row of taskRows(context).reportWeek) total += ai[row]
 */
export const taskRows = memoizedPer(selectTaskRows);
function selectTaskRows(context) {
    const { week, previous } = context.report;
    const weeks = columnCodes(context.tasks, 'week');
    const weekIds = weeks.ids;
    const kindOfWeek = weeks.values.map((value) => (value === week ? 'report' : value === previous ? 'previous' : 'other'));
    const ai = columnValues(context.tasks, 'ai');
    const reportWeek = keepRows(weekIds.length, (row) => kindOfWeek[weekIds[row]] === 'report');
    return {
        reportWeek,
        reportWeekAi: keepRows(reportWeek, (row) => ai[row] === 1),
        previousWeek: keepRows(weekIds.length, (row) => kindOfWeek[weekIds[row]] === 'previous'),
    };
}
//# sourceMappingURL=task-rows.js.map