import { table } from 'arquero';
import { expect, test } from 'vitest';
import { numberValues, sortedNumbers } from '../../src/columns/column-values.js';
import { NullableNumbers } from '../../src/columns/nullable-numbers.js';

test('numberValues: NaN for null in any column, in the table\'s row order', () => {
  const typed = new NullableNumbers(Float64Array.of(0.5, Number.NaN, 0.75));
  const tasks = table({ typed, plain: [0.5, null, 0.75], n: [3, 2, 1] });
  expect(numberValues(tasks, 'typed')).toBe(typed.values); // read in place
  expect(Array.from(numberValues(tasks, 'plain'))).toEqual([0.5, Number.NaN, 0.75]);
  const ordered = tasks.orderby('n');
  expect(Array.from(numberValues(ordered, 'typed'))).toEqual([0.75, Number.NaN, 0.5]);
  expect(Array.from(numberValues(ordered, 'plain'))).toEqual([0.75, Number.NaN, 0.5]);
});

test('sortedNumbers sorts a copy numerically (10 after 9), leaving the input as it was', () => {
  const values = [10, 9, -1, 2.5];
  expect(Array.from(sortedNumbers(values))).toEqual([-1, 2.5, 9, 10]);
  expect(values).toEqual([10, 9, -1, 2.5]);
});
