import { foldCase } from '../util/fold-case.js';
import { AbbreviationIndex } from './abbreviation-index.js';
import type { LabelMapping } from './types.js';

export interface LabelRules {
  synonyms: Record<string, string>;
  catalogue: string[] | null;
}

const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const EDGE_UNDERSCORES = /^_+|_+$/g;

// Labels come in every script (`請求書照合`, `проверка`, `Überprüfung`): letters and digits of any script are
// kept, with the combining marks that belong to them (Devanagari vowel signs are marks, not letters); case is
// folded beyond lower-casing alone (foldCase: `ß` and `SS`, final and medial sigma, one spelling of `ü`).
/**
 * NFC, case-folded, trimmed, runs of characters that are neither letters nor digits (of any script) to `_`;
 * an empty result is `unlabelled`.
 * @example spellLabel(' Budget-Recon ') // 'budget_recon'
 * @example spellLabel('Überprüfung') // 'überprüfung'
 */
export function spellLabel(raw: string): string {
  const folded = foldCase(raw);
  const spelled = folded.replace(NOT_WORD, '_').replace(EDGE_UNDERSCORES, '');
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

// Two configs that write the same rules otherwise (synonyms in another order or spelling, the catalogue
// reordered) clean alike: the store compares the rules in this form, not as written.
/**
 * The label rules as canonicalLabels applies them: synonyms by their spelled labels (of two spelled alike, the
 * later, as canonicalLabels takes them) in code-unit order; the catalogue spelled, once each, in that order.
 * @example labelRulesAsApplied({ synonyms: { 'B x': 'Y', a: 'z' }, catalogue: ['Q', 'p'] }) // { synonyms: { a: 'z', b_x: 'y' }, catalogue: ['p', 'q'] }
 */
export function labelRulesAsApplied(rules: LabelRules): LabelRules {
  const synonyms = new Map(Object.entries(rules.synonyms).map(([from, to]) => [spellLabel(from), spellLabel(to)]));
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    synonyms: Object.fromEntries([...synonyms].sort(([a], [b]) => byCodeUnits(a, b))),
    catalogue: rules.catalogue === null ? null : [...new Set(rules.catalogue.map(spellLabel))].sort(byCodeUnits),
  };
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
  // Among labels it abbreviates, the most frequent wins; ties go to the first in code-unit order. A label
  // resolves along such steps, at most 8 (each step is to a longer label).
  const labels = new AbbreviationIndex(frequency);
  const resolved = new Map<string, string>();
  for (const label of frequency.keys()) {
    let current = label;
    for (let depth = 0; depth < 8; depth += 1) {
      const next = labels.expansionOf(current);
      if (!next) break;
      current = next;
    }
    resolved.set(label, current);
  }
  const catalogue = rules.catalogue?.map(spellLabel) ?? null;
  const catalogueCounts = catalogue ? new Map(catalogue.map((entry) => [entry, frequency.get(entry) ?? 0])) : null;
  const catalogueEntries = catalogueCounts ? new AbbreviationIndex(catalogueCounts) : null;
  const mappings = new Map<string, LabelMapping>();
  for (const [raw, count] of rawCounts) {
    const { label, via } = step.get(raw)!;
    let canonical = resolved.get(label)!;
    let how: LabelMapping['via'] = canonical !== label ? 'abbreviation' : via;
    if (catalogueCounts && catalogueEntries) {
      if (!catalogueCounts.has(canonical)) {
        const fit = catalogueEntries.expansionOf(canonical);
        canonical = fit ?? 'other';
        how = fit ? 'catalogue' : 'other';
      }
    }
    mappings.set(raw, { raw, canonical, count, via: how });
  }
  return mappings;
}
