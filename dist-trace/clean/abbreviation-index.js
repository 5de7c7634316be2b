import { TokenPrefixIndex } from '../columns/index.js';
/**
 * CONTRACT 2.3: a label abbreviates another when it has the same number of `_` tokens, each token a prefix of
 * its partner, and is shorter overall; of several such labels, the most frequent wins, then the first in
 * code-unit order.
 * @example new AbbreviationIndex(new Map([['budget_reconciliation', 9], ['budget_recon', 2]])).expansionOf('budget_recon') // 'budget_reconciliation'
 */
export class AbbreviationIndex {
    index;
    constructor(frequency) {
        // most frequent first, then code-unit order
        const ranked = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        this.index = new TokenPrefixIndex(ranked.map(([label]) => label), '_');
    }
    /**
     * The best label that `label` abbreviates, or undefined when there is none.
     * @example index.expansionOf('con_rev') // 'contract_revision'
     */
    expansionOf(label) {
        return this.index.bestExtensionOf(label);
    }
}
//# sourceMappingURL=abbreviation-index.js.map