import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readCsvRecords, type CsvRecord } from '../../src/ingest/read-csv.js';
import { discoverFiles } from '../../src/ingest/discover-files.js';
import { inputFolder } from '../helpers/input-folder.js';

async function records(name: string, content: string | Uint8Array): Promise<CsvRecord[]> {
  const dir = inputFolder({ [name]: content }, { complete: false });
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords({ path: join(dir, name), gzip: name.endsWith('.gz') })) out.push(record);
  return out;
}

describe('readCsvRecords', () => {
  test('BOM, CRLF, quoted commas, quotes and newlines; lines point at the record start', async () => {
    const out = await records('ai_logs_a.csv', '\ufeffa,b\r\n1,"x, ""y""\r\nz"\r\n2,w\r\n');
    expect(out.map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [2, ['1', 'x, "y"\r\nz']], [4, ['2', 'w']]]);
    expect(out[1].raw).toBe('1,"x, ""y""\r\nz"');
    expect(out.every((r) => r.parseError === undefined)).toBe(true);
  });

  test('gzip files read the same', async () => {
    const out = await records('ai_logs_a.csv.gz', 'a,b\n1,2\n');
    expect(out.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  test('a stray quote marks only its own record; the rows after it are still read', async () => {
    const out = await records('ai_logs_a.csv', 'a,b,c\n1,2,3\n8,"bad"x,9\n10,11,12\n13,x"y,14\n');
    expect(out.map((r) => [r.line, r.parseError === undefined])).toEqual([[1, true], [2, true], [3, false], [4, true], [5, false]]);
    expect(out[2].parseError).toMatch(/^expected RFC 4180/);
    expect(out[3].fields).toEqual(['10', '11', '12']);
  });

  test('an unclosed quote at the end is one unreadable record holding the rest of the text', async () => {
    const out = await records('ai_logs_a.csv', 'a,b\n1,2\n3,"open\n4,5\n');
    expect(out.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], []]);
    expect(out[2]).toMatchObject({ line: 3, raw: '3,"open\n4,5' });
    expect(out[2].parseError).toMatch(/Quote Not Closed/);
  });

  test('bytes that are not UTF-8 stop the file with its name and line', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    await expect(records('ai_logs_a.csv', bytes)).rejects.toThrow(/ai_logs_a\.csv:3: expected UTF-8 text/);
  });

  test('characters split across read chunks are read whole; a bad byte far in is found on its line', async () => {
    // 64 KB chunks: 3- and 4-byte characters at every offset end up split across a chunk boundary somewhere
    const rows = Array.from({ length: 6000 }, (_, index) => `${index},${'x'.repeat(index % 7)}€ 😀 é`);
    const text = `id,text\n${rows.join('\n')}\n`;
    const out = await records('ai_logs_u.csv', text);
    expect(out.length).toBe(6001);
    expect(out.slice(1).every((record, index) => record.fields[1] === `${'x'.repeat(index % 7)}€ 😀 é`)).toBe(true);
    const bad = Buffer.concat([Buffer.from(text), Buffer.from('6000,'), Buffer.from([0xe2, 0x82]), Buffer.from('\n')]);
    await expect(records('ai_logs_v.csv', bad)).rejects.toThrow(/ai_logs_v\.csv:6002: expected UTF-8 text/);
    const truncated = Buffer.concat([Buffer.from(text), Buffer.from('6000,'), Buffer.from([0xf0, 0x9f, 0x98])]);
    await expect(records('ai_logs_w.csv', truncated)).rejects.toThrow(/ai_logs_w\.csv:6002: expected UTF-8 text/);
  });
});

describe('discoverFiles', () => {
  test('files by prefix in name order, other files ignored', async () => {
    const dir = inputFolder({ 'ai_logs_2.csv': 'x\n', 'ai_logs_1.csv.gz': 'x\n', 'notes.txt': 'x', 'manual_logs.csv': 'x\n', 'user_monthly_summary.csv': 'x\n' }, { complete: false });
    expect((await discoverFiles(dir)).map((f) => [f.name, f.kind, f.gzip])).toEqual([
      ['ai_logs_1.csv.gz', 'ai_logs', true], ['ai_logs_2.csv', 'ai_logs', false], ['manual_logs.csv', 'manual_logs', false], ['user_monthly_summary.csv', 'user_monthly_summary', false],
    ]);
  });

  test('a missing folder and a missing kind are clear errors', async () => {
    await expect(discoverFiles('/nonexistent/uptake')).rejects.toThrow('/nonexistent/uptake: expected an input folder holding ai_logs*, manual_logs* and user_monthly_summary* CSV files, but it does not exist');
    const dir = inputFolder({ 'ai_logs.csv': 'x\n', 'user_monthly_summary.csv': 'x\n' }, { complete: false });
    await expect(discoverFiles(dir)).rejects.toThrow(/expected at least one manual_logs\*\.csv or manual_logs\*\.csv\.gz file, found none/);
  });
});
