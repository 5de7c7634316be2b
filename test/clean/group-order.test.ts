import { expect, test } from 'vitest';
import { denseIdsByHash, denseIdsOfIdAndText, denseIdsOfPairs, keepRows, orderByGroupAndStart, rowNumbers, userTaskPairs } from '../../src/clean/group-order.js';
import { hashString } from '../../src/util/hash-string.js';

/** The plain way to number values, with a Map: what denseIdsByHash must agree with. */
function denseIds(values: ArrayLike<unknown>): { ids: Int32Array; count: number } {
  const known = new Map<unknown, number>();
  const ids = Int32Array.from(Array.from(values), (value) => {
    if (!known.has(value)) known.set(value, known.size);
    return known.get(value)!;
  });
  return { ids, count: Math.max(known.size, 1) };
}

test('denseIdsByHash numbers values like denseIds, nulls included', () => {
  const values = ['evt-2', 'evt-1', null, 'evt-2', 'évt-1', null, 'evt-1'];
  const hashes = Int32Array.from(values, (value) => (value === null ? 0 : hashString(value)));
  expect(denseIdsByHash(values, hashes)).toEqual({ ids: Int32Array.from([0, 1, 2, 0, 3, 2, 1]), count: 4 });
  expect(denseIdsByHash(values, hashes)).toEqual(denseIds(values));
});

test('denseIdsByHash tells different strings apart when their hashes collide', () => {
  const values = Array.from({ length: 5000 }, (_, index) => `id-${index % 1234}`);
  const colliding = new Int32Array(values.length).fill(7); // every hash equal: only the strings can tell
  expect(denseIdsByHash(values, colliding)).toEqual(denseIds(values));
  expect(denseIdsByHash(values, colliding).count).toBe(1234);
});

test('denseIdsOfPairs numbers the pairs of the given rows in first-seen order; other rows get -1', () => {
  const first = [3, 1, 3, 1, 3, 2];
  const second = [0, 0, 0, 7, 0, 9];
  expect(denseIdsOfPairs(first, second, [0, 1, 2, 3, 4], 6)).toEqual({ ids: Int32Array.from([0, 1, 0, 2, 0, -1]), count: 3 });
  // ids far above 2^16 on both sides: a packed key would overflow 32 bits
  const big = denseIdsOfPairs([70_000, 70_000, 70_001], [90_000, 90_001, 90_000], [0, 1, 2], 3);
  expect([...big.ids]).toEqual([0, 1, 2]);
});

test('orderByGroupAndStart walks each group by start, then input order', () => {
  const groupOf = Int32Array.from([0, 1, 0, 1, 0]);
  const { order, group } = orderByGroupAndStart([0, 1, 2, 3, 4], groupOf, 2, Float64Array.from([5, 9, 1, 3, 5]));
  expect([...order]).toEqual([2, 0, 4, 3, 1]);
  expect([...group]).toEqual([0, 0, 0, 1, 1]);
});

test('userTaskPairs numbers every row\'s (user, task type) once per pair of columns', () => {
  const users = Int32Array.from([0, 1, 0, 0, 1]); // codes, as LogRows holds them
  const taskTypes = Int32Array.from([7, 7, 2, 7, 7]);
  const pairs = userTaskPairs(users, taskTypes);
  expect(pairs).toEqual({ ids: Int32Array.from([0, 1, 2, 0, 1]), count: 3 });
  expect(userTaskPairs(users, taskTypes)).toBe(pairs); // the retry and stitching rules share it
  expect(userTaskPairs(users.slice(), taskTypes)).toEqual(pairs); // other columns are numbered afresh
  expect(userTaskPairs(Int32Array.from([4, 4, 4, 4, 4]), taskTypes)).toEqual({ ids: Int32Array.from([0, 0, 1, 0, 0]), count: 2 });
});

test('rowNumbers lists every row; keepRows filters row numbers into a typed array, in order', () => {
  expect(rowNumbers(4)).toEqual(Int32Array.from([0, 1, 2, 3]));
  expect(keepRows(Int32Array.from([7, 2, 9, 4]), (row) => row > 3)).toEqual(Int32Array.from([7, 9, 4]));
  expect(keepRows(rowNumbers(3), () => false)).toEqual(new Int32Array(0));
});

test('denseIdsOfIdAndText numbers (id, string) as the pairs of the id and the string\'s own number do', () => {
  const texts = Array.from({ length: 3000 }, (_, index) => `prompt ${(index * 7) % 50}`);
  const ids = Array.from({ length: 3000 }, (_, index) => (index * 13) % 9);
  const rows = Array.from({ length: 2000 }, (_, index) => index * 1.5).map(Math.floor); // some rows only
  const twoSteps = (hashes: Int32Array) => denseIdsOfPairs(ids, denseIdsByHash(texts, hashes).ids, rows, texts.length);
  const hashes = Int32Array.from(texts, hashString);
  expect(denseIdsOfIdAndText(ids, texts, hashes, rows, texts.length)).toEqual(twoSteps(hashes));
  // every hash equal: the strings alone tell them apart
  const colliding = new Int32Array(texts.length).fill(7);
  expect(denseIdsOfIdAndText(ids, texts, colliding, rows, texts.length)).toEqual(twoSteps(hashes));
  expect(denseIdsOfIdAndText(ids, texts, hashes, rows, texts.length).count).toBe(300); // index mod 450 decides the pair; rows skip index mod 3 = 2
});
