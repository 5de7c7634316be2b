import { expect, test } from 'vitest';
import { Dictionary, recoded } from '../../src/columns/dictionary.js';

test('recoded moves the first `length` codes into another dictionary, -1 staying -1', () => {
  const canonical = new Dictionary<string>();
  const codes = canonical.recode(['Report', 'u1', 'review'], (value) => (value.startsWith('u') ? undefined : value.toLowerCase()));
  expect(Array.from(codes)).toEqual([0, -1, 1]);
  // a column with spare capacity after its 4 rows
  expect(Array.from(recoded(Int32Array.of(2, -1, 0, 1, 0, 0), codes, 4))).toEqual([1, -1, 0, -1]);
});
