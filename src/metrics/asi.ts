import { DateTime } from 'luxon';
import { op } from 'arquero';
import { groupRows, groupedBy } from './group-rows.js';
import { count, ratio, type Kpi, type Row } from './kpi.js';

export const asi: Kpi = {
  id: 'asi',
  title: 'Accuracy stability index (ASI)',
  definition:
    'Completed AI tasks with accuracy at or above the target (0.9 by default) / completed AI tasks with an accuracy ' +
    '(evaluated), per calendar month (report time zone, by the task\'s start) and team. Months run from the first ' +
    'month holding an evaluated task up to the month of the report week\'s Sunday; each month counts all of its tasks ' +
    '(so when an earlier week is reported, the last month may include later days). A team is listed in a month when it ' +
    'has at least one evaluated task; the all-teams row is listed for every month. Null when nothing was evaluated.',
  grain: 'month',
  dimensions: ['team'],
  columns: { accuracy_stability: ['evaluated', 'above_target', 'asi'] },
  compute(context) {
    const lastMonth = context.report.month;
    const evaluated = context.tasks
      .params({ lastMonth })
      .filter((d: { evaluated: number; month: string }, $: { lastMonth: string }) => d.evaluated === 1 && d.month <= $.lastMonth);
    if (evaluated.numRows() === 0) return { accuracy_stability: [] };
    const firstMonth = (evaluated.array('month') as string[]).reduce((first, month) => (month < first ? month : first));
    const rows = groupRows(evaluated, { by: ['month'], dimension: 'team' }, (table, keys) =>
      groupedBy(table, keys).rollup({ evaluated: op.sum('evaluated'), above_target: op.sum('above_target') }),
    );
    const present = new Set(rows.filter((row) => row.team === '*').map((row) => row.month));
    const quietMonths = monthRange(firstMonth, lastMonth).filter((month) => !present.has(month));
    const table: Row[] = [...rows, ...quietMonths.map((month) => ({ month, team: '*', evaluated: 0, above_target: 0 }))].map((row) => {
      const evaluatedTasks = count(row.evaluated);
      const aboveTarget = count(row.above_target);
      return { month: row.month, team: row.team, evaluated: evaluatedTasks, above_target: aboveTarget, asi: ratio(aboveTarget, evaluatedTasks) };
    });
    return { accuracy_stability: table };
  },
};

/** Every `YYYY-MM` from first to last, both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = DateTime.fromISO(`${first}-01`, { zone: 'UTC' }); month.toFormat('yyyy-MM') <= last; month = month.plus({ months: 1 })) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}
