import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvCell, writeQuarantine } from '../../src/clean/write-quarantine.js';
import { tablesToCsv } from '../../src/render/to-csv.js';
import { neutraliseFormula } from '../../src/render/flat-table.js';
import { undoneAfterEach } from '../helpers/special-files.js';

const { folder } = undoneAfterEach();

describe('writeQuarantine', () => {
  it('quotes every cell that starts like a formula, as the metric CSVs do, and keeps plain text and numbers', async () => {
    const path = join(folder(), 'quarantine.csv');
    const raws = [`=cmd|' /C calc'!A0,u1,Finance`, '+1+2', '-2+3,x', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '-14.2', 'e7,u7,Ops'];
    await writeQuarantine(
      path,
      raws.map((raw, index) => ({ file: index === 0 ? '=evil.csv' : 'ai_logs.csv', line: index + 2, reason: 'missing_field', detail: 'expected `user_id`', raw })),
    );
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.raw)).toEqual([`'=cmd|' /C calc'!A0,u1,Finance`, "'+1+2", "'-2+3,x", "'@SUM(A1:A9)", "'\t=1+1", "'\r=1+1", '-14.2', 'e7,u7,Ops']);
    expect(rows[0].file).toBe("'=evil.csv");
    expect(rows[1]).toEqual({ file: 'ai_logs.csv', line: '3', reason: 'missing_field', detail: 'expected `user_id`', raw: "'+1+2" });
    // the same rule as the metric exports: one function
    const metricCsv = tablesToCsv({ tables: { alerts: [{ rule: 'x', team: raws[0], severity: 'low' }] } } as never);
    expect([...metricCsv.values()].join('')).toContain(`"${neutraliseFormula(raws[0])}"`);
  });
});

describe('writeQuarantine bytes', () => {
  it('writes the same CSV as csv-stringify did, cell for cell: quotes doubled, commas and line breaks quoted, UTF-8 kept', async () => {
    const path = join(folder(), 'quarantine.csv');
    const raws = ['e1,u1,"say ""hi""",x', 'line\r\nbreak', 'only\rCR', 'plain', '', 'naïve 🙂,"é"', '"', '=1,"2"', `${'"'.repeat(5000)},long`, 'x'.repeat(5000)];
    const records = raws.map((raw, index) => ({ file: index === 1 ? 'in/ai,logs.csv' : 'ai_logs.csv', line: index + 2, reason: 'field_count', detail: index === 2 ? 'got `"x"`' : 'expected at most 7 fields', raw }));
    await writeQuarantine(path, records);
    const cells = records.map((record) => [neutraliseFormula(record.file), record.line, neutraliseFormula(record.reason), neutraliseFormula(record.detail), neutraliseFormula(record.raw)]);
    expect(readFileSync(path, 'utf8')).toBe(stringify(cells, { header: true, columns: ['file', 'line', 'reason', 'detail', 'raw'] }));
    expect(csvCell('say "hi", then').toString()).toBe('"say ""hi"", then"');
  });

  it('writes many short rows that share their file, reason and detail with the row before, each cell as csv-stringify would (the speed is in BENCHMARKS, not timed here)', async () => {
    const path = join(folder(), 'quarantine.csv');
    const records = Array.from({ length: 20_000 }, (_, index) => ({ file: 'in/ai_logs.csv', line: index + 2, reason: 'missing_id', detail: 'expected a non-empty `event_id`', raw: index % 2 === 0 ? ',,,,' : 'a' }));
    await writeQuarantine(path, records);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBe(28 + records.reduce((sum, record) => sum + `in/ai_logs.csv,${record.line},missing_id,expected a non-empty \`event_id\`,${record.raw === 'a' ? 'a' : '",,,,"'}\n`.length, 0));
    expect(text.split('\n', 3)).toEqual(['file,line,reason,detail,raw', 'in/ai_logs.csv,2,missing_id,expected a non-empty `event_id`,",,,,"', 'in/ai_logs.csv,3,missing_id,expected a non-empty `event_id`,a']);
  });

  it('writes no rows as the header alone', async () => {
    const path = join(folder(), 'quarantine.csv');
    await writeQuarantine(path, []);
    expect(readFileSync(path, 'utf8')).toBe('file,line,reason,detail,raw\n');
  });

  // 3,000,000 quarantined rows held the whole file's blocks (400 MB) until the last was made, then wrote them
  it('writes the rows while it reads them: the file is under way before the last record is asked for', async () => {
    const dir = folder();
    const path = join(dir, 'quarantine.csv');
    let written = -1;
    function* records() {
      for (let index = 0; index < 3000; index += 1) {
        // (the rows so far stand in the temporary file beside the output, renamed once done)
        if (index === 2999) written = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
        yield { file: 'ai_logs.csv', line: index + 2, reason: 'invalid_started_at', detail: 'expected `started_at`', raw: `e${index},${'x'.repeat(1000)}` };
      }
    }
    await writeQuarantine(path, records());
    expect(written).toBeGreaterThan(2 * 1024 * 1024);
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect([rows.length, rows[2999].line, rows[2999].raw]).toEqual([3000, '3001', `e2999,${'x'.repeat(1000)}`]);
  });
});
