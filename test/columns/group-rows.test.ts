import { expect, test } from 'vitest';
import { bestOfGroups, denseKey, groupRows, groupsOfSeveral, keepRows, rowNumbers, textKey } from '../../src/columns/index.js';
import { hashString } from '../../src/util/hash-string.js';

/** The plain way to number keys, with a Map of joined strings: what groupRows must agree with. */
function plainGroups(rows: ArrayLike<number>, keyOf: (row: number) => string, length: number): number[] {
  const known = new Map<string, number>();
  const ids = new Array<number>(length).fill(-1);
  for (const row of Array.from(rows)) {
    const key = keyOf(row);
    if (!known.has(key)) known.set(key, known.size);
    ids[row] = known.get(key)!;
  }
  return ids;
}

test('groups strings by value, nulls included, in first-seen order', () => {
  const values = ['evt-2', 'evt-1', null, 'evt-2', 'évt-1', null, 'evt-1'];
  const hashes = Int32Array.from(values, (value) => (value === null ? 0 : hashString(value)));
  expect(groupRows(rowNumbers(values.length), [textKey(values, hashes)])).toEqual({ ids: Int32Array.from([0, 1, 2, 0, 3, 2, 1]), count: 4 });
});

test('tells different strings apart when every hash collides', () => {
  const values = Array.from({ length: 5000 }, (_, index) => `id-${index % 1234}`);
  const colliding = new Int32Array(values.length).fill(7);
  const groups = groupRows(rowNumbers(values.length), [textKey(values, colliding)]);
  expect(groups.count).toBe(1234);
  expect([...groups.ids]).toEqual(plainGroups(rowNumbers(values.length), (row) => values[row], values.length));
});

test('two keys of codes: rows share a group only when both codes agree, even for codes above 2^16', () => {
  const users = Int32Array.from([70_000, 1, 70_000, 1, 70_000, 2]);
  const types = Int32Array.from([90_000, 90_000, 90_000, 7, 90_001, 9]);
  expect(groupRows(rowNumbers(6), [users, types])).toEqual({ ids: Int32Array.from([0, 1, 0, 2, 3, 4]), count: 5 });
});

test('dense codes group through an array, numbered as the hashing engine numbers them; -1 is a value of its own', () => {
  const weeks = Int32Array.from([1, 0, 1, 1, 0, -1, 1]);
  const teams = Int32Array.from([0, 2, 0, 1, 2, 0, -1]);
  const rows = Int32Array.of(6, 0, 1, 2, 3, 4, 5);
  const dense = groupRows(rows, [denseKey(weeks, 2), denseKey(teams, 3)]);
  expect(dense).toEqual({ ids: Int32Array.from([1, 2, 1, 3, 2, 4, 0]), count: 5 });
  expect(groupRows(rows, [weeks, teams])).toEqual(dense);
  expect(groupRows(Int32Array.of(), [denseKey(weeks, 2)])).toEqual({ ids: new Int32Array(7).fill(-1), count: 1 });
});

test('codes then strings: the given rows are grouped by all three keys, as joined strings would be', () => {
  const length = 3000;
  const users = Int32Array.from({ length }, (_, index) => index % 3);
  const types = Int32Array.from({ length }, (_, index) => (index * 13) % 4);
  const prompts = Array.from({ length }, (_, index) => `prompt ${(index * 7) % 50}`);
  const rows = keepRows(rowNumbers(length), (row) => row % 3 !== 2);
  const plain = plainGroups(rows, (row) => `${users[row]}|${types[row]}|${prompts[row]}`, length);
  for (const hashes of [Int32Array.from(prompts, hashString), new Int32Array(length).fill(7)]) {
    // hashed codes, dense codes numbered through an array first, and a dense key too large for an array
    for (const keys of [[users, types], [denseKey(users, 3), denseKey(types, 4)], [denseKey(users, 3), denseKey(types, 1 << 22)]]) {
      const groups = groupRows(rows, [...keys, textKey(prompts, hashes)]);
      expect(Array.from(rows, (row) => groups.ids[row])).toEqual(Array.from(rows, (row) => plain[row]));
      expect(groups.count).toBe(new Set(Array.from(rows, (row) => plain[row])).size);
    }
  }
});

test('keepRows keeps the accepted rows of a list or of every row, in order', () => {
  expect(rowNumbers(4)).toEqual(Int32Array.from([0, 1, 2, 3]));
  expect(keepRows(Int32Array.from([7, 2, 9, 4]), (row) => row > 3)).toEqual(Int32Array.from([7, 9, 4]));
  expect(keepRows(5, (row) => row % 2 === 0)).toEqual(Int32Array.from([0, 2, 4]));
  expect(keepRows(rowNumbers(3), () => false)).toEqual(new Int32Array(0));
});

test('at least one key', () => {
  expect(() => groupRows(rowNumbers(2), [])).toThrow('at least one key');
});

test('bestOfGroups keeps the row compare puts first per group; groupsOfSeveral lists the groups of two rows or more', () => {
  const ids = ['a', 'b', 'a', 'c', 'a', 'b'];
  const completeness = [3, 1, 5, 2, 5, 1];
  const rows = rowNumbers(ids.length);
  const sameId = groupRows(rows, [textKey(ids, Int32Array.from(ids, hashString))]);
  const best = bestOfGroups(rows, sameId, (a, b) => completeness[b] - completeness[a] || a - b);
  expect([...best]).toEqual([2, 1, 3]); // 'a': 5 at rows 2 and 4, the first wins; 'b': a tie, the first; 'c' alone
  expect(groupsOfSeveral(rows, sameId)).toEqual([[0, 2, 4], [1, 5]]);
  expect(groupsOfSeveral(Int32Array.of(0, 1, 3), sameId)).toEqual([]);
});
