import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import Papa from 'papaparse';
import { readLogFile, type LogFileResult } from '../../src/clean/read-log-file.js';
import { Quarantine } from '../../src/clean/quarantine-list.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { FastReadUnavailable, readCsvRecordsFast } from '../../src/ingest/read-csv-fast.js';
import { readCsvRecords, type CsvRecord } from '../../src/ingest/read-csv.js';
import { createSeededRandom, type SeededRandom } from '../../src/generate/seeded-random.js';
import { inputFolder } from '../helpers/input-folder.js';

const plainRecord = (record: CsvRecord) => ({ fields: record.fields, line: record.line, raw: record.raw, parseError: record.parseError });

async function bothReaders(name: string, content: string | Uint8Array, chunkChars?: number): Promise<{ fast: CsvRecord[] | FastReadUnavailable; reference: CsvRecord[] }> {
  const dir = inputFolder({ [name]: content }, { complete: false });
  const file = { path: join(dir, name), gzip: name.endsWith('.gz') };
  try {
    const reference: CsvRecord[] = [];
    for await (const record of readCsvRecords(file)) reference.push(plainRecord(record));
    const fast: CsvRecord[] = [];
    try {
      await readCsvRecordsFast(file, (record) => fast.push(plainRecord(record)), { chunkChars });
    } catch (error) {
      if (error instanceof FastReadUnavailable) return { fast: error, reference };
      throw error;
    }
    return { fast, reference };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Counts the characters papaparse is handed to parse (mockRestore() when done): text parsed again shows as more.
function countParsedText(): { parsed: () => number; mockRestore: () => void } {
  let parsed = 0;
  const RealParser = Papa.Parser;
  const spy = vi.spyOn(Papa, 'Parser').mockImplementation(function (this: unknown, config: Papa.ParseConfig) {
    const parser = new RealParser(config);
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string, baseIndex: number, ignoreLastRow: boolean) => {
      parsed += input.length;
      return parse(input, baseIndex, ignoreLastRow);
    };
    return parser;
  } as unknown as typeof Papa.Parser);
  return { parsed: () => parsed, mockRestore: () => spy.mockRestore() };
}

describe('readCsvRecordsFast', () => {
  // Every shape here reads the same with papaparse as with csv-parse: fields, lines, raw text, parse errors.
  const sameAsCsvParse: Record<string, string> = {
    'BOM, CRLF, a quoted comma, doubled quotes and a quoted line break': '\ufeffa,b\r\n1,"x, ""y""\r\nz"\r\n2,w\r\n',
    'empty lines in the middle and at the end, no final line break': 'a,b\n\n1,2\n\r\n3,4\n\n\n5,6',
    'a line break of the other kind inside quotes': 'a,b\n1,"x\r\ny"\n2,z\n',
    'a lone line feed in a CRLF file, inside quotes': 'a,b\r\n1,"x\ny"\r\n2,x\r\n',
    'carriage returns as the only line ending': 'a,b\r1,2\r"3\r",4\r',
    'empty and whitespace fields, short and long records, a quoted empty field': 'a,b,c\n,,\n"",,\n  ,x\n1,2,3,4\n5\n',
    'quoted records checked together': 'a,b\n1,"x ""y"""\n2,"a,b"\n3,"z"""\n4,"w"\n',
    'characters outside ASCII': 'a,b\n1,€ 😀 é\n2,"ü, ""ß"""\n',
    // parsed a byte a character: UTF-8 bytes 0x85 and 0xA0 (NEL and NBSP in Latin-1) stay inside their characters
    'a BOM, a header outside ASCII, characters with bytes 0x85 and 0xA0': '\ufeffnäme,b\r\nà\u00a0Å,… 会\r\n"à\r\n…",x\r\n',
  };
  // papaparse is given the text a piece at a time (64 K characters): pieces of 1 to 7 cut every record somewhere
  for (const [shape, text] of Object.entries(sameAsCsvParse)) {
    test(shape, async () => {
      for (const chunkChars of [undefined, 1, 2, 3, 7]) {
        const { fast, reference } = await bothReaders('ai_logs_a.csv', text, chunkChars);
        expect(fast, `pieces of ${chunkChars ?? 'default'}`).toEqual(reference);
      }
    });
  }

  test('gzip files read the same', async () => {
    const { fast, reference } = await bothReaders('ai_logs_a.csv.gz', 'a,b\n1,"x\ny"\n');
    expect(fast).toEqual(reference);
    expect((fast as CsvRecord[]).map((record) => record.line)).toEqual([1, 2]);
  });

  // Files where the two could disagree go to csv-parse, which also reports the problem with its line.
  test.each([
    ['a quote after a closing quote', 'a,b\n1,"bad"x\n2,3\n', /papaparse reports InvalidQuotes/],
    ['spaces after a closing quote (papaparse would drop them)', 'a,b\n1,"abc"  \n2,x\n', /the record on line 2 breaks RFC 4180 quoting/],
    ['a quote inside an unquoted field', 'a,b,c\n1,2,3\n4,ab"c,6\n', /the record on line 3 breaks RFC 4180 quoting/],
    ['a bare quote among well-quoted records', 'a,b\r\n1,"q""q"\r\n2,x\r\ny"z\r\n3,"""r"\r\n', /the record on line 4 breaks RFC 4180 quoting/],
    // papaparse splits records at the first line's line ending only, csv-parse at every one
    ['a lone line feed outside quotes in a CRLF file', 'a,b\r\n1,"x\ny"\r\n2,x\nz\r\n', /^line endings change within the file \(line 4\)$/],
    ['a lone line feed after a quoted field in a CRLF file', 'a,b,c\r\n1,"q",x\ny\r\n2,"",4\r\n', /^line endings change within the file \(line 2\)$/],
    ['a CRLF line in a file of \\n lines, after a closing quote', 'a,b\n1,"x"\r\n2,y\n', /^line endings change within the file \(line 2\)$/],
    ['a CRLF header and \\n rows', 'a,b\r\n1,2\n3,4\n5,6\n7,8\n', /^line endings change within the file \(line 2\)$/],
    ['a lone line feed at the end of a CRLF file', 'h1,h2\r\n ,\t \n', /^line endings change within the file \(line 2\)$/],
    ['a quoted header', '"a\nb",c\n1,2\n', /header holds a quote/],
  ])('%s is left to csv-parse', async (_shape, text, reason) => {
    for (const chunkChars of [undefined, 1, 2, 5]) {
      const { fast } = await bothReaders('ai_logs_a.csv', text, chunkChars);
      expect(fast).toBeInstanceOf(FastReadUnavailable);
      expect((fast as Error).message).toMatch(reason);
    }
  });

  // A quote left open runs to the end of the file: csv-parse reads that record alone, the records before stay read.
  test.each([
    ['on the last line', 'a,b\n1,2\n3,"open\n'],
    ['with lines after it', 'a,b\n1,2\n3,"open\n4,5\n\n6,x\n'],
    ['without a final line ending, in a CRLF file', 'a,b\r\n1,"q""q"\r\n3,"ö""pen'],
    ['after quoted records and non-ASCII text', 'a,b\n1,"é,x"\n2,"ü\nv"\n3,"open ü\r\n'],
  ])('a quote left open %s is read as csv-parse reads it, without starting the file over', async (_shape, text) => {
    for (const chunkChars of [undefined, 1, 2, 5]) {
      const { fast, reference } = await bothReaders('ai_logs_a.csv', text, chunkChars);
      expect(fast).toEqual(reference);
      expect((fast as CsvRecord[]).at(-1)!.parseError).toMatch(/^expected RFC 4180 CSV: Quote Not Closed/);
    }
  });

  // Parsed again with every piece, such a record would cost time in the square of the file's size.
  test('a long record is parsed in pieces that grow with it, not again with every 64 K of text (quadratic: 7 s for 4 MB)', async () => {
    const record = `1${',""'.repeat(100_000)}`;
    const counting = countParsedText();
    try {
      const { fast, reference } = await bothReaders('ai_logs_a.csv', `a,b\n${record}\n2,x\n`, 1024);
      expect(fast).toEqual(reference);
      expect((fast as CsvRecord[]).map((r) => [r.line, r.fields.length])).toEqual([[1, 2], [2, 100_001], [3, 2]]);
      expect(counting.parsed()).toBeLessThan(4 * record.length);
    } finally {
      counting.mockRestore();
    }
  });

  test('runs of empty lines anywhere read the same as with csv-parse, and are counted, not parsed', async () => {
    const run = (newline: string) => newline.repeat(40);
    const texts = [
      `${run('\n')}a,b\n1,2${run('\n')}3,"x${run('\n')}y"${run('\n')}\r${run('\n')}4,5${run('\n')}`,
      `a,b\r\n${run('\r\n')}1,2\r\n${run('\r\n')}\n${run('\r\n')}"z${run('\r\n')}",3${run('\r\n')}`,
      `a,b\r1,2${run('\r')}\n${run('\r')}3,4\r${run('\r')}`,
    ];
    for (const text of texts) {
      for (const chunkChars of [undefined, 1, 5, 30]) {
        const { fast, reference } = await bothReaders('ai_logs_a.csv', text, chunkChars);
        if (!(fast instanceof FastReadUnavailable)) expect(fast, `${JSON.stringify(text.slice(0, 12))} in pieces of ${chunkChars ?? 'default'}`).toEqual(reference);
      }
    }
    // a CRLF empty line among LF ones, and quoted runs: read by papaparse, lines as csv-parse counts them
    expect(((await bothReaders('ai_logs_a.csv', texts[0])).fast as CsvRecord[]).map((r) => r.line)).toEqual([41, 42, 82, 202]);
    const counting = countParsedText();
    try {
      const { fast } = await bothReaders('ai_logs_a.csv', `a,b\n${'\n'.repeat(300_000)}1,2\n${'\n'.repeat(300_000)}`);
      expect((fast as CsvRecord[]).map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [300_002, ['1', '2']]]);
      expect(counting.parsed()).toBeLessThan(1000);
    } finally {
      counting.mockRestore();
    }
  });

  test('a quote left open for more than 4 MB of text is left to csv-parse', async () => {
    const { fast, reference } = await bothReaders('ai_logs_a.csv', `a,b\n1,2\n3,"open\n${'x,y\n'.repeat(1_100_000)}`);
    expect((fast as Error).message).toBe('the record on line 3 is still open after 4 MB of text');
    expect(reference.map((record) => record.line)).toEqual([1, 2, 3]);
    expect(reference[2].parseError).toMatch(/Quote Not Closed/);
  });

  // Random files, seeded: well-formed ones must read through papaparse exactly as csv-parse reads them;
  // any text at all must either read the same or be left to csv-parse.
  // Each file is parsed in pieces of 1 to 8 characters, or in one piece.
  async function compareRandomFiles(seed: number, files: number, textOf: (random: SeededRandom) => string) {
    const random = createSeededRandom(seed);
    const outcome = { same: 0, leftToCsvParse: 0, different: [] as string[] };
    for (let index = 0; index < files; index += 1) {
      const text = textOf(random);
      const { fast, reference } = await bothReaders('ai_logs_r.csv', text, random.chance(0.2) ? undefined : random.int(1, 8));
      if (fast instanceof FastReadUnavailable) outcome.leftToCsvParse += 1;
      else if (JSON.stringify(fast) === JSON.stringify(reference)) outcome.same += 1;
      else outcome.different.push(text);
    }
    return outcome;
  }

  test('random well-formed files read the same (every line ending, BOM, blank lines, quoted line breaks)', async () => {
    const outcome = await compareRandomFiles(11, 300, (random) => {
      const newline = random.pick(['\n', '\r\n', '\r']);
      const records = ['h1,h2,h3'];
      for (let record = random.int(0, 7); record > 0; record -= 1) {
        const fields = Array.from({ length: random.int(1, 4) }, () => {
          const length = random.int(0, 4);
          if (random.chance(0.4)) return `"${Array.from({ length }, () => random.pick(['a', ',', '"', '\n', '\r\n', '\r', ' ', 'é', 'à', '…'])).join('').replaceAll('"', '""')}"`;
          return Array.from({ length }, () => random.pick(['a', ' ', 'é', '\t', '😀', 'b', '\u2028', '\u00a0', 'Å'])).join('');
        });
        records.push(random.chance(0.1) ? '' : fields.join(','));
      }
      return `${random.chance(0.3) ? '\ufeff' : ''}${records.join(newline)}${random.chance(0.7) ? newline : ''}`;
    });
    expect(outcome).toEqual({ same: 300, leftToCsvParse: 0, different: [] });
  });

  // Rows appended on another system: any line ending after any record. csv-parse must read exactly the
  // records written (a line ending outside quotes ends one, inside quotes it is text); papaparse the same or not at all.
  test('random files whose line endings change read as written, the same with either reader', async () => {
    const random = createSeededRandom(13);
    const outcome = { same: 0, leftToCsvParse: 0, different: [] as string[], notAsWritten: [] as string[] };
    for (let index = 0; index < 300; index += 1) {
      const written: string[][] = [['h1', 'h2']];
      let text = `h1,h2${random.pick(['\n', '\r\n', '\r'])}`;
      for (let record = random.int(1, 6); record > 0; record -= 1) {
        const values: string[] = [];
        const cells = Array.from({ length: random.int(1, 3) }, () => {
          if (random.chance(0.4)) {
            const value = Array.from({ length: random.int(0, 4) }, () => random.pick(['a', ',', '"', '\n', '\r\n', '\r', 'é'])).join('');
            values.push(value);
            return `"${value.replaceAll('"', '""')}"`;
          }
          const value = Array.from({ length: random.int(1, 3) }, () => random.pick(['a', ' ', 'é', '\t'])).join('');
          values.push(value);
          return value;
        });
        written.push(values);
        text += `${cells.join(',')}${random.pick(['\n', '\r\n', '\r', ''])}`;
        if (!/[\r\n]$/.test(text)) text += record > 1 ? '\n' : '';
      }
      const { fast, reference } = await bothReaders('ai_logs_r.csv', text, random.chance(0.2) ? undefined : random.int(1, 8));
      if (JSON.stringify(reference.map((record) => record.fields)) !== JSON.stringify(written) || reference.some((record) => record.parseError)) outcome.notAsWritten.push(text);
      if (fast instanceof FastReadUnavailable) outcome.leftToCsvParse += 1;
      else if (JSON.stringify(fast) === JSON.stringify(reference)) outcome.same += 1;
      else outcome.different.push(text);
    }
    expect(outcome.notAsWritten).toEqual([]);
    expect(outcome.different).toEqual([]);
    expect(outcome.same).toBeGreaterThan(10);
    expect(outcome.leftToCsvParse).toBeGreaterThan(150);
  });

  test('random text with stray quotes reads the same or is left to csv-parse, never differently', async () => {
    const outcome = await compareRandomFiles(12, 300, (random) => {
      const characters = Array.from({ length: random.int(0, 40) }, () => random.pick(['a', ',', ',', '"', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '\t']));
      return `h1,h2${random.pick(['\n', '\r\n'])}${characters.join('')}`;
    });
    expect(outcome.different).toEqual([]);
    expect(outcome.same).toBeGreaterThan(20);
    expect(outcome.leftToCsvParse).toBeGreaterThan(150);
  });

  /** A file holding exactly `bytes` (inputFolder would gzip a .gz name's content itself). */
  function rawFile(name: string, bytes: Uint8Array) {
    const path = join(mkdtempSync(join(tmpdir(), 'uptake-raw-')), name);
    writeFileSync(path, bytes);
    return { path, gzip: name.endsWith('.gz') };
  }

  // gzip records the size of its last member only: the text outgrows the buffer that size asked for
  test('a gzip file of several members reads the same', async () => {
    const file = rawFile('ai_logs_m.csv.gz', Buffer.concat([gzipSync('a,b\n1,"x\ny"\n'), gzipSync(`${'2,z\n'.repeat(40_000)}3,"w"\n`)]));
    const fast: CsvRecord[] = [];
    await readCsvRecordsFast(file, (record) => fast.push(plainRecord(record)));
    const reference: CsvRecord[] = [];
    for await (const record of readCsvRecords(file)) reference.push(plainRecord(record));
    expect(fast).toEqual(reference);
    expect(fast.map((record) => record.line).slice(-2)).toEqual([40_003, 40_004]);
  });

  test('a .gz file that is not gzip data, or is cut short, is left to csv-parse', async () => {
    const whole = gzipSync('a,b\n1,2\n'.repeat(1000));
    for (const [bytes, reason] of [[Buffer.from('a,b\n1,2\n'), 'incorrect header check'], [whole.subarray(0, whole.length - 20), 'unexpected end of file']] as const) {
      await expect(readCsvRecordsFast(rawFile('ai_logs_a.csv.gz', bytes), () => {})).rejects.toThrow(`gunzip failed (${reason}), and csv-parse says why`);
    }
  });

  test('bytes that are not UTF-8 are left to csv-parse', async () => {
    const dir = inputFolder({ 'ai_logs_a.csv': Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff]), Buffer.from('\n')]) }, { complete: false });
    await expect(readCsvRecordsFast({ path: join(dir, 'ai_logs_a.csv'), gzip: false }, () => {})).rejects.toThrow(/^it is not UTF-8$/);
  });
});

