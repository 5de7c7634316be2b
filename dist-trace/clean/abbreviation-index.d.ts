/**
 * CONTRACT 2.3: a label abbreviates another when it has the same number of `_` tokens, each token a prefix of
 * its partner, and is shorter overall; of several such labels, the most frequent wins, then the first in
 * code-unit order.
 * @example new AbbreviationIndex(new Map([['budget_reconciliation', 9], ['budget_recon', 2]])).expansionOf('budget_recon') // 'budget_reconciliation'
 */
export declare class AbbreviationIndex {
    private readonly index;
    constructor(frequency: ReadonlyMap<string, number>);
    /**
     * The best label that `label` abbreviates, or undefined when there is none.
     * @example index.expansionOf('con_rev') // 'contract_revision'
     */
    expansionOf(label: string): string | undefined;
}
