import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import { CodedColumn } from '../columns/coded-column.js';
import { codeOf, columnCodes, emptyCodes, rememberColumnCodes } from '../columns/column-codes.js';
import { columnValues, numberValues } from '../columns/column-values.js';
import { flagColumn, numberColumn, pairRule } from '../columns/derived-columns.js';
import { makePeriodLookup, type LocalPeriods } from './make-period-lookup.js';
import { isAiTask } from './adoption.js';
import { isAbandonedAiTask } from './abandonment.js';
import { isHarmfulAiTask } from './harm.js';
import { isAboveTarget, isEvaluatedAiTask } from './asi.js';
import { MAX_NAME_LENGTH } from '../clean/quarantine.js';

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
  const aiTask = pairRule(sources, statuses, isAiTask);
  const abandonedAiTask = pairRule(sources, statuses, isAbandonedAiTask);
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
    ai: flagColumn(length),
    ai_any: flagColumn(length),
    manual: flagColumn(length),
    abandoned: flagColumn(length),
    harmful_ai: flagColumn(length),
    evaluated: flagColumn(length),
    above_target: flagColumn(length),
    duration_min: numberColumn(length),
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
    const ai = aiTask(row);
    const value = Number.isNaN(accuracy[row]) ? null : accuracy[row];
    columns.ai[row] = ai ? 1 : 0;
    columns.ai_any[row] = aiAny ? 1 : 0;
    columns.manual[row] = sources.ids[row] === manualLogs ? 1 : 0;
    columns.abandoned[row] = abandonedAiTask(row) ? 1 : 0;
    columns.harmful_ai[row] = isHarmfulAiTask(ai, harmfulValues[harmful.ids[row]]) ? 1 : 0;
    columns.evaluated[row] = isEvaluatedAiTask(ai, value) ? 1 : 0;
    columns.above_target[row] = isAboveTarget(ai, value, target) ? 1 : 0;
    columns.duration_min[row] = duration[row] / 60_000; // NaN stays NaN
  }
  const enriched = tasks.assign({ ...columns, ...groupLabels(tasks, config) });
  rememberColumnCodes(enriched, 'week', weeks);
  rememberColumnCodes(enriched, 'month', months);
  rememberColumnCodes(enriched, 'utc_date', dates);
  return enriched;
}

/**
 * The metrics.groupBy columns with a value longer than MAX_NAME_LENGTH, that value as none: a group value labels
 * a table's row, the report's and the PDF's, as a team name does (a team that long is unreadable), and a 100 KB
 * cell made a row label as long. Such a task counts as having no value of the key (left out of its table, counted
 * in the note under it). Columns without such a value are left as they are (none returned).
 * @example groupLabels(tasks, parseConfig({ metrics: { groupBy: ['region'] } })) // { region: CodedColumn } when a region is too long
 */
export function groupLabels(tasks: ColumnTable, config: Config): Record<string, CodedColumn<unknown>> {
  const capped: Record<string, CodedColumn<unknown>> = {};
  for (const key of config.metrics.groupBy) {
    if (!tasks.columnNames().includes(key)) continue;
    const codes = columnCodes(tasks, key);
    const tooLong = codes.values.map((value) => typeof value === 'string' && value.length > MAX_NAME_LENGTH);
    if (!tooLong.includes(true)) continue;
    capped[key] = new CodedColumn(codes.ids.map((id) => (tooLong[id] ? -1 : id)), codes.values);
  }
  return capped;
}
