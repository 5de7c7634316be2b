import { DateTime } from 'luxon';
import { op } from 'arquero';
import { monthRange } from './asi.js';
import { ratio, type Kpi, type Row } from './kpi.js';

export const coverage: Kpi = {
  id: 'coverage',
  title: 'Logging coverage',
  definition:
    'Logged AI tasks / ai_tasks_total reported by the roster, per roster user and calendar month. Logged AI tasks are ' +
    'the user\'s completed stitched AI tasks started in the month (report time zone). Months are listed when they lie ' +
    'entirely inside the loaded dates and end on or before the report week\'s Sunday. A roster user-month is listed ' +
    'when it reports ai_tasks_total > 0 or has at least one logged AI task; users missing from the roster are not. ' +
    'Coverage is null when the roster total is 0 or missing. A user below the threshold (0.8 by default) is flagged ' +
    'as a logging blind spot: their AI use is under-counted by every other metric.',
  grain: 'month',
  dimensions: ['user_id'],
  columns: { logging_coverage: ['team', 'logged_ai_tasks', 'reported_ai_tasks', 'coverage', 'flagged'] },
  compute(context) {
    const loaded = context.data.loadedDates;
    if (!loaded) return { logging_coverage: [] };
    const months = monthRange(loaded.first.slice(0, 7), loaded.last.slice(0, 7)).filter((month) => {
      const first = `${month}-01`;
      const last = DateTime.fromISO(first, { zone: 'UTC' }).endOf('month').toISODate()!;
      return first >= loaded.first && last <= loaded.last && last <= context.report.end;
    });
    const monthSet = new Set(months);
    const logged = new Map<string, number>();
    const counts = context.tasks
      .filter((d: { ai: number }) => d.ai === 1)
      .groupby('user_id', 'month')
      .rollup({ logged: op.count() })
      .objects() as Array<{ user_id: string; month: string; logged: number }>;
    for (const row of counts) if (monthSet.has(row.month)) logged.set(`${row.user_id}\u0000${row.month}`, row.logged);
    const threshold = context.config.metrics.coverageThreshold;
    const rows: Row[] = [];
    for (const entry of context.data.roster.objects() as Array<Record<string, unknown>>) {
      const month = entry.month as string;
      if (!monthSet.has(month)) continue;
      const loggedTasks = logged.get(`${entry.user_id as string}\u0000${month}`) ?? 0;
      const reported = typeof entry.ai_tasks_total === 'number' ? entry.ai_tasks_total : null;
      if (!((reported ?? 0) > 0 || loggedTasks > 0)) continue;
      const share = reported === null ? null : ratio(loggedTasks, reported);
      rows.push({
        month,
        user_id: entry.user_id,
        team: entry.team ?? null,
        logged_ai_tasks: loggedTasks,
        reported_ai_tasks: reported,
        coverage: share,
        flagged: share !== null && share < threshold,
      });
    }
    return { logging_coverage: rows };
  },
};
