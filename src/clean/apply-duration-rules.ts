import type { TaskColumns } from './stitch-sessions.js';

/**
 * CONTRACT 2.7: a task with an unknown duration, or one longer than `maxDurationMs`, still counts
 * but has no duration (NaN) for time metrics.
 * @example applyDurationRules(tasks, 8 * 3_600_000) // { unknown: 3, too_long: 1 }
 */
export function applyDurationRules(tasks: TaskColumns, maxDurationMs: number): { unknown: number; too_long: number } {
  const dropped = { unknown: 0, too_long: 0 };
  for (let index = 0; index < tasks.length; index += 1) {
    const duration = tasks.durationMs[index];
    if (Number.isNaN(duration)) dropped.unknown += 1;
    else if (duration > maxDurationMs) {
      tasks.durationMs[index] = Number.NaN;
      dropped.too_long += 1;
    }
  }
  return dropped;
}
