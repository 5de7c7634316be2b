import type { TaskColumns } from './task-table.js';
/**
 * CONTRACT 2.7: a task with an unknown duration, or one longer than `maxDurationMs`, still counts
 * but has no duration (null) for time metrics.
 * @example applyDurationRules(tasks, 8 * 3_600_000) // { unknown: 3, too_long: 1 }
 */
export declare function applyDurationRules(tasks: TaskColumns, maxDurationMs: number): {
    unknown: number;
    too_long: number;
};
