import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRateColumn } from '../../src/render/flat-table.js';
import { tablesToXlsx } from '../../src/render/to-xlsx.js';
import { flatDocument } from './flat-document.js';

let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const bytes = await tablesToXlsx(flatDocument);
  expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('tablesToXlsx', () => {
  it('has one sheet per table, in document order', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'adoption_by_team',
      'adoption_by_task_type',
      'adoption_trend',
      'time_saved',
      'accuracy_stability',
      'harm',
      'logging_coverage',
      'gaps',
      'alerts',
    ]);
    expect(workbook.creator).toBe('uptake');
    expect(workbook.created.toISOString()).toBe('2026-11-22T23:59:59.000Z');
  });

  it('has a bold header row frozen in place', () => {
    const teams = sheet('adoption_by_team');
    expect(teams.getRow(1).values).toEqual([
      undefined,
      'team',
      'ai_tasks',
      'manual_tasks',
      'adoption_rate',
      'delta_pts',
      'user_adoption_rate',
      'previous_adoption_rate',
      'ai_users',
      'licensed_users',
      'abandonment_rate',
      'abandoned_tasks',
      'ai_tasks_any_status',
      'user_weighted_adoption_rate',
      'users',
      'suppressed',
    ]);
    expect(teams.getCell('A1').font?.bold).toBe(true);
    expect(teams.getCell('F1').font?.bold).toBe(true);
    expect(teams.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet('adoption_by_task_type').rowCount).toBe(1);
  });

  it('stores numbers as numbers with percent format for rates, and null as an empty cell', () => {
    const teams = sheet('adoption_by_team');
    expect(teams.getCell('B2').value).toBe(30);
    expect(teams.getCell('D2').value).toBe(0.75);
    expect(teams.getCell('D2').numFmt).toBe('0.0%');
    expect(teams.getCell('F2').numFmt).toBe('0.0%');
    expect(teams.getCell('E3').value).toBe(-14.2);
    expect(teams.getCell('E3').type).toBe(ExcelJS.ValueType.Number);
    expect(teams.getCell('D4').value).toBeNull();
    expect(teams.getCell('D4').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet('harm').getCell('D2').numFmt).toBe('0.0%');
    expect(sheet('accuracy_stability').getCell('E2').numFmt).toBe('0.0%');
    expect(sheet('time_saved').getCell('C2').value).toBe(-2.5);
    expect(sheet('alerts').getCell('D1').value).toBe('task_type');
    expect(sheet('alerts').getCell('J1').value).toBe('delta_pts');
    expect(sheet('alerts').getCell('J2').value).toBe(-14.2);
  });

  it('stores booleans as booleans and dates and weeks as text', () => {
    const coverage = sheet('logging_coverage');
    expect(coverage.getCell('E2').numFmt).toBe('0.0%');
    expect(coverage.getCell('F2').value).toBe(false);
    expect(coverage.getCell('F3').value).toBe(true);
    expect(coverage.getCell('F3').type).toBe(ExcelJS.ValueType.Boolean);
    expect(coverage.getCell('A2').value).toBe('2026-10');
    expect(sheet('gaps').getCell('C2').value).toBe('2026-11-18');
    expect(sheet('gaps').getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet('adoption_trend').getCell('A2').value).toBe('2026-W46');
  });

  it('neutralises text that starts like a formula and writes no formula at all', () => {
    const teams = sheet('adoption_by_team');
    expect(teams.getCell('A3').value).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(teams.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet('harm').getCell('A2').value).toBe("'+Ops");
    expect(sheet('logging_coverage').getCell('B2').value).toBe("'@u1");
    expect(sheet('alerts').getCell('B2').value).toBe("'-Procurement");
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });
});

describe('isRateColumn', () => {
  it('follows the column catalogue: alert columns such as asi_change are rates too, counts are not', () => {
    expect(['adoption_rate', 'coverage', 'asi', 'asi_change', 'previous_asi', 'manual_share'].map(isRateColumn)).toEqual([true, true, true, true, true, true]);
    expect(['ai_tasks', 'delta_pts', 'hours_saved', 'threshold'].map(isRateColumn)).toEqual([false, false, false, false]);
  });
});
