import { type Kpi } from './kpi.js';
import type { LogSource, TaskStatus } from '../clean/types.js';
/**
 * CONTRACT 3: an abandoned task is a stitched AI task whose final status is abandoned (the enriched
 * table's `abandoned` column), out of the AI tasks of any status (`ai_any`).
 * @example isAbandonedAiTask('ai_logs', 'abandoned') // true
 */
export declare function isAbandonedAiTask(source: LogSource, status: TaskStatus): boolean;
export declare const abandonment: Kpi;
