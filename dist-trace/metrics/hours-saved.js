import { columnCodes } from '../columns/column-codes.js';
import { columnValues } from '../columns/column-values.js';
import { sortedQuantile } from './quantile.js';
import { eachGroupSubtotals, scopeGroups, sortedValuesByGroup } from '../columns/scope-groups.js';
import { cachedIn, keepRows, numberColumn } from '../columns/index.js';
import { trendFacts, trendGroups } from './adoption-scopes.js';
export const hoursSaved = {
    id: 'hours_saved',
    title: 'Hours saved (with manual baselines)',
    definition: 'baseline_min(task type) is the median duration in minutes of the manual tasks of that type that have a duration ' +
        'and start on or before the end of the report week (every loaded week up to then; one baseline per report, ' +
        'applied to every week). hours_saved sums, over completed AI tasks with a duration whose type has a baseline, ' +
        '(baseline_min - duration in minutes) / 60; it is not clamped at zero, so slower AI tasks count against it. ' +
        'Tasks with an unknown duration or one above the configured maximum (8 h) have no duration. ' +
        'cumulative_hours_saved is the running sum per team over the listed weeks (the adoption_trend weeks). ' +
        'timed_ai_tasks counts the AI tasks that contributed; the baselines table lists each baseline.',
    grain: 'week',
    dimensions: ['team', 'task_type'],
    columns: {
        time_saved: ['hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks'],
        baselines: ['task_type', 'baseline_min', 'manual_tasks_with_duration'],
    },
    // Facts: per week, team (plus "*") and task type, the timed AI tasks (completed, with a duration) and the sum
    // of their minutes; every (week, team, task type) holding a task has a row, so every week and team is listed.
    facts(tasks) {
        const groups = trendGroups(tasks);
        const ai = columnValues(tasks, 'ai');
        const durations = columnValues(tasks, 'duration_min');
        const [timed, minutes] = [numberColumn(ai.length), numberColumn(ai.length)];
        for (let row = 0; row < ai.length; row += 1) {
            if (ai[row] !== 1 || Number.isNaN(durations[row]))
                continue;
            timed[row] = 1;
            minutes[row] = durations[row];
        }
        const types = columnCodes(tasks, 'task_type');
        const rows = [];
        eachGroupSubtotals(groups, types, [timed, minutes], (group, { count, codes, sums: [timedOf, minutesOf] }) => {
            const { week, team } = groups.keys[group];
            for (let slot = 0; slot < count; slot += 1) {
                rows.push({ week, team, task_type: types.values[codes[slot]] ?? null, timed_ai_tasks: timedOf[slot], duration_min: minutesOf[slot] });
            }
        });
        return { timed_ai_tasks: rows, manual_durations: manualDurations(tasks) };
    },
    // Per week and team: the sum over task types (in type order) of (timed AI tasks x baseline - their minutes) / 60.
    // This equals the CONTRACT's sum over tasks of (baseline - duration) / 60, grouped by type because the baseline
    // changes as weeks land while a week's facts do not: the float sum may differ from a per-task sum in the last bits.
    compute(context) {
        const baselineByType = new Map(context.baselines.map((row) => [row.task_type, row.baseline_min]));
        const weeks = new Map();
        for (const row of trendFacts(context, 'timed_ai_tasks')) {
            cachedIn(weeks, `${String(row.week)}\u0000${String(row.team)}`, () => ({ week: row.week, team: row.team, parts: [] })).parts.push(row);
        }
        const weekRows = [...weeks.values()]
            .map(({ week, team, parts }) => {
            let [hours, timed] = [0, 0];
            for (const part of [...parts].sort((a, b) => compareText(a.task_type, b.task_type))) {
                const baseline = baselineByType.get(part.task_type);
                const tasks = part.timed_ai_tasks;
                if (baseline === undefined || tasks === 0)
                    continue;
                hours += (tasks * baseline - part.duration_min) / 60;
                timed += tasks;
            }
            return { week, team, hours_saved: hours, timed_ai_tasks: timed };
        })
            .sort((a, b) => compareText(a.week, b.week));
        const running = new Map();
        const timeSaved = weekRows.map((row) => {
            const hours = row.hours_saved;
            const cumulative = (running.get(row.team) ?? 0) + hours;
            running.set(row.team, cumulative);
            return { week: row.week, team: row.team, hours_saved: hours, cumulative_hours_saved: cumulative, timed_ai_tasks: row.timed_ai_tasks };
        });
        return { time_saved: timeSaved, baselines: context.baselines.map((row) => ({ ...row })) };
    },
};
/**
 * The median duration of the manual tasks with a duration per task type, over the enriched tasks of every week up
 * to the report week, ordered by type as arquero's orderby does: the KpiContext's baselines. A store computes the
 * same in SQL: per task_type (not null) over the manual tasks (source manual_logs, any status) with a duration
 * (duration_ms not null) whose start lies in an ISO week of the report zone up to the report week (started_at before
 * the Monday after it, 00:00 report zone), n = COUNT(*) and the durations in minutes (duration_ms / 60000) sorted ascending; with
 * position = (n - 1) * 0.5, below = FLOOR(position) and above = MIN(below + 1, n - 1) (0-based), the two middle
 * values v[below] and v[above] give baseline_min = v[below] + (position - below) * (v[above] - v[below]) (quantile.ts's
 * sortedQuantile, not AVG, so the float matches), manual_tasks_with_duration = n; rows ordered by task_type.
 * @example manualBaselines(enrichTasks(data.tasks, config), report)[0] // { task_type: 'contract review', baseline_min: 42, manual_tasks_with_duration: 120 }
 */
