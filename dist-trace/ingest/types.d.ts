/** The two log sources; the roster is `user_monthly_summary`. */
export type LogSource = 'ai_logs' | 'manual_logs';
export type InputKind = LogSource | 'user_monthly_summary';
export type TaskStatus = 'completed' | 'abandoned' | 'error';
/** The statuses as the log rows' status column codes them (`TASK_STATUSES[code]`); no order of merit. */
export declare const TASK_STATUSES: readonly TaskStatus[];
