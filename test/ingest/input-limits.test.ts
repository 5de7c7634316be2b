import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { rosterZones } from '../../src/automate/roster-zones.js';
import { weeksInFile } from '../../src/automate/weeks-in-file.js';
import { loadRoster } from '../../src/clean/load-roster.js';
import { readLogFile } from '../../src/clean/read-log-file.js';
import { UptakeError } from '../../src/errors.js';
import { byteSize, DEFAULT_INPUT_LIMITS, MemoryCheckpoints, RECORDS_PER_MEMORY_CHECK, TEXT_PER_MEMORY_CHECK, type InputLimits } from '../../src/ingest/input-limits.js';
import { readFileRecords } from '../../src/ingest/read-csv-fast.js';
import { readCsvRecords } from '../../src/ingest/read-csv.js';
import { writeGzipBomb } from '../helpers/gzip-bomb.js';

const AI_HEADER = 'event_id,user_id,task_type,started_at,status,prompt';
const MiB = 1024 * 1024;
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-limits-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const setting = process.env.UPTAKE_CSV_READER;
afterEach(() => {
  if (setting === undefined) delete process.env.UPTAKE_CSV_READER;
  else process.env.UPTAKE_CSV_READER = setting;
});

/** The error reading the log file gives, and how far the process's peak memory rose above what it used before. */
async function readFailure(path: string, limits: InputLimits, reader: 'papaparse' | 'csv-parse' = 'papaparse') {
  process.env.UPTAKE_CSV_READER = reader;
  const before = process.memoryUsage().rss;
  const progress: string[] = [];
  const error = await readLogFile({ path, gzip: path.endsWith('.gz'), name: path, kind: 'ai_logs' }, { zones: new Map(), defaultZone: 'UTC', plausible: { earliestMs: Date.UTC(2000, 0, 1), latestMs: Date.UTC(2100, 0, 1) }, limits, onProgress: (message) => progress.push(message) }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { error: error as UptakeError, peakRise: process.resourceUsage().maxRSS * 1024 - before, progress };
}

describe('byteSize', () => {
  test('caps read in the unit they were set in', () => {
    expect([byteSize(4 * 1024 ** 3), byteSize(MiB), byteSize(8 * MiB), byteSize(64 * 1024), byteSize(1536), byteSize(1000)]).toEqual(['4 GiB', '1 MiB', '8 MiB', '64 KiB', '1.5 KiB', '1000 bytes']);
  });
});

describe('a gzip bomb', () => {
  // 192 blocks of 16 MiB: 3 GiB of text in about 3 MB
  test('one field inflating to 3 GiB stops at the record cap, in bounded memory, naming the file, line and cap', async () => {
    const path = join(folder(), 'ai_logs_2026-W47.csv.gz');
    const size = await writeGzipBomb(path, `${AI_HEADER}\ne1,u1,report,2026-11-16T09:00:00Z,done,"`, 192);
    expect(size).toBeLessThan(4 * MiB);
    const { error, peakRise, progress } = await readFailure(path, { ...DEFAULT_INPUT_LIMITS, maxRecordBytes: MiB });
    expect(error).toBeInstanceOf(UptakeError);
    expect([error.kind, error.exitCode]).toEqual(['input', 3]);
    expect(error.message).toBe(`${path}:2: expected a record of at most 1 MiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`);
    // gzip's trailer says 3 GiB: never inflated whole, streamed in chunks until the open record outgrows the cap, then by csv-parse
    expect(progress).toEqual([`${path}: trying csv-parse, as a record is longer than inputLimits.maxRecordBytes`]);
    expect(peakRise).toBeLessThan(300 * MiB);
  });

  test('one unquoted field, or one record of commas, stops the same way with either reader', async () => {
    for (const [filler, head] of [['x', 'e1,u1,report,2026-11-16T09:00:00Z,done,'], [',', 'e1']] as const) {
      const path = join(folder(), 'ai_logs_a.csv.gz');
      await writeGzipBomb(path, `${AI_HEADER}\n${head}`, 64, filler);
      for (const reader of ['papaparse', 'csv-parse'] as const) {
        const { error, peakRise } = await readFailure(path, { ...DEFAULT_INPUT_LIMITS, maxRecordBytes: 64 * 1024 }, reader);
        expect(error.message, `${filler} ${reader}`).toMatch(new RegExp(`^${path}:2: expected a record of at most 64 KiB \\(inputLimits\\.maxRecordBytes\\)`));
        expect(peakRise).toBeLessThan(300 * MiB);
      }
    }
  });

  // each member's trailer speaks for its own 16 MiB: the file inflates far more than logs do, so it is streamed in chunks
  test('a bomb of many gzip members (trailers that say little) is streamed as well', async () => {
    const path = join(folder(), 'ai_logs_a.csv.gz');
    const member = gzipSync(Buffer.alloc(16 * MiB, 'x'), { level: 9 });
    writeFileSync(path, Buffer.concat([gzipSync(`${AI_HEADER}\ne1,u1,report,2026-11-16T09:00:00Z,done,"`), ...Array.from({ length: 64 }, () => member)]));
    const { error, peakRise, progress } = await readFailure(path, { ...DEFAULT_INPUT_LIMITS, maxRecordBytes: MiB });
    expect(error.message).toMatch(new RegExp(`^${path}:2: expected a record of at most 1 MiB`));
    expect(progress).toEqual([`${path}: trying csv-parse, as a record is longer than inputLimits.maxRecordBytes`]);
    expect(peakRise).toBeLessThan(300 * MiB);
  });

  test('text inflating past the file cap stops there, before the record cap', async () => {
    const path = join(folder(), 'ai_logs_a.csv.gz');
    await writeGzipBomb(path, `${AI_HEADER}\n`, 4, 'x');
    const { error } = await readFailure(path, { maxFileBytes: 2 * MiB, maxRecordBytes: 8 * MiB }, 'csv-parse');
    expect(error.message).toBe(`${path}: expected at most 2 MiB of text (inputLimits.maxFileBytes), got more once unzipped`);
    const fast = await readFailure(path, { maxFileBytes: 2 * MiB, maxRecordBytes: 8 * MiB }, 'papaparse');
    expect(fast.error.message).toBe(error.message);
  });

  test('the roster, and watch\'s light reads (weeks, roster zones), stop at the caps too', async () => {
    const dir = folder();
    const roster = join(dir, 'user_monthly_summary_2026-11.csv.gz');
    await writeGzipBomb(roster, 'user_id,team,month,timezone\nu1,"', 192);
    const limits = { ...DEFAULT_INPUT_LIMITS, maxRecordBytes: MiB };
    const before = process.memoryUsage().rss;
    const failure = await loadRoster([{ path: roster, name: 'user_monthly_summary_2026-11.csv.gz', kind: 'user_monthly_summary', gzip: true, bytes: 0 }], () => {}, () => {}, limits).then(
      () => undefined,
      (error: unknown) => error as UptakeError,
    );
    expect(failure?.message).toBe(`${roster}:2: expected a record of at most 1 MiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`);
    // watch reads the files it is handed with the default caps: 8 MiB a record
    const weeks = await weeksInFile(roster, { timezone: 'UTC', defaultTimezone: 'UTC' });
    expect({ ...weeks, error: weeks.error?.message }).toEqual({
      weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'],
      source: 'file-name',
      error: `${roster}:2: expected a record of at most 8 MiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`,
    });
    expect(await rosterZones(dir, limits)).toEqual(new Map());
    expect(process.resourceUsage().maxRSS * 1024 - before).toBeLessThan(300 * MiB);
  });
});

describe('caps on plain files', () => {
  function write(name: string, text: string): string {
    const path = join(folder(), name);
    writeFileSync(path, text);
    return path;
  }

  test('a record over the cap stops the file at its line, the same with either reader', async () => {
    const path = write('ai_logs_a.csv', `${AI_HEADER}\ne1,u1,report,2026-11-16T09:00:00Z,done,short\ne2,u1,report,2026-11-16T09:00:00Z,done,"${'é'.repeat(600)}"\n`);
    const limits = { maxFileBytes: MiB, maxRecordBytes: 1024 };
    for (const reader of ['papaparse', 'csv-parse'] as const) {
      const { error } = await readFailure(path, limits, reader);
      expect(error.message, reader).toBe(`${path}:3: expected a record of at most 1 KiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)`);
    }
    // 600 × é is 1200 bytes of UTF-8, 600 characters: the cap counts bytes
    const fits = await readLogFile({ path, gzip: false, name: 'ai_logs_a.csv', kind: 'ai_logs' }, { zones: new Map(), defaultZone: 'UTC', plausible: { earliestMs: Date.UTC(2000, 0, 1), latestMs: Date.UTC(2100, 0, 1) }, limits: { maxFileBytes: MiB, maxRecordBytes: 1300 }, onProgress: () => {} });
    expect([fits.rowsRead, fits.quarantined]).toEqual([2, 0]);
  });

  test('a quote never closed stops at the cap instead of holding the rest of the file', async () => {
    const path = write('ai_logs_a.csv', `${AI_HEADER}\ne1,u1,report,2026-11-16T09:00:00Z,done,"open\n${'e2,u1,report,2026-11-16T09:00:00Z,done,x\n'.repeat(100)}`);
    for (const reader of ['papaparse', 'csv-parse'] as const) {
      const { error } = await readFailure(path, { maxFileBytes: MiB, maxRecordBytes: 2048 }, reader);
      expect(error.message, reader).toMatch(new RegExp(`^${path}:2: expected a record of at most 2 KiB`));
    }
  });

  test('a file over the file cap stops before it is read, the same with either reader', async () => {
    const path = write('ai_logs_a.csv', `${AI_HEADER}\n${'e1,u1,report,2026-11-16T09:00:00Z,done,x\n'.repeat(100)}`);
    for (const reader of ['papaparse', 'csv-parse'] as const) {
      const { error } = await readFailure(path, { maxFileBytes: 4000, maxRecordBytes: 1024 }, reader);
      expect(error.message, reader).toBe(`${path}: expected at most 4000 bytes of text (inputLimits.maxFileBytes), got more`);
    }
    const records: string[][] = [];
    for await (const record of readCsvRecords({ path, gzip: false }, { maxFileBytes: 5000, maxRecordBytes: 1024 })) records.push(record.fields);
    expect(records.length).toBe(101);
  });

  test('readFileRecords takes the caps for either reader', async () => {
    const path = write('ai_logs_a.csv', `${AI_HEADER}\ne1,u1,report,2026-11-16T09:00:00Z,done,${'y'.repeat(300)}\n`);
    for (const reader of ['papaparse', 'csv-parse'] as const) {
      process.env.UPTAKE_CSV_READER = reader;
      const read = readFileRecords({ path, gzip: false, name: 'ai_logs_a.csv' }, (forEach) => forEach(() => {}), () => {}, { maxFileBytes: MiB, maxRecordBytes: 256 });
      await expect(read, reader).rejects.toThrow(`${path}:2: expected a record of at most 256 bytes`);
    }
  });
});

describe('MemoryCheckpoints', () => {
  test('is due every 250,000 short records, and after every 64 Mi characters of long ones', () => {
    const short = new MemoryCheckpoints();
    const dueShort = Array.from({ length: 2 * RECORDS_PER_MEMORY_CHECK }, () => short.due(40)).flatMap((due, index) => (due ? [index + 1] : []));
    expect(dueShort).toEqual([250_000, 500_000]);
    const long = new MemoryCheckpoints();
    const dueLong = Array.from({ length: 50 }, () => long.due(3_000_042)).flatMap((due, index) => (due ? [index + 1] : []));
    expect(TEXT_PER_MEMORY_CHECK).toBe(67_108_864);
    expect(dueLong).toEqual([23, 46]);
  });
});
