import { dateOfDay, dayNumber, weekdayOfDay } from '../util/iso-week.js';
import { allRowsOf, cachedIn, countByGroup, scopeGroups } from '../columns/index.js';
import { median } from './quantile.js';
const SOURCES = ['ai_logs', 'manual_logs'];
export const gaps = {
    id: 'gaps',
    title: 'Data gaps',
    definition: 'A (source, team, date) of the report week (Monday to Sunday, as UTC dates, within the loaded dates) with zero ' +
        'tasks while the median daily task count of that team and source, over every loaded date with the same weekday ' +
        '(days without tasks counted as 0), is at least 5 (configurable). Tasks are counted per UTC date of their start: ' +
        'stitched AI tasks of any status for ai_logs, manual tasks for manual_logs. Tasks without a team are ignored. ' +
        'A gap usually means a missing export, not a quiet day; expected_tasks is that median.',
    grain: 'week',
    dimensions: ['source', 'team'],
    columns: { gaps: ['source', 'team', 'date', 'expected_tasks'] },
    // Facts: tasks with a team per week, source, UTC date and team.
    facts(tasks) {
        const groups = scopeGroups(tasks, allRowsOf(tasks), { by: ['week', 'source', 'utc_date'], dimension: 'team', includeAll: false });
        const tasksOf = countByGroup(groups);
        return {
            tasks_per_day: groups.keys.map((keys, group) => ({ week: keys.week, source: keys.source, utc_date: keys.utc_date, team: keys.team, tasks: tasksOf[group] })),
        };
    },
    compute(context) {
        const loaded = context.loadedDates;
        if (!loaded)
            return { gaps: [] };
        const [firstDay, lastDay] = [dayNumber(loaded.first), dayNumber(loaded.last)];
        const loadedDates = dateRange(firstDay, lastDay);
        const weekDates = dateRange(Math.max(dayNumber(context.report.start), firstDay), Math.min(dayNumber(context.report.end), lastDay));
        const perDay = tasksPerDay(context);
        const weekdays = new Map(loadedDates.map((date) => [date, weekdayOf(date)]));
        const minimum = context.config.metrics.gapMinMedian;
        const rows = [];
        for (const source of SOURCES) {
            const teams = [...(perDay.get(source)?.keys() ?? [])].sort();
            for (const team of teams) {
                const days = perDay.get(source).get(team);
                for (const date of weekDates) {
                    if ((days.get(date) ?? 0) > 0)
                        continue;
                    const weekday = weekdayOf(date);
                    const expected = median(loadedDates.filter((day) => weekdays.get(day) === weekday).map((day) => days.get(day) ?? 0));
                    if (expected !== null && expected >= minimum)
                        rows.push({ source, team, date, expected_tasks: expected });
                }
            }
        }
        return { gaps: rows };
    },
};
// Tasks with a team per source, team and UTC date (days without tasks are absent): the facts summed over weeks
// (a UTC date can straddle two report-zone weeks).
function tasksPerDay(context) {
    const perDay = new Map();
    for (const { source, utc_date: date, team, tasks } of context.facts.tasks_per_day ?? []) {
        const teams = cachedIn(perDay, source, () => new Map());
        const days = cachedIn(teams, team, () => new Map());
        days.set(date, (days.get(date) ?? 0) + tasks);
    }
    return perDay;
}
function weekdayOf(date) {
    return weekdayOfDay(dayNumber(date));
}
/** Every `YYYY-MM-DD` from day number first to last, both included (none when last is before first). */
function dateRange(first, last) {
    const dates = [];
    for (let day = first; day <= last; day += 1)
        dates.push(dateOfDay(day));
    return dates;
}
//# sourceMappingURL=gaps.js.map