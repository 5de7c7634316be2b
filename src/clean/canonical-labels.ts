import type { LabelMapping } from './types.js';

export interface LabelRules {
  synonyms: Record<string, string>;
  catalogue: string[] | null;
}

/**
 * Lower-case, trim, runs of non-alphanumerics to `_`.
 * @example spellLabel(' Budget-Recon ') // 'budget_recon'
 */
export function spellLabel(raw: string): string {
  const spelled = raw.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return spelled === '' ? 'unlabelled' : spelled;
}

/** `short` abbreviates `long`: same token count, each token a prefix of its partner, and shorter overall. */
export function abbreviates(short: string, long: string): boolean {
  if (short.length >= long.length) return false;
  const shortTokens = short.split('_');
  const longTokens = long.split('_');
  if (shortTokens.length !== longTokens.length) return false;
  return shortTokens.every((token, index) => longTokens[index].startsWith(token));
}

// Among labels it abbreviates, the most frequent wins; ties go to the alphabetically first.
function longestFit(label: string, candidates: Iterable<[string, number]>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [candidate, count] of candidates) {
    if (!abbreviates(label, candidate)) continue;
    if (count > bestCount || (count === bestCount && candidate < best!)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Maps every raw label to its canonical label (CONTRACT 2.3): spelling, then synonyms, then
 * abbreviations resolved to the most frequent longer label, then the optional catalogue.
 * @example canonicalLabels(new Map([['Budget Reconciliation', 9], ['budget_recon', 2]]), { synonyms: {}, catalogue: null })
 *   // budget_recon -> budget_reconciliation (via abbreviation)
 */
export function canonicalLabels(rawCounts: Map<string, number>, rules: LabelRules): Map<string, LabelMapping> {
  const synonyms = new Map(Object.entries(rules.synonyms).map(([from, to]) => [spellLabel(from), spellLabel(to)]));
  const step = new Map<string, { label: string; via: LabelMapping['via'] }>();
  const frequency = new Map<string, number>();
  for (const [raw, count] of rawCounts) {
    const spelled = spellLabel(raw);
    const synonym = synonyms.get(spelled);
    const label = synonym ?? spelled;
    step.set(raw, { label, via: synonym ? 'synonym' : spelled === raw ? 'identity' : 'spelling' });
    frequency.set(label, (frequency.get(label) ?? 0) + count);
  }
  const resolved = new Map<string, string>();
  for (const label of frequency.keys()) {
    let current = label;
    for (let depth = 0; depth < 8; depth += 1) {
      const next = longestFit(current, frequency);
      if (!next) break;
      current = next;
    }
    resolved.set(label, current);
  }
  const catalogue = rules.catalogue?.map(spellLabel) ?? null;
  const catalogueCounts = catalogue ? new Map(catalogue.map((entry) => [entry, frequency.get(entry) ?? 0])) : null;
  const mappings = new Map<string, LabelMapping>();
  for (const [raw, count] of rawCounts) {
    const { label, via } = step.get(raw)!;
    let canonical = resolved.get(label)!;
    let how: LabelMapping['via'] = canonical !== label ? 'abbreviation' : via;
    if (catalogue && catalogueCounts) {
      if (!catalogueCounts.has(canonical)) {
        const fit = longestFit(canonical, catalogueCounts);
        canonical = fit ?? 'other';
        how = fit ? 'catalogue' : 'other';
      }
    }
    mappings.set(raw, { raw, canonical, count, via: how });
  }
  return mappings;
}
