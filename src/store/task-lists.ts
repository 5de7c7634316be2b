// Tasks from several places (the store, the region in memory) listed and merged in a scratch run's order.
import { taskValuesOf, type TaskValues } from './clean-slice.js';
import { storedTask } from './stored-tasks.js';
import type { StoreValue } from './store-engine.js';
import type { RegionTasks, RegionListing } from './clean-region.js';

/**
 * Tasks in scratch order, with what places each among other such lists (merged by inScratchOrder): its
 * source (0: AI, 1: manual), the position of the file it is listed by in the run's file order, its row number.
 */
export interface TaskList {
  length: number;
  source(index: number): number;
  position(index: number): number;
  ordinal(index: number): number;
  task(index: number): TaskValues;
}

/**
 * Stored tasks as engine.columns gives them (with run_position and run_ordinal).
 * @example storedTaskList(await engine.columns('SELECT t.*, f.position AS run_position, t.ordinal AS run_ordinal FROM store_tasks t JOIN run_files f ON f.name = t.file'))
 */
export function storedTaskList(stored: Record<string, StoreValue[]>): TaskList {
  return {
    length: stored.source.length,
    source: (index) => (stored.source[index] === 'ai_logs' ? 0 : 1),
    position: (index) => Number(stored.run_position[index]),
    ordinal: (index) => Number(stored.run_ordinal[index]),
    task: (index) => storedTask(stored, index),
  };
}

/** The region's tasks that start in a range, as the store gives them back (the columns it leaves out: NULL). */
export type RegionTaskLists = (range: { from: number; to: number } | undefined, leftOut: Set<string>) => TaskList;

/**
 * The tasks a region cleaned (in scratch order, each source's by its first row), read from the task table as
 * writeRegion wrote them; a task's values are made when asked for (a list of the store's values for every task
 * would take more memory than the table). The table's ids and prompts are read from the region's files' text
 * columns, which it keeps until the run ends.
 * @example regionTaskLists(built, regionListing(built, regionRows))(range, new Set(['prompt'])).length // the region's tasks starting in range
 */
export function regionTaskLists(built: RegionTasks, { positionOf, ordinalOf, passThrough }: RegionListing): RegionTaskLists {
  // (the task table and its ranges only, not the rows' fates)
  const { columns } = built;
  return (range, leftOut) => {
    const { picked, manualFrom } = tasksStartingIn(built, range);
    return {
      length: picked.length,
      source: (index) => (index < manualFrom ? 0 : 1),
      position: (index) => positionOf[picked[index]],
      ordinal: (index) => ordinalOf[picked[index]],
      task: (index) => {
        const values = taskValuesOf(columns, picked[index], passThrough);
        if (leftOut.has('task_id')) values.task_id = '';
        if (leftOut.has('prompt')) values.prompt = null;
        if (leftOut.has('tool_version')) values.tool_version = null;
        if (leftOut.has('pass_through')) values.passThrough = {};
        return values;
      },
    };
  };
}

/**
 * The tasks of a built table that start in a range (every one without), in table order: the AI tasks, then
 * from manualFrom on the manual ones.
 * @example tasksStartingIn(built, { from: weekStartMs('2026-W47', 'UTC'), to: weekStartMs('2026-W48', 'UTC') }) // { picked: [0, 3, ...], manualFrom: 120 }
 */
export function tasksStartingIn({ columns, ai, manual }: RegionTasks, range: { from: number; to: number } | undefined): { picked: number[]; manualFrom: number } {
  const picked: number[] = [];
  let manualFrom = 0;
  for (const { offset, length } of [ai, manual]) {
    manualFrom = picked.length;
    for (let task = offset; task < offset + length; task += 1) {
      const start = columns.started_at[task];
      if (!range || (start >= range.from && start < range.to)) picked.push(task);
    }
  }
  return { picked, manualFrom };
}

/**
 * Tasks of several lists, each in scratch order, in scratch order together (by source, file, row): the lists
 * merged, taking the first of their next tasks each time.
 * @example const [count, taskAt] = inScratchOrder([storedTaskList(stored), regionTasks]); taskTableOfValues(count, taskAt, passThrough)
 */
export function inScratchOrder(lists: TaskList[]): [number, (row: number) => TaskValues] {
  // task x of list p listed before task y of list q: by source (AI first), file position, row number
  const before = (p: TaskList, x: number, q: TaskList, y: number) => {
    const [sourceX, sourceY] = [p.source(x), q.source(y)];
    if (sourceX !== sourceY) return sourceX < sourceY;
    const [positionX, positionY] = [p.position(x), q.position(y)];
    return positionX !== positionY ? positionX < positionY : p.ordinal(x) < q.ordinal(y);
  };
  const next = lists.map(() => 0);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const [listOf, indexOf] = [new Int32Array(total), new Int32Array(total)];
  for (let index = 0; index < total; index += 1) {
    let first = -1;
    for (let list = 0; list < lists.length; list += 1) {
      if (next[list] === lists[list].length) continue;
      if (first === -1 || before(lists[list], next[list], lists[first], next[first])) first = list;
    }
    [listOf[index], indexOf[index]] = [first, next[first]];
    next[first] += 1;
  }
  return [total, (index) => lists[listOf[index]].task(indexOf[index])];
}
