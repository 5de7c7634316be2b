import { monthNumber, monthOfNumber } from '../util/iso-week.js';
import { columnValues } from '../columns/column-values.js';
import { ratio } from './kpi.js';
import { scopeGroups, sumByGroup } from '../columns/scope-groups.js';
import { cachedIn, keepRows } from '../columns/index.js';
/**
 * CONTRACT 3 (asi): an evaluated task is an AI task (adoption's isAiTask) with an accuracy (the enriched
 * table's `evaluated` column).
 * @example isEvaluatedAiTask(true, 0.8) // true; isEvaluatedAiTask(true, null) // false
 */
export function isEvaluatedAiTask(aiTask, accuracy) {
    return aiTask && accuracy !== null;
}
/**
 * CONTRACT 3 (asi): an evaluated AI task whose accuracy is at or above the target (`metrics.accuracyTarget`,
 * 0.9 by default): the enriched table's `above_target` column.
 * @example isAboveTarget(true, 0.9, 0.9) // true; isAboveTarget(true, 0.89, 0.9) // false
 */
export function isAboveTarget(aiTask, accuracy, target) {
    return isEvaluatedAiTask(aiTask, accuracy) && accuracy >= target;
}
export const asi = {
    id: 'asi',
    title: 'Accuracy stability index (ASI)',
    definition: 'Completed AI tasks with accuracy at or above the target (0.9 by default) / completed AI tasks with an accuracy ' +
        '(evaluated), per calendar month (report time zone, by the task\'s start) and team. Months run from the first ' +
        'month holding an evaluated task up to the month of the report week\'s Sunday; each month counts all of its tasks ' +
        '(so when an earlier week is reported, the last month may include later days). A team is listed in a month when it ' +
        'has at least one evaluated task; the all-teams row is listed for every month. Null when nothing was evaluated.',
    grain: 'month',
    dimensions: ['team'],
    columns: { accuracy_stability: ['evaluated', 'above_target', 'asi'] },
    // Facts: evaluated and above-target AI tasks per week, month and team (plus "*"), where any was evaluated.
    facts(tasks) {
        const isEvaluated = columnValues(tasks, 'evaluated');
        const evaluated = keepRows(isEvaluated.length, (row) => isEvaluated[row] === 1);
        const groups = scopeGroups(tasks, evaluated, { by: ['week', 'month'], dimension: 'team' });
        const evaluatedTasks = sumByGroup(groups, isEvaluated);
        const aboveTarget = sumByGroup(groups, columnValues(tasks, 'above_target'));
        return {
            asi_months: groups.keys.map((keys, group) => ({ week: keys.week, month: keys.month, team: keys.team, evaluated: evaluatedTasks[group], above_target: aboveTarget[group] })),
        };
    },
    // Every month's counts are the sums over its weeks' facts, later weeks included.
    compute(context) {
        const lastMonth = context.report.month;
        const lastMonthNumber = monthNumber(lastMonth);
        const totals = new Map();
        for (const fact of context.facts.asi_months ?? []) {
            if (monthNumber(fact.month) > lastMonthNumber)
                continue;
            const row = cachedIn(totals, `${String(fact.month)}\u0000${String(fact.team)}`, () => ({ month: fact.month, team: fact.team, evaluated: 0, above_target: 0 }));
            row.evaluated = row.evaluated + fact.evaluated;
            row.above_target = row.above_target + fact.above_target;
        }
        if (totals.size === 0)
            return { accuracy_stability: [] };
        const rows = [...totals.values()];
        const present = new Set(rows.filter((row) => row.team === '*').map((row) => row.month));
        const firstMonth = [...present].reduce((first, month) => (monthNumber(month) < monthNumber(first) ? month : first));
        const quietMonths = monthRange(firstMonth, lastMonth).filter((month) => !present.has(month));
        const table = [...rows, ...quietMonths.map((month) => ({ month, team: '*', evaluated: 0, above_target: 0 }))].map((row) => {
            const evaluatedCount = row.evaluated;
            const aboveCount = row.above_target;
            return { month: row.month, team: row.team, evaluated: evaluatedCount, above_target: aboveCount, asi: ratio(aboveCount, evaluatedCount) };
        });
        return { accuracy_stability: table };
    },
};
/** Every `YYYY-MM` from first to last, both included. */
export function monthRange(first, last) {
    const months = [];
    const lastNumber = monthNumber(last);
    for (let month = monthNumber(first); month <= lastNumber; month += 1)
        months.push(monthOfNumber(month));
    return months;
}
//# sourceMappingURL=asi.js.map