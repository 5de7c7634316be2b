/**
 * Question words with spelled-out numbers as digits: "ten" -> 10, "forty five" -> 45, "a dozen" -> 12,
 * "above half" -> "above 50 %". Other words are kept as they are.
 * @example spellNumbers(['more', 'than', 'a', 'dozen', 'points']) // ['more', 'than', '12', 'points']
 */
export declare function spellNumbers(words: string[]): string[];
