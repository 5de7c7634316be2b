// Shared by every CSV and Excel writer (metric tables, quarantine.csv): the one rule for formula text.
const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
// A spreadsheet runs text starting with = + - @ (or a tab/CR before one) as a formula: quote it.
/**
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') // => "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula('-14.2') // => '-14.2' (a plain number stays as it is)
 */
export function neutraliseFormula(text) {
    if (!/^[=+\-@\t\r]/.test(text))
        return text;
    if (NUMBER_TEXT.test(text))
        return text;
    return `'${text}`;
}
//# sourceMappingURL=neutralise-formula.js.map