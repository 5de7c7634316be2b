import { table } from 'arquero';
import { expect, test } from 'vitest';
import { columnCodes } from '../../src/columns/column-codes.js';
import { flagColumn, numberColumn, pairRule } from '../../src/columns/derived-columns.js';

test('pairRule answers per row from the pair of its two values, asking the rule once per pair of codes', () => {
  const tasks = table({ source: ['ai', 'manual', 'ai', 'ai', 'manual'], status: ['done', 'done', 'failed', 'done', 'failed'] });
  const asked: string[] = [];
  const isAiDone = pairRule(columnCodes(tasks, 'source'), columnCodes(tasks, 'status'), (source: string, status: string) => {
    asked.push(`${source}/${status}`);
    return source === 'ai' && status === 'done';
  });
  expect([0, 1, 2, 3, 4].map(isAiDone)).toEqual([true, false, false, true, false]);
  expect(asked.sort()).toEqual(['ai/done', 'ai/failed', 'manual/done', 'manual/failed']);
});

test('flag and number columns start at 0 with one slot per row', () => {
  expect(Array.from(flagColumn(3))).toEqual([0, 0, 0]);
  const minutes = numberColumn(2);
  minutes[1] = Number.NaN;
  expect(Array.from(minutes)).toEqual([0, Number.NaN]);
});
