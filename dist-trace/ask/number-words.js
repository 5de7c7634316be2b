const UNITS = {
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
// "half", "a third", "a quarter" are shares only after a comparison word: "above half" is "above 50 %".
const SHARES = { half: '50', third: '33.3', quarter: '25' };
const SHARE_LEADS = new Set(['above', 'below', 'over', 'under', 'than', 'least', 'most', 'beyond', 'exceeding']);
/**
 * Question words with spelled-out numbers as digits: "ten" -> 10, "forty five" -> 45, "a dozen" -> 12,
 * "above half" -> "above 50 %". Other words are kept as they are.
 * @example spellNumbers(['more', 'than', 'a', 'dozen', 'points']) // ['more', 'than', '12', 'points']
 */
export function spellNumbers(words) {
    const out = [];
    for (let index = 0; index < words.length; index += 1) {
        const word = words[index];
        const next = words[index + 1];
        if (word in TENS) {
            const units = next !== undefined && next in UNITS && UNITS[next] < 10 && UNITS[next] > 0 ? UNITS[next] : 0;
            out.push(String(TENS[word] + units));
            if (units > 0)
                index += 1;
            continue;
        }
        if (word in UNITS) {
            if (word === 'dozen' && out[out.length - 1] === 'a')
                out.pop();
            out.push(String(UNITS[word]));
            continue;
        }
        const lead = out[out.length - 1] === 'a' ? out[out.length - 2] : out[out.length - 1];
        if (word in SHARES && lead !== undefined && SHARE_LEADS.has(lead)) {
            if (out[out.length - 1] === 'a')
                out.pop();
            out.push(SHARES[word], '%');
            continue;
        }
        out.push(word);
    }
    return out;
}
//# sourceMappingURL=number-words.js.map