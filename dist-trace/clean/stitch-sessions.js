import { chainRuns, denseKey, groupRows, listByFirstRow, orderWithinGroups } from '../columns/index.js';
// Workers tab away and come back: a row starting within minutes of the previous row's end continues its task.
/**
 * CONTRACT 2.6: per user and task type in start order, a row continues the previous row's task when
 * that row has an end and 0 <= start - previous end <= maxGapMs (overlapping rows do not continue).
 * Tasks are listed in the input order of their first rows.
 * @example stitchSessions(rows, kept, aiTypes, 600_000) // { tasks, stitchedRows: 12 }
 */
export function stitchSessions(rows, indices, taskTypes, maxGapMs) {
    const userAndType = groupRows(indices, [denseKey(rows.user, rows.strings.length), denseKey(taskTypes.ids, taskTypes.names.length)]);
    const inStartOrder = orderWithinGroups(indices, userAndType, rows.start);
    const tasks = chainRuns(inStartOrder, (previous, row) => {
        const gap = rows.start[row] - rows.end[previous]; // NaN without an end: no continuation
        return gap >= 0 && gap <= maxGapMs;
    });
    return { tasks: listByFirstRow(tasks, rows.length), stitchedRows: indices.length - tasks.firstSlots.length };
}
/**
 * CONTRACT 2.6, the merge: a stitched task is its first row's id, user, type and start, the sum of its
 * rows' durations (unknown if any is), its last row's status, prompt and version, the last known accuracy,
 * harmful if any row is, the first known team, and the last known value of each pass-through column.
 */
export const STITCHED_TASK = {
    task_id: 'first',
    user_id: 'first',
    task_type: 'first',
    started_at: 'first',
    duration_ms: 'sum',
    status: 'last',
    prompt: 'last',
    tool_version: 'last',
    accuracy: 'last known',
    harmful: 'any',
    team: 'first known',
    fragments: 'count',
    passThrough: 'last known',
};
//# sourceMappingURL=stitch-sessions.js.map