import { expect, test } from 'vitest';
import { NullableNumbers } from '../../src/columns/nullable-numbers.js';

test('NaN reads as null, every other number as itself', () => {
  const accuracy = new NullableNumbers(Float64Array.of(0.9, Number.NaN, 0, -1.5));
  expect(accuracy.length).toBe(4);
  expect([...accuracy]).toEqual([0.9, null, 0, -1.5]);
});
