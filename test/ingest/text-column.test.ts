import { expect, test } from 'vitest';
import { TextColumn } from '../../src/ingest/text-column.js';

// Two files: 'e1', '', 'e3' and then (an empty file) and then 'ä中', 'e5'; the wide value is apart, empty in the text.
const parts = [
  { text: 'e1e3', ends: Int32Array.of(2, 2, 4), wide: [] },
  { text: '', ends: new Int32Array(0), wide: [] },
  { text: 'e5', ends: Int32Array.of(0, 2), wide: [[0, 'ä中']] as Array<[number, string]> },
];

test('a row is cut from its file\'s text; empty is the given value; wide values come back', () => {
  const ids = new TextColumn(parts, '');
  const prompts = new TextColumn(parts, null);
  expect(ids.length).toBe(5);
  expect([...ids]).toEqual(['e1', '', 'e3', 'ä中', 'e5']);
  expect([...prompts]).toEqual(['e1', null, 'e3', 'ä中', 'e5']);
  expect([0, 1, 2, 3, 4].map((row) => prompts.isEmpty(row))).toEqual([false, true, false, false, false]);
  expect(() => ids.at(5)).toThrow('row 5 is outside the column\'s 5 rows');
  expect(() => ids.at(-1)).toThrow(RangeError);
});
