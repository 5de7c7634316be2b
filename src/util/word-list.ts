/**
 * Words joined for a sentence: "a", "a and b", "a, b and c" (or "or").
 * @example wordList(['Zurich', 'Zürich'], 'or') // 'Zurich or Zürich'
 */
export function wordList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
