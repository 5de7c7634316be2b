/** The first entries of a ranking, and those tied with the last of them that the cut would have left out. */
export interface TopWithTies<T> {
  /** The first `limit` entries, and every entry whose value equals the last of them. */
  shown: T[];
  /** The entries holding the last place's value when more of them hold it than the cut has room for (else empty). */
  tiedAtCut: T[];
}

// "Top 3" cut inside a tie named two of three equal teams, the third left out by its name's place in the alphabet:
// a tie at the cut is shown whole, and said.
/**
 * The top `limit` of `ranked` (already ordered), with every entry tied with the last place kept.
 * @example topWithTies([{ v: 3 }, { v: 2 }, { v: 2 }], 2, (entry) => entry.v).shown.length // 3
 */
export function topWithTies<T>(ranked: T[], limit: number, valueOf: (entry: T) => number | null): TopWithTies<T> {
  if (limit <= 0 || ranked.length <= limit) return { shown: ranked.slice(0, Math.max(limit, 0)), tiedAtCut: [] };
  const last = valueOf(ranked[limit - 1]);
  const tiedAtCut = ranked.filter((entry) => valueOf(entry) === last);
  const shown = [...ranked.slice(0, limit), ...ranked.slice(limit).filter((entry) => valueOf(entry) === last)];
  return { shown, tiedAtCut: shown.length > limit ? tiedAtCut : [] };
}
