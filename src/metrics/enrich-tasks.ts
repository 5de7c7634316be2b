import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import { makePeriodLookup } from './make-period-lookup.js';

/**
 * The cleaned tasks plus the columns every KPI groups or counts by:
 * `week`, `month` (report zone), `utc_date`, and 0/1 flags `ai` (completed AI task),
 * `ai_any` (AI task of any status), `manual`, `abandoned`, `harmful_ai`, `evaluated`
 * (AI task with an accuracy), `above_target`, plus `duration_min` (null when unknown).
 * @example enrichTasks(data.tasks, config).filter((d) => d.week === '2026-W47')
 */
export function enrichTasks(tasks: ColumnTable, config: Config): ColumnTable {
  const local = makePeriodLookup(config.timezone);
  const utc = makePeriodLookup('UTC');
  const target = config.metrics.accuracyTarget;
  const isAi = (d: Record<string, unknown>): boolean => d.source === 'ai_logs' && d.status === 'completed';
  const isEvaluated = (d: Record<string, unknown>): boolean => isAi(d) && typeof d.accuracy === 'number';
  return tasks.derive({
    week: aq.escape((d: Record<string, unknown>) => local(d.started_at as number).week),
    month: aq.escape((d: Record<string, unknown>) => local(d.started_at as number).month),
    utc_date: aq.escape((d: Record<string, unknown>) => utc(d.started_at as number).date),
    ai: aq.escape((d: Record<string, unknown>) => (isAi(d) ? 1 : 0)),
    ai_any: aq.escape((d: Record<string, unknown>) => (d.source === 'ai_logs' ? 1 : 0)),
    manual: aq.escape((d: Record<string, unknown>) => (d.source === 'manual_logs' ? 1 : 0)),
    abandoned: aq.escape((d: Record<string, unknown>) => (d.source === 'ai_logs' && d.status === 'abandoned' ? 1 : 0)),
    harmful_ai: aq.escape((d: Record<string, unknown>) => (isAi(d) && d.harmful === true ? 1 : 0)),
    evaluated: aq.escape((d: Record<string, unknown>) => (isEvaluated(d) ? 1 : 0)),
    above_target: aq.escape((d: Record<string, unknown>) => (isEvaluated(d) && (d.accuracy as number) >= target ? 1 : 0)),
    duration_min: aq.escape((d: Record<string, unknown>) => (typeof d.duration_ms === 'number' ? d.duration_ms / 60_000 : null)),
  });
}
