import { foldCase } from '../util/fold-case.js';

// Week labels (2026-w45, 2026w45), months (2026-10) and decimals (0.8) stay whole, also before a full stop
// ("in 2026-W45."); other dots and hyphens split words.
const KEEP_WHOLE = /^(\d{4}-?w\d{1,2}|\d{4}-\d{2}|\d+(\.\d+)?)$/;

/**
 * A question's words: lower-cased, possessives and punctuation dropped, `%` kept as its own word.
 * @example textTokens("Finance's adoption below 80%") // ['finance', 'adoption', 'below', '80', '%']
 */
export function textTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2019']s(?![\p{L}\p{N}])/gu, '')
    .replace(/%/g, ' % ')
    // (letters of every script: "zürich" and "東京" are words, not "z" and "rich")
    .split(/[^\p{L}\p{M}\p{N}.%-]+/u)
    .flatMap((token) => {
      const bare = token.replace(/^[.-]+|[.-]+$/g, '');
      return KEEP_WHOLE.test(bare) ? [bare] : token.split(/[.-]+/);
    })
    .filter((token) => token.length > 0);
}

// Marks that sit on a letter as an accent (NFD's combining diacritics): not the vowel signs of Indic scripts
// nor the kana's voicing marks, which make another word, not an accented one.
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// Letters with a stroke, which NFD does not take apart: "Łódź" is "lodz" to a keyboard without them.
const STROKED: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't' };

/**
 * A name as someone types it without accents: case folded, diacritics removed (NFD, combining marks dropped).
 * @example foldName('ZÜRICH') // 'zurich'
 */
export function foldName(text: string): string {
  return foldCase(text).normalize('NFD').replace(DIACRITICS, '').replace(/[łđøħŧ]/g, (letter) => STROKED[letter]).normalize('NFC');
}

/**
 * Levenshtein distance, stopping early once it exceeds `limit`; with `transpositions`, two neighbouring letters
 * swapped count as one edit (optimal string alignment, a Damerau-Levenshtein distance: "adoptoin" is 1 from "adoption").
 * @example editDistance('finanse', 'finance') // 1
 */
export function editDistance(left: string, right: string, limit = Infinity, options: { transpositions?: boolean } = {}): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      if (options.transpositions && row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        current[column] = Math.min(current[column], before[column - 2] + 1);
      }
      best = Math.min(best, current[column]);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[right.length];
}

/** Typos allowed for a word of this length: none below 4 letters, 1 below 7, else 2. */
export function typoAllowance(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}
