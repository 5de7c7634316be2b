import { describe, expect, test } from 'vitest';
import { topWithTies } from '../../src/ask/top-with-ties.js';

const ranked = (values: number[]) => values.map((value, index) => ({ name: String.fromCharCode(65 + index), value }));
const names = (entries: Array<{ name: string }>) => entries.map((entry) => entry.name).join('');

describe('topWithTies', () => {
  test('a tie at the cut is kept whole and returned', () => {
    const { shown, tiedAtCut } = topWithTies(ranked([9, 8, 7, 7, 7, 5]), 3, (entry) => entry.value);
    expect(names(shown)).toBe('ABCDE');
    expect(names(tiedAtCut)).toBe('CDE');
  });

  test('a tie for first that crosses the cut is kept whole', () => {
    const { shown, tiedAtCut } = topWithTies(ranked([4, 4, 4, 1]), 2, (entry) => entry.value);
    expect(names(shown)).toBe('ABC');
    expect(names(tiedAtCut)).toBe('ABC');
  });

  test('no tie at the cut, a tie inside the top, or fewer entries than the limit: the top as it is', () => {
    expect(topWithTies(ranked([9, 8, 7, 6]), 3, (entry) => entry.value)).toEqual({ shown: ranked([9, 8, 7]), tiedAtCut: [] });
    expect(topWithTies(ranked([9, 9, 7, 6]), 3, (entry) => entry.value)).toEqual({ shown: ranked([9, 9, 7]), tiedAtCut: [] });
    expect(topWithTies(ranked([9, 9]), 3, (entry) => entry.value)).toEqual({ shown: ranked([9, 9]), tiedAtCut: [] });
  });
});
