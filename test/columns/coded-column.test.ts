import { expect, test } from 'vitest';
import { CodedColumn } from '../../src/columns/coded-column.js';

test('a row reads its code\'s value; -1 is null; values may be appended later', () => {
  const teams = new CodedColumn(Int32Array.of(1, -1, 1, 0), ['Finance', 'Legal']);
  expect(teams.length).toBe(4);
  expect([...teams]).toEqual(['Legal', null, 'Legal', 'Finance']);
  teams.values.push('Sales');
  teams.codes[1] = 2;
  expect(teams.at(1)).toBe('Sales');
});
