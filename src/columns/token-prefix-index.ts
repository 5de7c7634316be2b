// Comparing every label with every other took minutes at tens of thousands of distinct labels. Labels are
// instead kept sorted (code-unit order) per token count: the labels whose first tokens extend a label's
// first tokens are contiguous ranges found by binary search, one per distinct token on the way, and the
// best label of the last range comes from a sparse table in constant time. When many labels share the
// first tokens (`report_1`, `report_2`, ...), a look-up starts instead at the token that narrows most:
// the labels are also kept sorted by their tokens rotated to start at the second, third and fourth token.

/** The labels with one token count, their tokens rotated to start at one position, sorted; with the best rank over every power-of-two run. */
interface Rotation {
  /** The rotated labels, sorted. */
  strings: string[];
  /** bestRank[level][index]: the lowest rank among strings index .. index + 2^level - 1. */
  bestRank: Int32Array[];
}

/** Rotations kept per token count: starting at tokens 1 to 4. */
const ROTATIONS = 4;

/**
 * Labels split into tokens at `separator` (one character), indexed to find, for a label, the best-ranked other label with as
 * many tokens, each of the label's tokens a prefix of its partner. Building is O(n log n) in the number of
 * labels; a look-up is a few binary searches per distinct token that extends the label's tokens.
 * @example new TokenPrefixIndex(['budget_reconciliation', 'budget_recon'], '_').bestExtensionOf('budget_recon') // 'budget_reconciliation'
 */
export class TokenPrefixIndex {
  /** Per token count, one Rotation per starting token (at most ROTATIONS). */
  private readonly groups = new Map<number, Rotation[]>();

  /** `byRank`: distinct labels, best first (the rank of a label is its index). */
  constructor(
    private readonly byRank: readonly string[],
    private readonly separator: string,
  ) {
    const byCount = new Map<number, Array<{ tokens: string[]; rank: number }>>();
    byRank.forEach((label, rank) => {
      const tokens = label.split(separator);
      let members = byCount.get(tokens.length);
      if (!members) byCount.set(tokens.length, (members = []));
      members.push({ tokens, rank });
    });
    for (const [count, members] of byCount) {
      const rotations: Rotation[] = [];
      for (let first = 0; first < Math.min(count, ROTATIONS); first += 1) {
        const rotated = members.map(({ tokens, rank }) => ({ string: rotate(tokens, first).join(separator), rank }));
        rotated.sort((a, b) => (a.string < b.string ? -1 : a.string > b.string ? 1 : 0));
        rotations.push({ strings: rotated.map((entry) => entry.string), bestRank: sparseMinimum(Int32Array.from(rotated, (entry) => entry.rank)) });
      }
      this.groups.set(count, rotations);
    }
  }

  /**
   * The best-ranked other label whose tokens extend `label`'s one by one, or undefined when there is none.
   * @example index.bestExtensionOf('con_rev') // 'contract_revision'
   */
  bestExtensionOf(label: string): string | undefined {
    const tokens = label.split(this.separator);
    const rotations = this.groups.get(tokens.length);
    if (!rotations) return undefined;
    // start at the token whose extensions are fewest
    let chosen = 0;
    let fewest = Infinity;
    rotations.forEach((rotation, first) => {
      const start = lowerBoundAt(rotation.strings, tokens[first], 0, 0, rotation.strings.length);
      const size = prefixEndAt(rotation.strings, tokens[first], 0, start, rotation.strings.length) - start;
      if (size < fewest) [chosen, fewest] = [first, size];
    });
    if (fewest === 0) return undefined;
    const rotated = rotate(tokens, chosen);
    const rank = search(rotations[chosen], this.separator, rotated.join(this.separator), rotated);
    return rank === NONE ? undefined : this.byRank[rank];
  }
}

// Of the strings whose tokens extend `tokens` one by one, the best rank: a walk over the runs of strings that share
// their first tokens, one token deeper at a time. The walk keeps its own list of runs to visit (a call per token
// overflowed the stack at a label of some 10,000 tokens), and a run is compared from where its shared text ends,
// so that a long shared start is not compared again at every token.
function search(rotation: Rotation, separator: string, query: string, tokens: string[]): number {
  const { strings } = rotation;
  let best = NONE;
  // runs to visit: strings from..to share their first `at` tokens, `offset` characters with their separators
  const pending: Array<{ at: number; offset: number; from: number; to: number }> = [{ at: 0, offset: 0, from: 0, to: strings.length }];
  while (pending.length > 0) {
    const { at, offset, from, to } = pending.pop()!;
    const token = tokens[at];
    let start = lowerBoundAt(strings, token, offset, from, to);
    const end = prefixEndAt(strings, token, offset, start, to);
    if (at === tokens.length - 1) {
      if (start < end && strings[start] === query) start += 1; // the label itself (it sorts first among its extensions)
      best = Math.min(best, bestRankIn(rotation.bestRank, start, end));
      continue;
    }
    for (let cursor = start; cursor < end; ) {
      // the strings holding this string's token `at`: a contiguous run, as they share everything up to its separator
      const holder = strings[cursor];
      const next = holder.indexOf(separator, offset) + separator.length;
      const runEnd = prefixEndAt(strings, holder.slice(offset, next), offset, cursor, end);
      pending.push({ at: at + 1, offset: next, from: cursor, to: runEnd });
      cursor = runEnd;
    }
  }
  return best;
}

const rotate = (tokens: string[], first: number): string[] => (first === 0 ? tokens : [...tokens.slice(first), ...tokens.slice(0, first)]);

/** The sparse table of minima: level l holds the minimum of each run of 2^l values. */
function sparseMinimum(values: Int32Array): Int32Array[] {
  const levels = [values];
  for (let width = 2; width <= values.length; width *= 2) {
    const previous = levels[levels.length - 1];
    const half = width / 2;
    const level = new Int32Array(values.length - width + 1);
    for (let index = 0; index < level.length; index += 1) level[index] = Math.min(previous[index], previous[index + half]);
    levels.push(level);
  }
  return levels;
}

const NONE = 0x7fffffff;

/** How `label` from `offset` compares with `text`: negative when below it, 0 when it begins with it, positive when above. */
function compareAt(label: string, offset: number, text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    if (offset + index >= label.length) return -1;
    const difference = label.charCodeAt(offset + index) - text.charCodeAt(index);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** In from..to (labels that share their first `offset` characters, sorted), the first index whose label from `offset` is not below `text`. */
function lowerBoundAt(labels: string[], text: string, offset: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareAt(labels[middle], offset, text) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** From `from` (where labels holding `text` at `offset` start), the first index in ..to whose label does not. */
function prefixEndAt(labels: string[], text: string, offset: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareAt(labels[middle], offset, text) === 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function bestRankIn(bestRank: Int32Array[], from: number, to: number): number {
  if (from >= to) return NONE;
  const level = 31 - Math.clz32(to - from);
  const ranks = bestRank[level];
  return Math.min(ranks[from], ranks[to - (1 << level)]);
}
