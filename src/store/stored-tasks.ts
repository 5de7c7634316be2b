// store_tasks, the cleaned tasks as the store keeps them: to store values and back.
import type { LogSource, TaskValues } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import type { StoreValue } from './store-engine.js';

/** A task as store_tasks holds it: its values, and the file and row number of the row it is listed by. */
export interface StoredTask {
  file: string;
  ordinal: number;
  values: TaskValues;
}

/** store_tasks' column types, in order. */
export const STORE_TASK_TYPES = STORE_TABLES.store_tasks.map(([, type]) => type);

/**
 * store_tasks' columns for tasks (pass-through values as JSON).
 * @example await engine.append('store_tasks', STORE_TASK_TYPES, storeTaskColumns(tasks))
 */
export function storeTaskColumns(tasks: StoredTask[]): StoreValue[][] {
  // in the table's column order: where the task is listed, its pass-through values as JSON, the rest as they are
  return STORE_TABLES.store_tasks.map(([name]) =>
    tasks.map((task): StoreValue => {
      if (name === 'file' || name === 'ordinal') return task[name];
      if (name === 'pass_through') return Object.keys(task.values.passThrough).length === 0 ? null : JSON.stringify(task.values.passThrough);
      return task.values[name as keyof Omit<TaskValues, 'passThrough'>];
    }),
  );
}

/**
 * The values of row `row` of store_tasks fetched as columns (engine.columns).
 * @example storedTask(await engine.columns('SELECT * FROM store_tasks'), 0).task_type
 */
export function storedTask(stored: Record<string, StoreValue[]>, row: number): TaskValues {
  const text = (value: StoreValue) => (value === null ? null : String(value));
  const number = (value: StoreValue) => (value === null ? null : Number(value));
  const passThrough = stored.pass_through[row];
  return {
    source: stored.source[row] as LogSource,
    // (null when the run left it in the store: see StoreRequest.metricsOnly)
    task_id: text(stored.task_id[row]) ?? '',
    user_id: String(stored.user_id[row]),
    team: text(stored.team[row]),
    task_type: String(stored.task_type[row]),
    started_at: Number(stored.started_at[row]),
    duration_ms: number(stored.duration_ms[row]),
    status: stored.status[row] as TaskValues['status'],
    accuracy: number(stored.accuracy[row]),
    harmful: stored.harmful[row] === null ? null : stored.harmful[row] === true,
    fragments: Number(stored.fragments[row]),
    prompt: text(stored.prompt[row]),
    tool_version: text(stored.tool_version[row]),
    passThrough: passThrough === null ? {} : (JSON.parse(String(passThrough)) as Record<string, string>),
  };
}

