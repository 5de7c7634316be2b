/**
 * The p-quantile of values with linear interpolation between order statistics (numpy's default).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** The median (mean of the two middle values for an even count). */
export function median(values: number[]): number | null {
  return quantile(values, 0.5);
}
