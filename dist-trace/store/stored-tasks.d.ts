import { type TaskTableColumns, type TaskValues } from './clean-slice.js';
import type { StoreValue } from './store-engine.js';
/** store_tasks' column types, in order. */
export declare const STORE_TASK_TYPES: import("./store-engine.js").StoreColumnType[];
/**
 * store_tasks' columns for some tasks of a built task table (before the duration and team rules), read straight
 * from its columns: the values taskValuesOf gives, pass-through values as JSON (null without any), and the file
 * and row number of the row each task is listed by.
 * @example await engine.append('store_tasks', STORE_TASK_TYPES, storeTaskColumns(built.columns, [0, 1], listedBy, passThrough))
 */
export declare function storeTaskColumns(columns: TaskTableColumns, tasks: ArrayLike<number>, listedBy: {
    file(task: number): string;
    ordinal(task: number): number;
}, passThrough: Map<string, string>): StoreValue[][];
/**
 * The values of row `row` of store_tasks fetched as columns (engine.columns).
 * @example storedTask(await engine.columns('SELECT * FROM store_tasks'), 0).task_type
 */
export declare function storedTask(stored: Record<string, StoreValue[]>, row: number): TaskValues;
