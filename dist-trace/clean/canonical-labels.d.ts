import type { LabelMapping } from './types.js';
export interface LabelRules {
    synonyms: Record<string, string>;
    catalogue: string[] | null;
}
/**
 * NFC, case-folded, trimmed, runs of characters that are neither letters nor digits (of any script) to `_`;
 * an empty result is `unlabelled`.
 * @example spellLabel(' Budget-Recon ') // 'budget_recon'
 * @example spellLabel('Überprüfung') // 'überprüfung'
 */
export declare function spellLabel(raw: string): string;
/** `short` abbreviates `long`: same token count, each token a prefix of its partner, and shorter overall. */
export declare function abbreviates(short: string, long: string): boolean;
/**
 * Maps every raw label to its canonical label (CONTRACT 2.3): spelling, then synonyms, then
 * abbreviations resolved to the most frequent longer label, then the optional catalogue.
 * @example canonicalLabels(new Map([['Budget Reconciliation', 9], ['budget_recon', 2]]), { synonyms: {}, catalogue: null })
 *   // budget_recon -> budget_reconciliation (via abbreviation)
 */
export declare function canonicalLabels(rawCounts: Map<string, number>, rules: LabelRules): Map<string, LabelMapping>;
