import { type ListedRuns, type RowIndices } from '../columns/index.js';
import type { LogRows } from '../ingest/log-rows.js';
import type { RowTaskTypes } from './row-task-types.js';
import type { TaskMerge } from './task-table.js';
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs (overlapping rows do not continue).
 * Tasks are listed in the input order of their first rows.
 * @example stitchSessions(rows, kept, aiTypes, 600_000) // { tasks, stitchedRows: 12 }
 */
export declare function stitchSessions(rows: Pick<LogRows, 'length' | 'strings' | 'user' | 'start' | 'end'>, indices: RowIndices, taskTypes: RowTaskTypes, maxGapMs: number): {
    tasks: ListedRuns;
    stitchedRows: number;
};
/**
 * CONTRACT 2.6, the merge: a stitched task is its first row's id, user, type and start, the sum of its
 * rows' durations (unknown if any is), its last row's status, prompt and version, the last known accuracy,
 * harmful if any row is, the first known team, and the last known value of each pass-through column.
 */
export declare const STITCHED_TASK: TaskMerge;
