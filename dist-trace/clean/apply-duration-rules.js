/**
 * CONTRACT 2.7: a task with an unknown duration, or one longer than `maxDurationMs`, still counts
 * but has no duration (null) for time metrics.
 * @example applyDurationRules(tasks, 8 * 3_600_000) // { unknown: 3, too_long: 1 }
 */
export function applyDurationRules(tasks, maxDurationMs) {
    const dropped = { unknown: 0, too_long: 0 };
    const durations = tasks.columns.duration_ms.values; // NaN for null
    for (let row = tasks.offset; row < tasks.offset + tasks.length; row += 1) {
        const duration = durations[row];
        if (Number.isNaN(duration))
            dropped.unknown += 1;
        else if (duration > maxDurationMs) {
            durations[row] = Number.NaN;
            dropped.too_long += 1;
        }
    }
    return dropped;
}
//# sourceMappingURL=apply-duration-rules.js.map