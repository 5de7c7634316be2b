import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { tablesToCsv } from '../../src/render/to-csv.js';
import { tablesToXlsx } from '../../src/render/to-xlsx.js';
import { makeCleanedData, testConfig } from '../metrics/make-cleaned-data.js';

// Two licensed Legal users in November, one of them using AI in 2026-W47
const doc = computeMetrics(
  makeCleanedData({
    tasks: [{ user_id: 'a', team: 'Legal', started_at: '2026-11-17T09:00:00Z' }],
    roster: [
      { user_id: 'a', team: 'Legal', month: '2026-11' },
      { user_id: 'b', team: 'Legal', month: '2026-11' },
    ],
    loadedDates: { first: '2026-10-01', last: '2026-11-22' },
  }),
  testConfig(),
  '2026-W47',
);

describe('people tables in the CSV and Excel exports', () => {
  const files = tablesToCsv(doc);

  it('writes one CSV per people table, with a header even when empty', () => {
    const records = (name: string) => parse(files.get(name) ?? '') as string[][];
    expect(records('idle_seats.csv')).toEqual([
      ['team', 'licensed_users', 'idle_seats', 'idle_share', 'idle_cost', 'lapsed_users', 'idle_weeks', 'suppressed'],
      ['*', '2', '1', '0.5', '', '0', '4', 'false'],
      ['Legal', '2', '1', '0.5', '', '0', '4', 'false'],
    ]);
    expect(records('usage_tiers.csv')[1]).toEqual(['2026-W47', '*', '2', '1', '1', '0', '0', '0.5', '0.5', '0', '0', 'false']);
    expect(records('people_caveats.csv')).toEqual([['caveat']]);
    expect([...files.keys()].filter((name) => ['activation.csv', 'retention.csv'].includes(name))).toEqual(['activation.csv', 'retention.csv']);
  });

  it('adds one sheet per people table to the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await tablesToXlsx(doc)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(-5)).toEqual(['activation', 'retention', 'usage_tiers', 'idle_seats', 'people_caveats']);
    expect(workbook.getWorksheet('idle_seats')!.getRow(2).values).toEqual([undefined, '*', 2, 1, 0.5, undefined, 0, 4, false]);
  });
});
