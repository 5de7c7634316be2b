import { expect, test } from 'vitest';
import { TextColumn } from '../../src/ingest/text-column.js';

// Two files: 'e1', '', 'e3' and then (an empty file) and then 'ä中', 'e5'; the wide value is apart, empty in the bytes.
const parts = [
  { bytes: Buffer.from('e1e3', 'latin1'), ends: Int32Array.of(2, 2, 4), wide: [] },
  { bytes: Buffer.from('', 'latin1'), ends: new Int32Array(0), wide: [] },
  { bytes: Buffer.from('e5', 'latin1'), ends: Int32Array.of(0, 2), wide: [[0, 'ä中']] as Array<[number, string]> },
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

test('equals compares the bytes of two rows, across files, and the values of empty and wide ones', () => {
  const prompts = new TextColumn([
    { bytes: Buffer.from('abcaébab', 'latin1'), ends: Int32Array.of(3, 5, 5, 8), wide: [[2, 'ab中']] as Array<[number, string]> },
    { bytes: Buffer.from('abcaé', 'latin1'), ends: Int32Array.of(3, 3, 5), wide: [[1, 'ab中']] as Array<[number, string]> },
  ], null);
  expect([...prompts]).toEqual(['abc', 'aé', 'ab中', 'bab', 'abc', 'ab中', 'aé']);
  const pairs = [[0, 4], [1, 6], [2, 5], [0, 3], [0, 1], [2, 0], [0, 2], [3, 3]];
  expect(pairs.map(([row, other]) => prompts.equals(row, other))).toEqual(pairs.map(([row, other]) => prompts.at(row) === prompts.at(other)));
  expect(pairs.map(([row, other]) => prompts.equals(row, other))).toEqual([true, true, true, false, false, false, false, true]);
});
