import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import { CodedColumn } from '../columns/coded-column.js';
import { codeOf, columnCodes, emptyCodes, rememberColumnCodes } from '../columns/column-codes.js';
import { columnValues, numberValues } from '../columns/column-values.js';
import { makePeriodLookup, type LocalPeriods } from './make-period-lookup.js';
import { isAiTask } from './adoption.js';
import { isAbandonedAiTask } from './abandonment.js';
import { isHarmfulAiTask } from './harm.js';
import { isAboveTarget, isEvaluatedAiTask } from './asi.js';
import type { ColumnCodes } from '../columns/column-codes.js';
import type { LogSource, TaskStatus } from '../clean/types.js';

/**
 * The cleaned tasks plus the columns every KPI groups or counts by:
 * `week`, `month` (report zone), `utc_date`, and 0/1 flags `ai` (an AI task: adoption's isAiTask),
 * `ai_any` (AI task of any status), `manual`, `abandoned` (abandonment's isAbandonedAiTask), `harmful_ai` (harm's
 * isHarmfulAiTask), `evaluated` and `above_target` (asi's isEvaluatedAiTask and isAboveTarget), plus `duration_min`
 * (NaN when unknown).
 * The codes of `week`, `month` and `utc_date` (see columnCodes) come with it.
 * @example enrichTasks(data.tasks, config).filter((d) => d.week === '2026-W47')
 */
export function enrichTasks(tasks: ColumnTable, config: Config): ColumnTable {
  const local = makePeriodLookup(config.timezone);
  const utc = makePeriodLookup('UTC');
  const target = config.metrics.accuracyTarget;
  // Plain loops over the columns: a derive with escaped functions builds a row object per task and column.
  const sources = columnCodes(tasks, 'source');
  const statuses = columnCodes(tasks, 'status');
  const [aiLogs, manualLogs] = [sources.idOf.get('ai_logs') ?? -1, sources.idOf.get('manual_logs') ?? -1];
  const statusCount = statuses.values.length;
  const aiTask = flagsOf(sources, statuses, isAiTask);
  const abandonedAiTask = flagsOf(sources, statuses, isAbandonedAiTask);
  const harmful = columnCodes(tasks, 'harmful');
  const harmfulValues = harmful.values as Array<boolean | null>;
  const accuracy = numberValues(tasks, 'accuracy'); // NaN for null
  const duration = numberValues(tasks, 'duration_ms');
  const started = columnValues(tasks, 'started_at') as ArrayLike<number>;
  const length = tasks.numRows();
  const weeks = emptyCodes(length);
  const months = emptyCodes(length);
  const dates = emptyCodes(length);
  const columns = {
    // weeks, months and dates as codes (filled below): a few dozen values over millions of tasks
    week: new CodedColumn(weeks.ids, weeks.values),
    month: new CodedColumn(months.ids, months.values),
    utc_date: new CodedColumn(dates.ids, dates.values),
    ai: new Uint8Array(length),
    ai_any: new Uint8Array(length),
    manual: new Uint8Array(length),
    abandoned: new Uint8Array(length),
    harmful_ai: new Uint8Array(length),
    evaluated: new Uint8Array(length),
    above_target: new Uint8Array(length),
    // A typed array: numbers in a plain array with nulls are boxed, one heap object per task.
    duration_min: new Float64Array(length),
  };
  let localPeriods: LocalPeriods | undefined;
  let utcPeriods: LocalPeriods | undefined;
  let weekId = -1;
  let monthId = -1;
  let dateId = -1;
  for (let row = 0; row < length; row += 1) {
    const periods = local(started[row]);
    if (periods !== localPeriods) {
      localPeriods = periods;
      weekId = codeOf(weeks, periods.week);
      monthId = codeOf(months, periods.month);
    }
    const utcDay = utc(started[row]);
    if (utcDay !== utcPeriods) {
      utcPeriods = utcDay;
      dateId = codeOf(dates, utcDay.date);
    }
    weeks.ids[row] = weekId;
    months.ids[row] = monthId;
    dates.ids[row] = dateId;
    const aiAny = sources.ids[row] === aiLogs;
    const sourceAndStatus = sources.ids[row] * statusCount + statuses.ids[row];
    const ai = aiTask[sourceAndStatus] === 1;
    const value = Number.isNaN(accuracy[row]) ? null : accuracy[row];
    columns.ai[row] = ai ? 1 : 0;
    columns.ai_any[row] = aiAny ? 1 : 0;
    columns.manual[row] = sources.ids[row] === manualLogs ? 1 : 0;
    columns.abandoned[row] = abandonedAiTask[sourceAndStatus];
    columns.harmful_ai[row] = isHarmfulAiTask(ai, harmfulValues[harmful.ids[row]]) ? 1 : 0;
    columns.evaluated[row] = isEvaluatedAiTask(ai, value) ? 1 : 0;
    columns.above_target[row] = isAboveTarget(ai, value, target) ? 1 : 0;
    columns.duration_min[row] = duration[row] / 60_000; // NaN stays NaN
  }
  const enriched = tasks.assign(columns);
  rememberColumnCodes(enriched, 'week', weeks);
  rememberColumnCodes(enriched, 'month', months);
  rememberColumnCodes(enriched, 'utc_date', dates);
  return enriched;
}

// A rule over (source, status) holds or not for every task of a combination: it is asked once per combination.
function flagsOf(sources: ColumnCodes, statuses: ColumnCodes, rule: (source: LogSource, status: TaskStatus) => boolean): Uint8Array {
  const flags = new Uint8Array(sources.values.length * statuses.values.length);
  sources.values.forEach((source, sourceId) => statuses.values.forEach((status, statusId) => {
    flags[sourceId * statuses.values.length + statusId] = rule(source as LogSource, status as TaskStatus) ? 1 : 0;
  }));
  return flags;
}
