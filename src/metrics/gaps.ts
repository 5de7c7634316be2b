import { DateTime } from 'luxon';
import { op } from 'arquero';
import type { Kpi, Row } from './kpi.js';
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
    const loadedDates = dateRange(loaded.first, loaded.last);
    const weekDates = dateRange(context.report.start, context.report.end).filter((date) => date >= loaded.first && date <= loaded.last);
    const counts = context.tasks
      .filter((d: { team: string | null }) => d.team != null)
      .groupby('source', 'team', 'utc_date')
      .rollup({ tasks: op.count() })
      .objects() as Array<{ source: string; team: string; utc_date: string; tasks: number }>;
    const perDay = new Map<string, Map<string, number>>();
    for (const row of counts) {
      const key = `${row.source}\u0000${row.team}`;
      if (!perDay.has(key)) perDay.set(key, new Map());
      perDay.get(key)!.set(row.utc_date, row.tasks);
    }
    const minimum = context.config.metrics.gapMinMedian;
    const rows: Row[] = [];
    for (const source of SOURCES) {
      const teams = [...new Set(counts.filter((row) => row.source === source).map((row) => row.team))].sort();
      for (const team of teams) {
        const days = perDay.get(`${source}\u0000${team}`)!;
        for (const date of weekDates) {
          if ((days.get(date) ?? 0) > 0) continue;
          const weekday = weekdayOf(date);
          const expected = median(loadedDates.filter((day) => weekdayOf(day) === weekday).map((day) => days.get(day) ?? 0));
          if (expected !== null && expected >= minimum) rows.push({ source, team, date, expected_tasks: expected });
        }
      }
    }
    return { gaps: rows };
  },
};

function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** Every `YYYY-MM-DD` from first to last, both included. */
function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = DateTime.fromISO(first, { zone: 'UTC' }); day.toISODate()! <= last; day = day.plus({ days: 1 })) dates.push(day.toISODate()!);
  return dates;
}
