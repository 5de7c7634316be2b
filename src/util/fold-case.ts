/**
 * Case folded beyond lower-casing alone (upper- then lower-cased, so `ß` and `SS` meet, and final and medial sigma),
 * NFC before and after (one spelling of `ü` whether it came as one code point or two). The task labels' spelling
 * (clean/canonical-labels.ts) and `ask`'s names (ask/text-tokens.ts) fold alike.
 * @example foldCase('STRASSE') === foldCase('Straße') // true
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
