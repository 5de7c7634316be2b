import type { ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
/**
 * The cleaned tasks plus the columns every KPI groups or counts by:
 * `week`, `month` (report zone), `utc_date`, and 0/1 flags `ai` (an AI task: adoption's isAiTask),
 * `ai_any` (AI task of any status), `manual`, `abandoned` (abandonment's isAbandonedAiTask), `harmful_ai` (harm's
 * isHarmfulAiTask), `evaluated` and `above_target` (asi's isEvaluatedAiTask and isAboveTarget), plus `duration_min`
 * (NaN when unknown).
 * The codes of `week`, `month` and `utc_date` (see columnCodes) come with it.
 * @example enrichTasks(data.tasks, config).filter((d) => d.week === '2026-W47')
 */
export declare function enrichTasks(tasks: ColumnTable, config: Config): ColumnTable;
