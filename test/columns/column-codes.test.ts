import { table } from 'arquero';
import { expect, test } from 'vitest';
import { columnCodes } from '../../src/columns/column-codes.js';
import { CodedColumn } from '../../src/columns/coded-column.js';

// Two codes may hold the same value (two sources' dictionaries side by side): they are one group.
const teams = () => new CodedColumn(Int32Array.of(2, -1, 0, 3, 2), ['Legal', 'unused', 'Finance', 'Legal']);

test('a coded column is numbered like the same values in an array: by first appearance, equal values and nulls shared', () => {
  const coded = columnCodes(table({ team: teams() }), 'team');
  const plain = columnCodes(table({ team: ['Finance', null, 'Legal', 'Legal', 'Finance'] }), 'team');
  expect(Array.from(coded.ids)).toEqual([0, 1, 2, 2, 0]);
  expect(coded.values).toEqual(['Finance', null, 'Legal']);
  expect({ ids: Array.from(plain.ids), values: plain.values }).toEqual({ ids: Array.from(coded.ids), values: coded.values });
  expect(coded.idOf.get('Legal')).toBe(2);
});

test('a filtered and ordered table is numbered in its own row order', () => {
  const tasks = table({ team: teams(), n: [5, 4, 3, 2, 1] }).filter((d: { n: number }) => d.n < 5).orderby('n');
  const codes = columnCodes(tasks, 'team');
  expect(Array.from(codes.ids)).toEqual([0, 1, 1, 2]); // rows 4, 3, 2, 1: Finance, Legal, Legal, null
  expect(codes.values).toEqual(['Finance', 'Legal', null]);
});
