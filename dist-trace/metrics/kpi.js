/** A rate with a zero denominator is null. */
export function ratio(numerator, denominator) {
    return denominator === 0 ? null : numerator / denominator;
}
//# sourceMappingURL=kpi.js.map