// Comparing every label with every other took minutes at tens of thousands of distinct labels. Labels are
// instead kept sorted (code-unit order) per token count: the labels whose first tokens extend a label's
// first tokens are contiguous ranges found by binary search, one per distinct token on the way, and the
// best label of the last range comes from a sparse table in constant time. When many labels share the
// first tokens (`report_1`, `report_2`, ...), a look-up starts instead at the token that narrows most:
// the labels are also kept sorted by their tokens rotated to start at the second, third and fourth token.
/** Rotations kept per token count: starting at tokens 1 to 4. */
const ROTATIONS = 4;
/**
 * Labels split into tokens at `separator` (one character), indexed to find, for a label, the best-ranked other label with as
 * many tokens, each of the label's tokens a prefix of its partner. Building is O(n log n) in the number of
 * labels; a look-up is a few binary searches per distinct token that extends the label's tokens.
 * @example new TokenPrefixIndex(['budget_reconciliation', 'budget_recon'], '_').bestExtensionOf('budget_recon') // 'budget_reconciliation'
 */
export class TokenPrefixIndex {
    byRank;
    separator;
    /** Per token count, one Rotation per starting token (at most ROTATIONS). */
    groups = new Map();
    /** `byRank`: distinct labels, best first (the rank of a label is its index). */
    constructor(byRank, separator) {
        this.byRank = byRank;
        this.separator = separator;
        const byCount = new Map();
        byRank.forEach((label, rank) => {
            const tokens = label.split(separator);
            let members = byCount.get(tokens.length);
            if (!members)
                byCount.set(tokens.length, (members = []));
            members.push({ tokens, rank });
        });
        for (const [count, members] of byCount) {
            const rotations = [];
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
    bestExtensionOf(label) {
        const tokens = label.split(this.separator);
        const rotations = this.groups.get(tokens.length);
        if (!rotations)
            return undefined;
        // start at the token whose extensions are fewest
        let chosen = 0;
        let fewest = Infinity;
        rotations.forEach((rotation, first) => {
            const start = lowerBound(rotation.strings, tokens[first], 0, rotation.strings.length);
            const size = prefixEnd(rotation.strings, tokens[first], start, rotation.strings.length) - start;
            if (size < fewest)
                [chosen, fewest] = [first, size];
        });
        if (fewest === 0)
            return undefined;
        const rotated = rotate(tokens, chosen);
        const rotation = rotations[chosen];
        const rank = search(rotation, this.separator, rotated.join(this.separator), rotated, 0, '', 0, rotation.strings.length);
        return rank === NONE ? undefined : this.byRank[rank];
    }
}
// Strings from..to all begin with `prefix` (the tokens before `at`, each followed by `_`): of those whose
// token `at` begins with tokens[at], the best rank, over each distinct token they hold there in turn.
function search(rotation, separator, query, tokens, at, prefix, from, to) {
    const { strings } = rotation;
    const wanted = prefix + tokens[at];
    let start = lowerBound(strings, wanted, from, to);
    const end = prefixEnd(strings, wanted, start, to);
    if (at === tokens.length - 1) {
        if (start < end && strings[start] === query)
            start += 1; // the label itself (it sorts first among its extensions)
        return bestRankIn(rotation.bestRank, start, end);
    }
    let best = NONE;
    for (let cursor = start; cursor < end;) {
        // the strings holding this string's token `at`: a contiguous run, as they share everything up to its `_`
        const holder = strings[cursor];
        const tokenEnd = holder.indexOf(separator, prefix.length);
        const next = prefix + holder.slice(prefix.length, tokenEnd + separator.length);
        const runEnd = prefixEnd(strings, next, cursor, end);
        best = Math.min(best, search(rotation, separator, query, tokens, at + 1, next, cursor, runEnd));
        cursor = runEnd;
    }
    return best;
}
const rotate = (tokens, first) => (first === 0 ? tokens : [...tokens.slice(first), ...tokens.slice(0, first)]);
/** The sparse table of minima: level l holds the minimum of each run of 2^l values. */
function sparseMinimum(values) {
    const levels = [values];
    for (let width = 2; width <= values.length; width *= 2) {
        const previous = levels[levels.length - 1];
        const half = width / 2;
        const level = new Int32Array(values.length - width + 1);
        for (let index = 0; index < level.length; index += 1)
            level[index] = Math.min(previous[index], previous[index + half]);
        levels.push(level);
    }
    return levels;
}
const NONE = 0x7fffffff;
/** The first index in from..to whose label is not below `value`. */
function lowerBound(labels, value, from, to) {
    let low = from;
    let high = to;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (labels[middle] < value)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
/** From `from` (where labels beginning with `prefix` start), the first index in ..to whose label does not begin with it. */
function prefixEnd(labels, prefix, from, to) {
    let low = from;
    let high = to;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (labels[middle].startsWith(prefix))
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
function bestRankIn(bestRank, from, to) {
    if (from >= to)
        return NONE;
    const level = 31 - Math.clz32(to - from);
    const ranks = bestRank[level];
    return Math.min(ranks[from], ranks[to - (1 << level)]);
}
//# sourceMappingURL=token-prefix-index.js.map