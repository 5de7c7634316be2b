/**
 * The p-quantile of values with linear interpolation between order statistics (numpy's default).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export declare function quantile(values: ArrayLike<number>, p: number): number | null;
/** The median (mean of the two middle values for an even count). */
export declare function median(values: ArrayLike<number>): number | null;
/**
 * quantile over values already sorted ascending (no copy).
 * @example sortedQuantile([1, 2, 3, 4], 0.5) // 2.5
 */
export declare function sortedQuantile(sorted: ArrayLike<number>, p: number): number | null;
