// `a.localeCompare(b)` sorts by the machine's locale (LANG, LC_ALL): Danish puts `aa` after `z`, Lithuanian `y`
// before `j`, Swedish `ä` after `z`. The same input must give the same lists on every machine, so text is
// compared in one fixed collation, English's.
const english = new Intl.Collator('en');

/**
 * Compares two texts in English collation, whatever the machine's locale: for sorting what people read (names,
 * labels, teams).
 * @example ['b', 'a', 'B'].sort(compareText) // ['a', 'b', 'B']
 */
export function compareText(a: string, b: string): number {
  return english.compare(a, b);
}

const englishNumbered = new Intl.Collator('en', { numeric: true });

/**
 * compareText with the digits in a text read as numbers: for ids people read in order (u2 before u10).
 * @example ['u10', 'u2'].sort(compareNumberedText) // ['u2', 'u10']
 */
export function compareNumberedText(a: string, b: string): number {
  return englishNumbered.compare(a, b);
}
