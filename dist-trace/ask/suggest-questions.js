import { editDistance, textTokens, typoAllowance } from './text-tokens.js';
// Words that say nothing about which question was meant.
const FILLER = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'for', 'is', 'are', 'was', 'were', 'did', 'do', 'does', 'what', 'which', 'how', 'me', 'to', 'by']);
/**
 * The `count` example questions closest to an unanswerable one: shared words first (a typo counts as
 * shared), then the smaller edit distance between the whole questions, then the list order.
 * @example suggestQuestions('adoptoin in finanse?', ['adoption of Finance', 'harm rate'], 1) // ['adoption of Finance']
 */
export function suggestQuestions(question, examples, count = 3) {
    const asked = textTokens(question).filter((word) => !FILLER.has(word));
    const text = textTokens(question).join(' ');
    const scored = examples.map((example, index) => {
        const words = textTokens(example).filter((word) => !FILLER.has(word));
        const shared = asked.filter((word) => words.some((other) => other === word || editDistance(word, other, typoAllowance(other)) <= typoAllowance(other))).length;
        const overlap = shared / Math.max(1, new Set([...asked, ...words]).size);
        return { example, index, overlap, distance: editDistance(text, textTokens(example).join(' ')) };
    });
    return scored
        .sort((a, b) => b.overlap - a.overlap || a.distance - b.distance || a.index - b.index)
        .slice(0, count)
        .map((entry) => entry.example);
}
//# sourceMappingURL=suggest-questions.js.map