export function manualBaselines(tasks, report) {
    const weeks = columnCodes(tasks, 'week');
    const upToReportWeek = weeks.values.map((week) => week <= report.week);
    const manual = columnValues(tasks, 'manual');
    const durations = columnValues(tasks, 'duration_min');
    const timedManual = keepRows(manual.length, (row) => manual[row] === 1 && !Number.isNaN(durations[row]) && upToReportWeek[weeks.ids[row]]);
    const groups = scopeGroups(tasks, timedManual, { by: [], dimension: 'task_type', includeAll: false });
    const sortedDurations = sortedValuesByGroup(groups, durations);
    return groups.keys
        .map((keys, group) => {
        const sorted = sortedDurations[group];
        return { task_type: keys.task_type, baseline_min: sortedQuantile(sorted, 0.5), manual_tasks_with_duration: sorted.length };
    })
        .sort((a, b) => compareText(a.task_type, b.task_type));
}
// Per week and task type, how many manual tasks took each duration (in minutes): the baselines' facts. A median
// is not a sum, but the count of each value is: the durations of any set of weeks are these rows merged.
function manualDurations(tasks) {
    const weeks = columnCodes(tasks, 'week');
    const types = columnCodes(tasks, 'task_type');
    const manual = columnValues(tasks, 'manual');
    const durations = columnValues(tasks, 'duration_min');
    const counts = new Map();
    for (let row = 0; row < manual.length; row += 1) {
        if (manual[row] !== 1 || Number.isNaN(durations[row]))
            continue;
        const entry = cachedIn(counts, `${weeks.ids[row]}\u0000${types.ids[row]}\u0000${durations[row]}`, () => ({
            week: weeks.values[weeks.ids[row]], task_type: types.values[types.ids[row]] ?? null, duration_min: durations[row], tasks: 0,
        }));
        entry.tasks += 1;
    }
    return [...counts.values()];
}
/**
 * manualBaselines from the weeks' facts (manual_durations) instead of every task: per task type, the durations of
 * the weeks up to the report week merged, and the median of their sorted values by the same formula.
 * @example baselinesFromFacts(concatFacts(storedFacts), report) // equals manualBaselines(enrichTasks(allTasks, config), report)
 */
export function baselinesFromFacts(facts, report) {
    const byType = new Map();
    for (const row of facts.manual_durations ?? []) {
        if (row.week > report.week)
            continue;
        const counts = cachedIn(byType, row.task_type, () => new Map());
        counts.set(row.duration_min, (counts.get(row.duration_min) ?? 0) + row.tasks);
    }
    return [...byType]
        .map(([type, counts]) => {
        const values = [...counts.keys()].sort((a, b) => a - b);
        const n = values.reduce((sum, value) => sum + counts.get(value), 0);
        // the sorted durations as sortedQuantile reads them: the value at a position is the one whose run of equal values covers it
        const at = (position) => {
            let seen = 0;
            for (const value of values)
                if ((seen += counts.get(value)) > position)
                    return value;
            return Number.NaN;
        };
        const sorted = new Proxy({ length: n }, { get: (target, key) => (key === 'length' ? n : at(Number(key))) });
        return { task_type: type, baseline_min: sortedQuantile(sorted, 0.5), manual_tasks_with_duration: n };
    })
        .sort((a, b) => compareText(a.task_type, b.task_type));
}
function compareText(a, b) {
    const [left, right] = [String(a), String(b)];
    return left < right ? -1 : left > right ? 1 : 0;
}
//# sourceMappingURL=hours-saved.js.map