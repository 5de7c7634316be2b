import { type Kpi } from './kpi.js';
import type { LogSource, TaskStatus } from '../clean/types.js';
/**
 * CONTRACT 3: an AI task is a stitched AI task (from ai_logs) whose status is completed.
 * @example isAiTask('ai_logs', 'completed') // true; isAiTask('ai_logs', 'abandoned') // false
 */
export declare function isAiTask(source: LogSource, status: TaskStatus): boolean;
export declare const adoption: Kpi;
