/**
 * Labels split into tokens at `separator` (one character), indexed to find, for a label, the best-ranked other label with as
 * many tokens, each of the label's tokens a prefix of its partner. Building is O(n log n) in the number of
 * labels; a look-up is a few binary searches per distinct token that extends the label's tokens.
 * @example new TokenPrefixIndex(['budget_reconciliation', 'budget_recon'], '_').bestExtensionOf('budget_recon') // 'budget_reconciliation'
 */
export declare class TokenPrefixIndex {
    private readonly byRank;
    private readonly separator;
    /** Per token count, one Rotation per starting token (at most ROTATIONS). */
    private readonly groups;
    /** `byRank`: distinct labels, best first (the rank of a label is its index). */
    constructor(byRank: readonly string[], separator: string);
    /**
     * The best-ranked other label whose tokens extend `label`'s one by one, or undefined when there is none.
     * @example index.bestExtensionOf('con_rev') // 'contract_revision'
     */
    bestExtensionOf(label: string): string | undefined;
}
