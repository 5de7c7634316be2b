/**
 * A question's words: lower-cased, possessives and punctuation dropped, `%` kept as its own word.
 * @example textTokens("Finance's adoption below 80%") // ['finance', 'adoption', 'below', '80', '%']
 */
export declare function textTokens(text: string): string[];
/**
 * Levenshtein distance, stopping early once it exceeds `limit`.
 * @example editDistance('finanse', 'finance') // 1
 */
export declare function editDistance(left: string, right: string, limit?: number): number;
/** Typos allowed for a word of this length: none below 4 letters, 1 below 7, else 2. */
export declare function typoAllowance(word: string): number;
