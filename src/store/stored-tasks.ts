// store_tasks, the cleaned tasks as the store keeps them: to store values and back.
import { passThroughValuesOf, type LogSource, type TaskTableColumns, type TaskValues } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import type { StoreValue } from './store-engine.js';
import { UptakeError } from '../errors.js';

/** store_tasks' column types, in order. */
export const STORE_TASK_TYPES = STORE_TABLES.store_tasks.map(([, type]) => type);

/**
 * store_tasks' columns for some tasks of a built task table (before the duration and team rules), read straight
 * from its columns: the values taskValuesOf gives, pass-through values as JSON (null without any), and the file
 * and row number of the row each task is listed by.
 * @example await engine.append('store_tasks', STORE_TASK_TYPES, storeTaskColumns(built.columns, [0, 1], listedBy, passThrough))
 */
export function storeTaskColumns(columns: TaskTableColumns, tasks: ArrayLike<number>, listedBy: { file(task: number): string; ordinal(task: number): number }, passThrough: Map<string, string>): StoreValue[][] {
  const passThroughOf = (task: number): string | null => {
    const values = passThroughValuesOf(columns, task, passThrough);
    return Object.keys(values).length === 0 ? null : JSON.stringify(values);
  };
  const valueOf: Record<string, (task: number) => StoreValue> = {
    file: listedBy.file,
    ordinal: listedBy.ordinal,
    task_id: (task) => columns.task_id.at(task) ?? '',
    started_at: (task) => columns.started_at[task],
    fragments: (task) => columns.fragments[task],
    pass_through: passThroughOf,
  };
  return STORE_TABLES.store_tasks.map(([name]) => {
    const read = valueOf[name] ?? ((task: number) => (columns[name] as { at(task: number): StoreValue }).at(task));
    const values = new Array<StoreValue>(tasks.length);
    for (let index = 0; index < tasks.length; index += 1) values[index] = read(tasks[index]);
    return values;
  });
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
    passThrough: passThrough === null ? {} : passThroughOf(String(passThrough)),
  };
}


// A task's pass-through values as a run wrote them (a JSON object): text changed by hand or another tool is an
// UptakeError asking for a rebuild, not a crash.
function passThroughOf(text: string): Record<string, string> {
  try {
    const values: unknown = JSON.parse(text);
    if (typeof values === 'object' && values !== null && !Array.isArray(values)) return values as Record<string, string>;
  } catch {
    // (said below)
  }
  throw new UptakeError('output', `expected store_tasks' pass_through to be the JSON a run writes, got ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} (changed outside uptake); run \`uptake store rebuild\` to recompute the store`);
}
