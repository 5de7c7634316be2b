import type { LogRows } from '../ingest/log-rows.js';
import { orderByGroupAndStart } from './group-order.js';

/** Cleaned tasks of one source, column by column. */
export interface TaskColumns {
  length: number;
  taskId: string[];
  userId: string[];
  team: Array<string | null>;
  taskType: string[];
  startedAt: number[];
  /** NaN when unknown. */
  durationMs: number[];
  status: number[];
  accuracy: number[];
  harmful: number[];
  fragments: number[];
  prompt: Array<string | null>;
  toolVersion: Array<string | null>;
  passThrough: Map<string, Array<string | null>>;
}

function emptyTasks(passThroughNames: Iterable<string>): TaskColumns {
  return {
    length: 0, taskId: [], userId: [], team: [], taskType: [], startedAt: [], durationMs: [], status: [], accuracy: [],
    harmful: [], fragments: [], prompt: [], toolVersion: [], passThrough: new Map([...passThroughNames].map((name) => [name, []])),
  };
}

/**
 * One task per row, in input order: manual tasks, or AI rows with stitching turned off.
 * @example tasksFromRows(rows, kept, labels).length === kept.length
 */
export function tasksFromRows(rows: LogRows, indices: number[], labels: string[]): TaskColumns {
  return buildTasks(rows, indices.map((index) => [index]), labels);
}

// Workers tab away and come back: a row starting within minutes of the previous row's end continues its task.
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs.
 * @example stitchSessions(rows, kept, labels, 600_000) // { tasks, stitchedRows: 12 }
 */
export function stitchSessions(rows: LogRows, indices: number[], labels: string[], maxGapMs: number): { tasks: TaskColumns; stitchedRows: number } {
  const { order, group } = orderByGroupAndStart(indices, (index) => `${rows.user[index]}\u0000${labels[index]}`, rows.start);
  const members: number[][] = [];
  for (let slot = 0; slot < order.length; slot += 1) {
    const index = order[slot];
    if (slot > 0 && group[slot] === group[slot - 1]) {
      const previousEnd = rows.end[order[slot - 1]];
      const gap = rows.start[index] - previousEnd;
      if (!Number.isNaN(previousEnd) && gap >= 0 && gap <= maxGapMs) {
        members[members.length - 1].push(index);
        continue;
      }
    }
    members.push([index]);
  }
  members.sort((a, b) => a[0] - b[0]);
  return { tasks: buildTasks(rows, members, labels), stitchedRows: indices.length - members.length };
}

function buildTasks(rows: LogRows, members: number[][], labels: string[]): TaskColumns {
  const tasks = emptyTasks(rows.passThrough.keys());
  for (const group of members) {
    const first = group[0];
    const last = group[group.length - 1];
    let duration = 0;
    let accuracy = Number.NaN;
    let harmful = -1;
    let team: string | null = null;
    for (const index of group) {
      duration += rows.end[index] - rows.start[index];
      if (!Number.isNaN(rows.accuracy[index])) accuracy = rows.accuracy[index];
      harmful = Math.max(harmful, rows.harmful[index]);
      team ??= rows.team[index];
    }
    tasks.taskId.push(rows.id[first]);
    tasks.userId.push(rows.user[first]);
    tasks.team.push(team);
    tasks.taskType.push(labels[first]);
    tasks.startedAt.push(rows.start[first]);
    tasks.durationMs.push(duration);
    tasks.status.push(rows.status[last]);
    tasks.accuracy.push(accuracy);
    tasks.harmful.push(harmful);
    tasks.fragments.push(group.length);
    tasks.prompt.push(rows.prompt[last]);
    tasks.toolVersion.push(rows.toolVersion[last]);
    for (const [name, column] of rows.passThrough) {
      let value: string | null = null;
      for (const index of group) value = column[index] ?? value;
      tasks.passThrough.get(name)!.push(value);
    }
    tasks.length += 1;
  }
  return tasks;
}
