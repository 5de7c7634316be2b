import { describe, expect, test, vi } from 'vitest';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { UptakeError } from '../../src/errors.js';
import { readCsvRecordsFast } from '../../src/ingest/read-csv-fast.js';
import { readCsvRecords, type CsvRecord } from '../../src/ingest/read-csv.js';
import { wideEncodingOf } from '../../src/ingest/wide-encoding.js';
import { discoverFiles } from '../../src/ingest/discover-files.js';
import { inputFolder } from '../helpers/input-folder.js';

async function records(name: string, content: string | Uint8Array): Promise<CsvRecord[]> {
  const dir = inputFolder({ [name]: content }, { complete: false });
  try {
    const out: CsvRecord[] = [];
    for await (const record of readCsvRecords({ path: join(dir, name), gzip: name.endsWith('.gz') })) out.push(record);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

  test('empty lines and rows shorter than the header cost no error object each (a 1 MB file of them took minutes)', async () => {
    const stackTraces = vi.spyOn(Error, 'captureStackTrace');
    try {
      const out = await records('ai_logs_a.csv', `a,b,c\n${'\n'.repeat(2000)}x\n${'y\n'.repeat(1000)}1,2,3\n`);
      expect(out.map((r) => [r.line, r.fields.length])).toEqual([[1, 3], [2002, 1], ...Array.from({ length: 1000 }, (_, i) => [2003 + i, 1]), [3003, 3]]);
      expect(stackTraces.mock.calls.length).toBeLessThan(10);
    } finally {
      stackTraces.mockRestore();
    }
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

  test('a missing kind in a folder of many files names the first 20 of them and counts the rest', async () => {
    const names = Array.from({ length: 500 }, (_, index) => `ai_logs_2026-11-${String(index).padStart(3, '0')}.csv`);
    const dir = inputFolder({ ...Object.fromEntries(names.map((name) => [name, 'x\n'])), 'user_monthly_summary.csv': 'x\n' }, { complete: false });
    const message = await discoverFiles(dir).then(() => '', (error: Error) => error.message);
    expect(message).toBe(
      `${dir}: expected at least one manual_logs*.csv or manual_logs*.csv.gz file, found none (files: ${names.slice(0, 20).join(', ')} and 481 more)`,
    );
  });
});

describe('files in UTF-16 or UTF-32', () => {
  const text = 'event_id,user_id,task_type,started_at,status\ne1,u1,report,2026-11-16T09:00:00Z,done\n';
  const utf16be = (value: string) => Buffer.from(value, 'utf16le').swap16();
  const utf32 = (value: string, bigEndian: boolean) => {
    const out = Buffer.alloc(value.length * 4);
    [...value].forEach((character, index) => (bigEndian ? out.writeUInt32BE(character.codePointAt(0)!, index * 4) : out.writeUInt32LE(character.codePointAt(0)!, index * 4)));
    return out;
  };
  const cases: Array<[string, Buffer]> = [
    ['UTF-16LE', Buffer.from(`\ufeff${text}`, 'utf16le')],
    ['UTF-16LE', Buffer.from(text, 'utf16le')],
    ['UTF-16BE', utf16be(`\ufeff${text}`)],
    ['UTF-16BE', utf16be(text)],
    ['UTF-32LE', utf32(`\ufeff${text}`, false)],
    ['UTF-32LE', utf32(text, false)],
    ['UTF-32BE', utf32(`\ufeff${text}`, true)],
    ['UTF-32BE', utf32(text, true)],
  ];

  test.each(cases.map(([encoding, bytes], index) => [`${encoding} ${index % 2 === 0 ? 'with' : 'without'} BOM`, encoding, bytes] as const))('%s stops with exit 3 naming the encoding, with either reader, gzipped or not', async (_name, encoding, bytes) => {
    for (const name of ['ai_logs_a.csv', 'ai_logs_a.csv.gz']) {
      const dir = inputFolder({ [name]: bytes }, { complete: false });
      const file = { path: join(dir, name), gzip: name.endsWith('.gz') };
      const expected = `${file.path}: the file is ${encoding}; expected UTF-8 (save or export it as UTF-8, e.g. \`iconv -f ${encoding} -t UTF-8\`)`;
      const slow = await (async () => { for await (const _ of readCsvRecords(file)) void _; })().then(() => undefined, (error: UptakeError) => error);
      const fast = await readCsvRecordsFast(file, () => {}).then(() => undefined, (error: UptakeError) => error);
      expect([slow?.message, slow?.kind, slow?.exitCode]).toEqual([expected, 'input', 3]);
      expect([fast?.message, fast?.kind]).toEqual([expected, 'input']);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('UTF-8 text with a letter or a NUL here and there is not taken for UTF-16', () => {
    expect(wideEncodingOf(Buffer.from('event_id,user_id,prompt\ne1,u1,"Überprüfung 請求書 a\u0000b"\n'))).toBeUndefined();
    expect(wideEncodingOf(Buffer.from('a'))).toBeUndefined();
    expect(wideEncodingOf(Buffer.alloc(64))).toBeUndefined();
    // a UTF-16 header outside Latin-1 now and then still reads as UTF-16
    expect(wideEncodingOf(Buffer.from('user_id,Überprüfung,請求,event_id,status\n', 'utf16le'))).toBe('UTF-16LE');
  });
});

describe('readCsvRecords and line endings', () => {
  test('every line ending ends a record, whatever the first line used; \\r\\n is one line ending', async () => {
    const out = await records('ai_logs_a.csv', 'a,b\r\n1,2\n3,4\r5,"x\r\ny"\n\r\n6,7\r\n');
    expect(out.map((r) => [r.line, r.fields, r.raw])).toEqual([[1, ['a', 'b'], 'a,b'], [2, ['1', '2'], '1,2'], [3, ['3', '4'], '3,4'], [4, ['5', 'x\r\ny'], '5,"x\r\ny"'], [7, ['6', '7'], '6,7']]);
    expect(out.every((r) => r.parseError === undefined)).toBe(true);
  });
});

describe('readCsvRecords and packed files', () => {
  // A gzip file named .csv (or gzipped twice), or an .xlsx workbook (a zip archive) saved under a .csv name, was
  // reported as `…:1: expected UTF-8 text, found bytes that are not valid UTF-8 (re-export the file as UTF-8)`.
  const csvText = 'event_id,user_id,task_type,started_at,status\ne1,u1,report,2026-11-16T09:00:00Z,done\n';
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(300, 7)]);
  const cases: Array<[string, Buffer, string]> = [
    ['ai_logs_a.csv', gzipSync(csvText), 'the file is gzip data; expected CSV text (a gzip file is read when its name ends in .csv.gz)'],
    ['ai_logs_a.csv.gz', gzipSync(csvText), 'the file is gzip data once unzipped (gzipped twice?); expected CSV text'],
    ['ai_logs_a.csv', zip, 'the file is a zip archive (an .xlsx workbook?); expected CSV text (export the sheet as CSV)'],
  ];
  test.each(cases)('%s holding packed bytes stops with exit 3 naming what it holds, with either reader', async (name, bytes, expected) => {
    // inputFolder gzips a .gz name: what is given is the text inside
    const dir = inputFolder({ [name]: bytes }, { complete: false });
    const file = { path: join(dir, name), gzip: name.endsWith('.gz') };
    const slow = await (async () => { for await (const _ of readCsvRecords(file)) void _; })().then(() => undefined, (error: UptakeError) => error);
    const fast = await readCsvRecordsFast(file, () => {}).then(() => undefined, (error: UptakeError) => error);
    expect([slow?.message, slow?.kind, slow?.exitCode]).toEqual([`${file.path}: ${expected}`, 'input', 3]);
    expect([fast?.message, fast?.kind]).toEqual([`${file.path}: ${expected}`, 'input']);
    rmSync(dir, { recursive: true, force: true });
  });
});

// A plain CSV named .csv.gz said `expected gzip data: incorrect header check`: zlib's words, not what the file is.
test('a .csv.gz file that is no gzip at all says so, and what to rename it; a gzip file broken later keeps zlib\'s reason', async () => {
  const dir = inputFolder({ 'ai_logs_a.csv': 'event_id,user_id,task_type,started_at,status\ne1,u1,report,2026-11-16T09:00:00Z,done\n' }, { complete: false });
  renameSync(join(dir, 'ai_logs_a.csv'), join(dir, 'ai_logs_a.csv.gz'));
  writeFileSync(join(dir, 'ai_logs_b.csv.gz'), Buffer.concat([gzipSync('event_id,user_id\n'), Buffer.from('trailing text\n')]));
  const failure = (name: string) => (async () => { for await (const _ of readCsvRecords({ path: join(dir, name), gzip: true })) void _; })().then(() => undefined, (error: UptakeError) => [error.message, error.exitCode]);
  expect(await failure('ai_logs_a.csv.gz')).toEqual([`${join(dir, 'ai_logs_a.csv.gz')}: expected gzip data (the name ends in .gz), but the file does not start as gzip does: a plain CSV is read under a name ending in .csv`, 3]);
  expect(await failure('ai_logs_b.csv.gz')).toEqual([`${join(dir, 'ai_logs_b.csv.gz')}: expected gzip data: incorrect header check`, 3]);
  rmSync(dir, { recursive: true, force: true });
});

