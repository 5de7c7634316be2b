/**
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') // => "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula('-14.2') // => '-14.2' (a plain number stays as it is)
 */
export declare function neutraliseFormula(text: string): string;
