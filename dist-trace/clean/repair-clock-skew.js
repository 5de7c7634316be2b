// Device clocks drift: an end before its start is the pair written the wrong way round.
/**
 * Swaps started_at and ended_at where the end comes first; returns how many rows it repaired.
 * @example repairClockSkew(rows) // 3
 */
export function repairClockSkew(rows) {
    let repaired = 0;
    for (let index = 0; index < rows.length; index += 1) {
        const start = rows.start[index];
        const end = rows.end[index];
        if (end < start) {
            rows.start[index] = end;
            rows.end[index] = start;
            repaired += 1;
        }
    }
    return repaired;
}
//# sourceMappingURL=repair-clock-skew.js.map