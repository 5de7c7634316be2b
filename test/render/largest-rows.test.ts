import { describe, expect, it } from 'vitest';
import { largestRows } from '../../src/render/largest-rows.js';

describe('largestRows', () => {
  const rows = [
    { name: 'a', n: 1 },
    { name: 'b', n: 5 },
    { name: 'c', n: 3 },
    { name: 'd', n: 5 },
    { name: 'e', n: 0 },
  ];

  it('keeps the largest, ties to the earlier row, in the rows\' own order', () => {
    expect(largestRows(rows, 3, (row) => row.n).map((row) => row.name)).toEqual(['b', 'c', 'd']);
    expect(largestRows(rows, 1, (row) => row.n).map((row) => row.name)).toEqual(['b']);
  });

  it('keeps the rows `always` holds, counted towards the limit, and every row when they fit', () => {
    expect(largestRows(rows, 2, (row) => row.n, (row) => row.name === 'e').map((row) => row.name)).toEqual(['b', 'e']);
    expect(largestRows(rows, 5, (row) => row.n)).toEqual(rows);
    expect(largestRows(rows, 9, (row) => row.n)).not.toBe(rows);
  });
});
