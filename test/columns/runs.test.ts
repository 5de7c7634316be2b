import { expect, test } from 'vitest';
import { aggregateRuns, chainRuns, Dictionary, keepBestOfRuns, listByFirstRow, orderWithinGroups, recodeInto, rowNumbers, singleRowRuns, type ListedRuns } from '../../src/columns/index.js';

// rows:        0   1   2   3   4   5
const group = Int32Array.from([0, 1, 0, 1, 0, 0]);
const start = [50, 9, 10, 3, 20, 20];

test('orderWithinGroups walks each group by start, then input order', () => {
  const { order, group: groupOf } = orderWithinGroups(rowNumbers(6), { ids: group, count: 2 }, start);
  expect([...order]).toEqual([2, 4, 5, 0, 3, 1]);
  expect([...groupOf]).toEqual([0, 0, 0, 0, 1, 1]);
});

test('chainRuns chains consecutive rows of a group while the predicate holds; runs never cross groups', () => {
  const ordered = orderWithinGroups(rowNumbers(6), { ids: group, count: 2 }, start);
  const runs = chainRuns(ordered, (previous, row) => start[row] - start[previous] <= 10);
  // group 0: 10, 20, 20 chain; 50 is 30 after 20. group 1: 3, 9 chain.
  expect([...runs.firstSlots]).toEqual([0, 3, 4]);
  const listed = listByFirstRow(runs, 6);
  expect([...listed.listed]).toEqual([1, 0, 2]); // first rows in input order: row 0 (run 1), row 2 (run 0), row 3 (run 2)
});

test('keepBestOfRuns keeps the best row of each run and every row outside the runs', () => {
  const ordered = orderWithinGroups(Int32Array.of(0, 2, 4, 5), { ids: group, count: 2 }, start);
  const runs = chainRuns(ordered, (previous, row) => start[row] - start[previous] <= 10);
  const status = [0, 0, 2, 0, 1, 1];
  const kept = keepBestOfRuns(rowNumbers(6), runs, (a, b) => status[a] - status[b] || start[a] - start[b] || a - b, 6);
  expect([...kept]).toEqual([0, 1, 3, 4]); // run 2, 4, 5: status 1 beats 2, then the earlier start... equal: the first in input order
});

test('aggregateRuns merges each run as told and writes in listed order', () => {
  // runs: rows [3, 1] and [0, 2, 4], listed second first
  const runs: ListedRuns = { order: Int32Array.of(3, 1, 0, 2, 4), firstSlots: Int32Array.of(0, 2), listed: Int32Array.of(1, 0) };
  const values = [5, Number.NaN, Number.NaN, 7, 2];
  const codes = [-1, 4, 1, -1, 0];
  const merged = (how: Parameters<typeof aggregateRuns>[1], of: number[], unknown = Number.NaN) => {
    const into = [9, 9, 9];
    aggregateRuns(runs, how, (row) => of[row], into, { offset: 1, unknown });
    return into;
  };
  expect(merged('first', values)).toEqual([9, 5, 7]);
  expect(merged('last', values)).toEqual([9, 2, Number.NaN]);
  expect(merged('sum', values)).toEqual([9, Number.NaN, Number.NaN]);
  expect(merged('sum', [1, 2, 3, 4, 5])).toEqual([9, 9, 6]);
  expect(merged('first known', values)).toEqual([9, 5, 7]);
  expect(merged('last known', values)).toEqual([9, 2, 7]);
  expect(merged('count', values)).toEqual([9, 3, 2]);
  expect(merged('first known', codes, -1)).toEqual([9, 1, 4]);
  expect(merged('last known', codes, -1)).toEqual([9, 0, 4]);
  expect(merged('any', [-1, 0, -1, -1, 1], -1)).toEqual([9, 1, 0]);
  expect(merged('any', [-1, 0, -1, -1, -1], -1)).toEqual([9, -1, 0]);
});

test('singleRowRuns makes one run per row, listed as given', () => {
  const runs = singleRowRuns(Int32Array.of(4, 2));
  const into: number[] = [];
  aggregateRuns(runs, 'first', (row) => row * 10, into);
  expect(into).toEqual([40, 20]);
});

test('Dictionary codes values in first-seen order and recodes another list into itself', () => {
  const strings = new Dictionary<string>();
  expect(['b', 'a', 'b'].map((value) => strings.code(value))).toEqual([0, 1, 0]);
  const codes = strings.recode(['a', 'c']);
  expect([...codes]).toEqual([1, 2]);
  expect(strings.values).toEqual(['b', 'a', 'c']);
  const target = new Int32Array(4);
  recodeInto(Int32Array.of(1, -1, 0), codes, target, 1);
  expect([...target]).toEqual([0, 2, -1, 1]);
  expect([...new Dictionary<string>().recode(['x', 'y'], (value) => (value === 'x' ? undefined : value.toUpperCase()))]).toEqual([-1, 0]);
});
