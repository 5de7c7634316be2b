import { dateOfDay, dayNumber, weekdayOfDay } from '../util/iso-week.js';
import { columnCodes, nullIds } from '../columns/column-codes.js';
import type { Kpi, KpiContext, Row } from './kpi.js';
import { median } from './quantile.js';

const SOURCES = ['ai_logs', 'manual_logs'] as const;

export const gaps: Kpi = {
  id: 'gaps',
  title: 'Data gaps',
  definition:
    'A (source, team, date) of the report week (Monday to Sunday, as UTC dates, within the loaded dates) with zero ' +
    'tasks while the median daily task count of that team and source, over every loaded date with the same weekday ' +
    '(days without tasks counted as 0), is at least 5 (configurable). Tasks are counted per UTC date of their start: ' +
    'stitched AI tasks of any status for ai_logs, manual tasks for manual_logs. Tasks without a team are ignored. ' +
    'A gap usually means a missing export, not a quiet day; expected_tasks is that median.',
  grain: 'week',
  dimensions: ['source', 'team'],
  columns: { gaps: ['source', 'team', 'date', 'expected_tasks'] },
  compute(context) {
    const loaded = context.data.loadedDates;
    if (!loaded) return { gaps: [] };
    const [firstDay, lastDay] = [dayNumber(loaded.first), dayNumber(loaded.last)];
    const loadedDates = dateRange(firstDay, lastDay);
    const weekDates = dateRange(Math.max(dayNumber(context.report.start), firstDay), Math.min(dayNumber(context.report.end), lastDay));
    const perDay = tasksPerDay(context);
    const weekdays = new Map(loadedDates.map((date) => [date, weekdayOf(date)]));
    const minimum = context.config.metrics.gapMinMedian;
    const rows: Row[] = [];
    for (const source of SOURCES) {
      const teams = [...(perDay.get(source)?.keys() ?? [])].sort();
      for (const team of teams) {
        const days = perDay.get(source)!.get(team)!;
        for (const date of weekDates) {
          if ((days.get(date) ?? 0) > 0) continue;
          const weekday = weekdayOf(date);
          const expected = median(loadedDates.filter((day) => weekdays.get(day) === weekday).map((day) => days.get(day) ?? 0));
          if (expected !== null && expected >= minimum) rows.push({ source, team, date, expected_tasks: expected });
        }
      }
    }
    return { gaps: rows };
  },
};

// Tasks with a team per source, team and UTC date: integer counts over the coded columns.
function tasksPerDay(context: KpiContext): Map<unknown, Map<unknown, Map<unknown, number>>> {
  const sources = columnCodes(context.tasks, 'source');
  const teams = columnCodes(context.tasks, 'team');
  const dates = columnCodes(context.tasks, 'utc_date');
  const teamCount = teams.values.length;
  const dateCount = dates.values.length;
  const isNull = nullIds(teams);
  // One array of per-date counts per (source, team) that holds a task.
  const counts: Array<Int32Array | undefined> = new Array(sources.values.length * teamCount);
  for (let row = 0; row < teams.ids.length; row += 1) {
    const team = teams.ids[row];
    if (isNull[team] === 1) continue;
    const pair = sources.ids[row] * teamCount + team;
    let perDate = counts[pair];
    if (!perDate) {
      perDate = new Int32Array(dateCount);
      counts[pair] = perDate;
    }
    perDate[dates.ids[row]] += 1;
  }
  const result = new Map<unknown, Map<unknown, Map<unknown, number>>>();
  counts.forEach((perDate, pair) => {
    if (!perDate) return;
    const source = sources.values[Math.floor(pair / teamCount)];
    const team = teams.values[pair % teamCount];
    const days = new Map<unknown, number>();
    perDate.forEach((tasks, date) => {
      if (tasks > 0) days.set(dates.values[date], tasks);
    });
    if (!result.has(source)) result.set(source, new Map());
    result.get(source)!.set(team, days);
  });
  return result;
}

function weekdayOf(date: string): number {
  return weekdayOfDay(dayNumber(date));
}

/** Every `YYYY-MM-DD` from day number first to last, both included (none when last is before first). */
function dateRange(first: number, last: number): string[] {
  const dates: string[] = [];
  for (let day = first; day <= last; day += 1) dates.push(dateOfDay(day));
  return dates;
}
