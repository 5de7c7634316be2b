import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { UptakeError } from '../../src/errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../src/ingest/input-limits.js';
import { chunkBytesOf, FastReadUnavailable, parseChunk, readCsvRecordsFast, readTextChunks } from '../../src/ingest/read-csv-fast.js';
import { readCsvRecords, type CsvRecord } from '../../src/ingest/read-csv.js';
import { createSeededRandom } from '../../src/generate/seeded-random.js';
import { inputFolder } from '../helpers/input-folder.js';

const plainRecord = (record: CsvRecord) => ({ fields: record.fields, line: record.line, raw: record.raw, parseError: record.parseError });

type Outcome = ReturnType<typeof plainRecord>[] | Error;

/** The records of a file (or the error) read whole by papaparse, in chunks of `chunkBytes` by papaparse, and by csv-parse. */
async function threeReaders(name: string, content: string | Uint8Array, chunkBytes: number, limits: InputLimits = DEFAULT_INPUT_LIMITS) {
  const dir = inputFolder({ [name]: content }, { complete: false });
  const file = { path: join(dir, name), gzip: name.endsWith('.gz') };
  const collect = async (read: (onRecord: (record: CsvRecord) => void) => Promise<void>): Promise<Outcome> => {
    const records: ReturnType<typeof plainRecord>[] = [];
    try {
      await read((record) => records.push(plainRecord(record)));
      return records;
    } catch (error) {
      return error as Error;
    }
  };
  try {
    const whole = await collect((onRecord) => readCsvRecordsFast(file, onRecord, { limits }));
    const chunked = await collect((onRecord) => readCsvRecordsFast(file, onRecord, { limits, chunkBytes }));
    const reference = await collect(async (onRecord) => {
      for await (const record of readCsvRecords(file, limits)) onRecord(record);
    });
    let chunks = 0;
    try {
      for await (const chunk of readTextChunks(file, { limits, chunkBytes })) chunks += chunk.bytes.length > 0 ? 1 : 0;
    } catch {
      chunks = -1;
    }
    return { whole, chunked, reference, chunks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` AI-log-like records, every third with a quoted prompt holding line breaks, quotes and commas. */
function logText(count: number, newline: string): string {
  const records = ['event_id,user_id,task_type,started_at,status,prompt'];
  for (let index = 0; index < count; index += 1) {
    const prompt = index % 3 === 0 ? `"line one${newline}line ""two"", with a comma${newline}${'é'.repeat(index % 5)}"` : `plain ${index}`;
    records.push(`e${index},u${index % 7},report,2026-11-16T09:${String(index % 60).padStart(2, '0')}:00Z,done,${prompt}`);
  }
  return `${records.join(newline)}${newline}`;
}

describe('reading a file in chunks cut at record boundaries', () => {
  // chunk sizes that put an edge inside quoted line breaks, inside a CRLF, inside a character of several bytes
  const sizes = [40, 41, 97, 256, 1000];

  test.each([
    ['quoted line breaks across chunk edges (LF)', 'ai_logs_a.csv', logText(120, '\n')],
    ['quoted line breaks across chunk edges (CRLF), a BOM', 'ai_logs_a.csv', `\ufeff${logText(120, '\r\n')}`],
    ['CR line endings', 'ai_logs_a.csv', logText(60, '\r')],
    ['a gzip file', 'ai_logs_a.csv.gz', logText(120, '\r\n')],
    ['empty lines, no final line break, characters outside ASCII', 'ai_logs_a.csv', `a,b\n\n1,€ 😀 é\n\r\n${'2,"ü, ""ß"""\n\n'.repeat(40)}3,x`],
    ['a repeated header', 'ai_logs_a.csv', `${logText(30, '\n')}${logText(30, '\n')}`],
  ])('%s: the same records and lines as the whole file and as csv-parse', async (_shape, name, text) => {
    for (const chunkBytes of sizes) {
      const { whole, chunked, reference, chunks } = await threeReaders(name, text, chunkBytes);
      expect(whole, `${chunkBytes}`).toEqual(reference);
      expect(chunked, `${chunkBytes}`).toEqual(reference);
      if (chunkBytes <= 41) expect(chunks, `${chunkBytes}`).toBeGreaterThan(10);
    }
  });

  test('the chunks end where records end and hold the whole text', async () => {
    const text = logText(200, '\n');
    const dir = inputFolder({ 'ai_logs_a.csv': text }, { complete: false });
    const pieces: string[] = [];
    let line = 1;
    const lines: number[] = [];
    for await (const chunk of readTextChunks({ path: join(dir, 'ai_logs_a.csv'), gzip: false }, { chunkBytes: 300 })) {
      pieces.push(chunk.bytes.toString('utf8'));
      line = await parseChunk(chunk, (record) => lines.push(record.line), { line });
    }
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(40);
    // a chunk never ends inside a quoted prompt: each one starts with an event id
    expect(pieces.slice(1).filter((piece) => !/^e\d+,/.test(piece))).toEqual([]);
    expect(line).toBe(text.split('\n').length);
    expect(lines.slice(0, 4)).toEqual([1, 2, 5, 6]);
  });

  test('a chunk of many quotes and few line endings is cut searching each byte about once (it was quadratic: minutes)', async () => {
    const record = (id: number) => `${id}${',""'.repeat(400_000)}\n`;
    const text = `a,b\n${record(1)}${record(2)}${record(3)}`;
    const dir = inputFolder({ 'ai_logs_a.csv': text }, { complete: false });
    // the bytes each search for a line ending may cross: from its start (or the end of the buffer) back to the front
    let searched = 0;
    const lastIndexOf = Buffer.prototype.lastIndexOf;
    const spy = vi.spyOn(Buffer.prototype, 'lastIndexOf').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      searched += typeof args[1] === 'number' ? Math.min(args[1] + 1, this.length) : this.length;
      return (lastIndexOf as (...values: unknown[]) => number).apply(this, args);
    } as never);
    try {
      const pieces: string[] = [];
      for await (const chunk of readTextChunks({ path: join(dir, 'ai_logs_a.csv'), gzip: false }, { chunkBytes: 64 * 1024 })) pieces.push(chunk.bytes.toString('latin1'));
      expect(pieces.join('')).toBe(text);
      expect(pieces.map((piece) => piece.slice(0, 2))).toEqual(['a,', '1,', '2,', '3,']);
      expect(searched).toBeLessThan(4 * text.length);
    } finally {
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a record at the record cap reads, one byte over stops with its line, either way', async () => {
    const cap = 200;
    const limits = { ...DEFAULT_INPUT_LIMITS, maxRecordBytes: cap };
    const head = 'event_id,user_id,task_type,started_at,status,prompt\ne1,u1,report,2026-11-16T09:00:00Z,done,x\n';
    const prefix = 'e2,u1,report,2026-11-16T09:00:00Z,done,"';
    const breaks = 40;
    const field = (extra: number) => `${prefix}${'y\n'.repeat(breaks)}${'y'.repeat(cap - prefix.length - 2 * breaks - 1 + extra)}"`;
    expect(Buffer.byteLength(field(0))).toBe(cap);
    const fits = await threeReaders('ai_logs_a.csv', `${head}${field(0)}\n${'e3,u1,report,2026-11-16T09:00:00Z,done,x\n'.repeat(20)}`, 64, limits);
    expect(fits.whole).toEqual(fits.reference);
    expect(fits.chunked).toEqual(fits.reference);
    expect((fits.reference as CsvRecord[]).map((record) => record.line).slice(0, 4)).toEqual([1, 2, 3, 4 + breaks]);
    const over = await threeReaders('ai_logs_a.csv', `${head}${field(1)}\n`, 64, limits);
    // the fast reader leaves such a file to csv-parse, which says where the record is
    expect(over.chunked).toBeInstanceOf(FastReadUnavailable);
    expect(over.reference).toBeInstanceOf(UptakeError);
    expect((over.reference as Error).message).toMatch(/:3: expected a record of at most 200 bytes/);
  });

  test('UTF-16, bytes that are not UTF-8 and a quoted header are told as a whole file tells them', async () => {
    const utf16 = await threeReaders('ai_logs_a.csv', Buffer.from(`\ufeff${logText(20, '\n')}`, 'utf16le'), 64);
    expect((utf16.chunked as Error).message).toBe((utf16.whole as Error).message);
    expect(utf16.chunked).toBeInstanceOf(UptakeError);
    const notUtf8 = await threeReaders('ai_logs_a.csv', Buffer.concat([Buffer.from(logText(20, '\n')), Buffer.from([0xff, 0x0a])]), 64);
    expect((notUtf8.chunked as Error).message).toBe('it is not UTF-8');
    const quotedHeader = await threeReaders('ai_logs_a.csv', `"a\nb",c\n${'1,2\n'.repeat(40)}`, 64);
    expect((quotedHeader.chunked as Error).message).toBe('its header holds a quote');
  });

  test('text past inputLimits.maxFileBytes stops as it is read, naming the file', async () => {
    const limits = { ...DEFAULT_INPUT_LIMITS, maxFileBytes: 2000 };
    const { chunked, reference } = await threeReaders('ai_logs_a.csv.gz', logText(100, '\n'), 256, limits);
    expect(chunked).toBeInstanceOf(UptakeError);
    expect((chunked as Error).message).toBe((reference as Error).message);
    expect((chunked as Error).message).toMatch(/expected at most 2000 bytes of text \(inputLimits\.maxFileBytes\), got more once unzipped$/);
  });

  // Any text at all: the chunked read gives csv-parse's records, or leaves the file to csv-parse.
  test('random text with quotes and line breaks reads the same in chunks, or is left to csv-parse, never differently', async () => {
    const random = createSeededRandom(25);
    const outcome = { same: 0, leftToCsvParse: 0, different: [] as string[] };
    for (let index = 0; index < 200; index += 1) {
      const dirty = random.chance(0.25);
      const newline = random.pick(['\n', '\r\n']);
      const records = ['h1,h2,h3'];
      for (let record = random.int(5, 30); record > 0; record -= 1) {
        const fields = Array.from({ length: 3 }, () => {
          const characters = Array.from({ length: random.int(0, 12) }, () => random.pick(['a', ',', '"', '\n', '\r\n', ' ', 'é', '😀']));
          if (random.chance(0.5)) return `"${characters.join('').replaceAll('"', '""')}"`;
          return !dirty || random.chance(0.9) ? characters.filter((character) => !/[",\r\n]/.test(character)).join('') : characters.join('');
        });
        records.push(fields.join(','));
      }
      const text = records.join(newline) + newline;
      const { chunked, reference } = await threeReaders('ai_logs_r.csv', text, random.int(16, 64));
      if (chunked instanceof FastReadUnavailable) outcome.leftToCsvParse += 1;
      else if (JSON.stringify(chunked) === JSON.stringify(reference)) outcome.same += 1;
      else outcome.different.push(text);
    }
    expect(outcome.different).toEqual([]);
    expect(outcome.same).toBeGreaterThan(100);
    expect(outcome.leftToCsvParse).toBeGreaterThan(10);
  });
});

describe('chunkBytesOf', () => {
  const setting = process.env.UPTAKE_READ_CHUNK_BYTES;
  afterEach(() => {
    if (setting === undefined) delete process.env.UPTAKE_READ_CHUNK_BYTES;
    else process.env.UPTAKE_READ_CHUNK_BYTES = setting;
  });

  test('an option, else UPTAKE_READ_CHUNK_BYTES, else 32 MiB; a value below 1 KiB or not a whole number is a config error', () => {
    delete process.env.UPTAKE_READ_CHUNK_BYTES;
    expect(chunkBytesOf()).toBe(32 * 1024 * 1024);
    expect(chunkBytesOf(100)).toBe(100);
    process.env.UPTAKE_READ_CHUNK_BYTES = '4096';
    expect(chunkBytesOf()).toBe(4096);
    for (const value of ['512', '2048.5', 'lots']) {
      process.env.UPTAKE_READ_CHUNK_BYTES = value;
      expect(() => chunkBytesOf()).toThrow(new UptakeError('config', `expected UPTAKE_READ_CHUNK_BYTES to be a whole number of bytes, at least 1024, got \`${value}\``));
    }
  });
});
