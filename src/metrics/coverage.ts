import { dayNumber, monthNumber, monthOfNumber } from '../util/iso-week.js';
import { monthRange } from './asi.js';
import { cachedIn } from '../columns/index.js';
import { peopleWeekFacts } from './people-facts.js';
import { ratio, type Kpi, type KpiContext, type Row } from './kpi.js';

export const coverage: Kpi = {
  id: 'coverage',
  title: 'Logging coverage',
  definition:
    'Logged AI tasks / ai_tasks_total reported by the roster, per roster user and calendar month. Logged AI tasks are ' +
    'the user\'s completed stitched AI tasks started in the month (report time zone). Months are listed when they lie ' +
    'entirely inside the loaded dates and end on or before the report week\'s Sunday. A roster user-month is listed ' +
    'when it reports ai_tasks_total > 0 or has at least one logged AI task; users missing from the roster are not. ' +
    'Coverage is null when the roster total is 0 or missing. It is the ratio as defined, not capped: a user whose logs ' +
    'hold more AI tasks than the roster reports (a roster that under-counts, a month\'s total reported before the month ' +
    'ended) reads above 1 (e.g. 200.0 %), which says the roster, not the logging, is short. ' +
    'A user below the threshold (0.8 by default) is flagged ' +
    'as a logging blind spot: their AI use is under-counted by every other metric.',
  grain: 'month',
  dimensions: ['user_id'],
  columns: { logging_coverage: ['team', 'logged_ai_tasks', 'reported_ai_tasks', 'coverage', 'flagged'] },
  // Facts: the people KPIs' AI tasks per week, month and user (people_user_months).
  facts: peopleWeekFacts,
  compute(context) {
    const loaded = context.loadedDates;
    if (!loaded) return { logging_coverage: [] };
    const months = monthRange(loaded.first.slice(0, 7), loaded.last.slice(0, 7)).filter((month) => monthIsLoaded(context, month));
    const monthSet = new Set(months);
    const logged = loggedAiTasks(context);
    const threshold = context.config.metrics.coverageThreshold;
    const rows: Row[] = [];
    for (const entry of context.roster.objects() as Array<Record<string, unknown>>) {
      const month = entry.month as string;
      if (!monthSet.has(month)) continue;
      const loggedTasks = logged.get(month)?.get(entry.user_id) ?? 0;
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

// Logged AI tasks per month and user: the completed AI tasks (`ai`, adoption's isAiTask) of the people facts,
// summed over the month's weeks.
function loggedAiTasks(context: KpiContext): Map<unknown, Map<unknown, number>> {
  const logged = new Map<unknown, Map<unknown, number>>();
  for (const { month, user_id: users, ai_tasks: tasks } of context.facts.people_user_months ?? []) {
    const perUser = cachedIn(logged, month, () => new Map<unknown, number>());
    (users as string[]).forEach((user, index) => perUser.set(user, (perUser.get(user) ?? 0) + (tasks as number[])[index]));
  }
  return logged;
}

/** Whether a month lies entirely inside the loaded dates and ends on or before the report week's Sunday (the months logging_coverage lists). */
export function monthIsLoaded(context: KpiContext, month: string): boolean {
  const loaded = context.loadedDates;
  if (!loaded) return false;
  const first = dayNumber(`${month}-01`);
  const last = dayNumber(`${monthOfNumber(monthNumber(month) + 1)}-01`) - 1;
  return first >= dayNumber(loaded.first) && last <= dayNumber(loaded.last) && last <= dayNumber(context.report.end);
}