describe('readLogFile with either reader', () => {
  const setting = process.env.UPTAKE_CSV_READER;
  afterEach(() => {
    if (setting === undefined) delete process.env.UPTAKE_CSV_READER;
    else process.env.UPTAKE_CSV_READER = setting;
  });

  async function read(dir: string, name: string, reader: 'papaparse' | 'csv-parse') {
    process.env.UPTAKE_CSV_READER = reader;
    const progress: string[] = [];
    const kind = name.startsWith('ai_logs') ? 'ai_logs' : 'manual_logs';
    const result: LogFileResult = await readLogFile({ path: join(dir, name), gzip: name.endsWith('.gz'), name, kind }, {
      zones: new Map([['u1', new Map([['2026-11', 'Europe/Berlin']])]]), defaultZone: 'America/New_York', plausible: { earliestMs: Date.UTC(2000, 0, 1), latestMs: Date.UTC(2100, 0, 1) }, onProgress: (message) => progress.push(message),
    });
    return { result: { ...result, rows: result.rows.toPart() }, progress };
  }

  // The generator writes every file style (BOM, CRLF, gzip, aliases, drift columns) and every kind of dirty row.
  test('every file of a generated dataset gives the same rows, quarantine and counts', async () => {
    const dataset = generateDataset({ seed: 7, users: 40, weeks: 5, endWeek: '2026-W47' });
    const logs = dataset.files.filter((file) => !file.name.startsWith('user_monthly_summary'));
    // inputFolder gzips .gz names itself
    const dir = inputFolder(Object.fromEntries(logs.map((file) => [file.name, file.name.endsWith('.gz') ? gunzipSync(file.content) : file.content])), { complete: false });
    let rows = 0;
    for (const { name } of logs) {
      const fast = await read(dir, name, 'papaparse');
      const reference = await read(dir, name, 'csv-parse');
      expect(fast.result, name).toEqual(reference.result);
      expect(fast.progress, name).toEqual([]); // papaparse read it
      rows += reference.result.rowsRead;
    }
    expect(logs.length).toBe(10);
    expect(rows).toBeGreaterThan(2000);
  });

  test('a file papaparse cannot read the same way is read with csv-parse, and says so', async () => {
    const dir = inputFolder({ 'ai_logs_a.csv': 'event_id,user_id,task_type,started_at,status\ne1,u1,report,2026-11-16T09:00:00Z,done\ne2,u1,report,"2026"-11-16,done\n' }, { complete: false });
    const fast = await read(dir, 'ai_logs_a.csv', 'papaparse');
    expect(fast.result).toEqual((await read(dir, 'ai_logs_a.csv', 'csv-parse')).result);
    expect(fast.progress).toEqual(['ai_logs_a.csv: trying csv-parse, as papaparse reports InvalidQuotes near line 3']);
    expect(new Quarantine([fast.result.quarantine]).records().map((record) => [record.line, record.reason])).toEqual([[3, 'parse_error']]);
  });

  // Records are handed on before their quoting check: a file that fails it late must not keep any of them.
  test('a file that breaks quoting after thousands of records is read once, by csv-parse', async () => {
    const good = Array.from({ length: 5000 }, (_, index) => `e${index},u1,report,2026-11-16T09:00:00Z,done,"p ""${index}"""`);
    const dir = inputFolder({ 'ai_logs_a.csv': ['event_id,user_id,task_type,started_at,status,prompt', ...good, 'e9,u1,report,2026-11-16T09:00:00Z,done,"x"  ', ''].join('\n') }, { complete: false });
    const fast = await read(dir, 'ai_logs_a.csv', 'papaparse');
    expect(fast.progress).toEqual(['ai_logs_a.csv: trying csv-parse, as the record on line 5002 breaks RFC 4180 quoting']);
    expect(fast.result).toEqual((await read(dir, 'ai_logs_a.csv', 'csv-parse')).result);
    expect([fast.result.rowsRead, fast.result.rows.length, new Quarantine([fast.result.quarantine]).records().map((record) => record.line)]).toEqual([5001, 5000, [5002]]);
  });

  test('a quote left open on the last line of a file read in chunks quarantines that line alone, without csv-parse reading the file', async () => {
    const good = Array.from({ length: 3000 }, (_, index) => `e${index},u1,report,2026-11-16T09:00:00Z,done,"p ""${index}"""`);
    const dir = inputFolder({ 'ai_logs_a.csv': ['event_id,user_id,task_type,started_at,status,prompt', ...good, 'e9,u1,report,2026-11-16T09:00:00Z,done,"never closed', ''].join('\n') }, { complete: false });
    try {
      const progress: string[] = [];
      const file = { path: join(dir, 'ai_logs_a.csv'), gzip: false, name: 'ai_logs_a.csv', kind: 'ai_logs' as const };
      const plausible = { earliestMs: Date.UTC(2000, 0, 1), latestMs: Date.UTC(2100, 0, 1) };
      process.env.UPTAKE_CSV_READER = 'papaparse';
      const chunked = await readLogFile(file, { zones: new Map(), defaultZone: 'America/New_York', plausible, onProgress: (message) => progress.push(message), chunkBytes: 16 * 1024 });
      expect(progress).toEqual([]);
      const whole = await read(dir, 'ai_logs_a.csv', 'papaparse');
      expect(whole.progress).toEqual([]);
      const reference = await read(dir, 'ai_logs_a.csv', 'csv-parse');
      expect(whole.result).toEqual(reference.result);
      expect({ ...chunked, rows: chunked.rows.toPart() }).toEqual(reference.result);
      expect([reference.result.rowsRead, reference.result.rows.length, new Quarantine([reference.result.quarantine]).records().map((record) => [record.line, record.reason])]).toEqual([3001, 3000, [[3002, 'parse_error']]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('UPTAKE_CSV_READER names a reader', async () => {
    const dir = inputFolder({ 'ai_logs_a.csv': 'event_id,user_id,task_type,started_at,status\n' }, { complete: false });
    await expect(read(dir, 'ai_logs_a.csv', 'fast' as 'papaparse')).rejects.toThrow(/expected UPTAKE_CSV_READER to be papaparse or csv-parse, got `fast`/);
  });
});
