/**
 * The items a sentence names and the rest it counts: the first `shown`, and the others when two or more follow (one
 * more is named instead), so that a sentence naming every team of a large organisation stays a sentence.
 * @example cappedList(['Legal 9', 'HR 4', 'IT 3', 'Ops 1'], 2) // { named: ['Legal 9', 'HR 4'], rest: ['IT 3', 'Ops 1'] }
 */
export function cappedList<Item>(items: readonly Item[], shown: number): { named: Item[]; rest: Item[] } {
  if (items.length <= shown + 1) return { named: [...items], rest: [] };
  return { named: items.slice(0, shown), rest: items.slice(shown) };
}
