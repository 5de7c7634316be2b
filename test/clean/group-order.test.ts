import { expect, test } from 'vitest';
import { denseIds, denseIdsByHash, orderByGroupAndStart } from '../../src/clean/group-order.js';
import { hashString } from '../../src/util/hash-string.js';

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

test('orderByGroupAndStart walks groups in first-seen order, each by start then input order', () => {
  const { order, group } = orderByGroupAndStart([0, 1, 2, 3, 4], (index) => ['b', 'a', 'b', 'a', 'b'][index], Float64Array.from([5, 9, 1, 3, 5]));
  expect([...order]).toEqual([2, 0, 4, 3, 1]);
  expect([...group]).toEqual([0, 0, 0, 1, 1]);
});
