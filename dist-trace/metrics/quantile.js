import { sortedNumbers } from '../columns/column-values.js';
/**
 * The p-quantile of values with linear interpolation between order statistics (numpy's default).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values, p) {
    return sortedQuantile(sortedNumbers(values), p);
}
/** The median (mean of the two middle values for an even count). */
export function median(values) {
    return quantile(values, 0.5);
}
/**
 * quantile over values already sorted ascending (no copy).
 * @example sortedQuantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function sortedQuantile(sorted, p) {
    if (sorted.length === 0)
        return null;
    const position = (sorted.length - 1) * p;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
//# sourceMappingURL=quantile.js.map