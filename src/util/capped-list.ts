/**
 * The first `shown` items, and when more follow (two or more: one is named instead), `more(count)` for the
 * rest, so that a sentence naming every team of a large organisation stays a sentence.
 * @example cappedList(['Legal 9', 'HR 4', 'IT 3', 'Ops 1'], 2, (count) => `${count} more teams`) // ['Legal 9', 'HR 4', '2 more teams']
 */
export function cappedList(items: readonly string[], shown: number, more: (count: number) => string): string[] {
  if (items.length <= shown + 1) return [...items];
  return [...items.slice(0, shown), more(items.length - shown)];
}
