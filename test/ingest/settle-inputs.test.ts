import { appendFileSync, closeSync, constants, mkdirSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { UptakeError } from '../../src/errors.js';
import { parseConfig } from '../../src/config/read-config.js';
import { loadReport } from '../../src/report/load-report.js';
import { assertInputsUnchanged, settledInputFiles } from '../../src/ingest/settle-inputs.js';
import { csv, inputFolder } from '../helpers/input-folder.js';
import { makeFifo } from '../helpers/special-files.js';

const HEADER = 'event_id,user_id,team,task_type,started_at,duration_sec,status';
const row = (index: number) => `e${index},u${index % 7},Finance,invoice_matching,2026-11-17T09:${String(index % 60).padStart(2, '0')}:00Z,60,success`;
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => row(from + offset));

// Writers appending in the background, stopped after each test.
const writers: Array<ReturnType<typeof setInterval>> = [];
afterEach(() => {
  for (const writer of writers.splice(0)) clearInterval(writer);
});

// Appends one row now and one every `everyMs` after, `times` in all (Infinity: until the test ends).
function appendSlowly(path: string, everyMs: number, times: number, from = 1000): Promise<void> {
  appendFileSync(path, `${row(from)}\n`);
  return new Promise((done) => {
    let written = 1;
    const writer = setInterval(() => {
      if (written >= times) {
        clearInterval(writer);
        done();
        return;
      }
      appendFileSync(path, `${row(from + written)}\n`);
      written += 1;
    }, everyMs);
    writers.push(writer);
  });
}

describe('settledInputFiles', () => {
  it('costs no wait for files that settled long ago (plain and .gz)', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)), 'manual_logs_2026-W47.csv.gz': 'task_id,user_id,task_type,started_at\n' });
    const lines: string[] = [];
    const began = Date.now();
    const files = await settledInputFiles(dir, { quietMs: 2000, maxWaitMs: 60_000, log: (line) => lines.push(line) });
    expect(Date.now() - began).toBeLessThan(500);
    expect(lines).toEqual([]);
    expect(files.map((file) => file.name)).toEqual(['ai_logs_2026-W47.csv', 'manual_logs_2026-W47.csv.gz', 'user_monthly_summary_empty.csv']);
  });

  it('waits for a file still being appended to, names it, and returns it complete', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, ...rows(0, 3)) });
    const path = join(dir, 'ai_logs_2026-W47.csv');
    const writing = appendSlowly(path, 50, 10);
    const lines: string[] = [];
    // (a quiet period well above the appends' gaps: a busy machine may hold this process's timers for a while)
    const files = await settledInputFiles(dir, { quietMs: 1000, maxWaitMs: 10_000, log: (line) => lines.push(line) });
    await writing;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^waiting for ${path}: it changed \\d+\\.\\d s ago`));
    expect(files.find((file) => file.path === path)?.bytes).toBe(readFileSync(path).length);
  });

  it('waits for a roster written as .gz (any kind), once rewritten whole', async () => {
    const dir = inputFolder({});
    const roster = join(dir, 'user_monthly_summary_2026-11.csv.gz');
    writeFileSync(roster, gzipSync('user_id,team,month\n'));
    setTimeout(() => writeFileSync(roster, gzipSync('user_id,team,month\nu1,Finance,2026-11\n')), 100);
    const lines: string[] = [];
    const files = await settledInputFiles(dir, { quietMs: 1000, maxWaitMs: 10_000, log: (line) => lines.push(line) });
    expect(lines.some((line) => line.startsWith(`waiting for ${roster}:`))).toBe(true);
    expect(files.find((file) => file.path === roster)?.bytes).toBe(readFileSync(roster).length);
  });

  it('stops with an input error naming the file when it still changes after maxWaitMs', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)) });
    const path = join(dir, 'ai_logs_2026-W47.csv');
    void appendSlowly(path, 40, Infinity);
    const began = Date.now();
    const error = await settledInputFiles(dir, { quietMs: 1000, maxWaitMs: 1500 }).catch((caught: unknown) => caught);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1500);
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).exitCode).toBe(3);
    expect((error as UptakeError).file).toBe(path);
    expect((error as UptakeError).message).toMatch(new RegExp(`^${path}: expected an input file that stopped changing \\(quiet for 1\\.0 s, inputSettle\\.quietMs\\), but it was still changing after a wait of \\d+\\.\\d s \\(inputSettle\\.maxWaitMs\\)`));
  });

  // A copy that stalls halfway has quiet size and mtime: the report would be built (and mailed) from half of it.
  it('waits for a quiet plain file whose last record is cut short, and reads it once the copy ends it', async () => {
    const whole = csv(HEADER, ...rows(0, 3));
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': whole.slice(0, -20) });
    const path = join(dir, 'ai_logs_2026-W47.csv');
    setTimeout(() => writeFileSync(path, whole), 300);
    const lines: string[] = [];
    const files = await settledInputFiles(dir, { quietMs: 200, maxWaitMs: 10_000, log: (line) => lines.push(line) });
    expect(lines).toEqual([`waiting for ${path}: its last record has 5 of 7 fields and no line end, as a copy still under way (waiting at most 10.0 s for the rest)`]);
    expect(files.find((file) => file.path === path)?.bytes).toBe(Buffer.byteLength(whole));
  });

  it('stops naming the file and its cut when the last record stays cut short (an open quote too); a whole last record without a line end is read', async () => {
    for (const [text, cut] of [
      [`${HEADER}\n${row(1)}\ne2,u2,Fin`, 'its last record has 3 of 7 fields and no line end'],
      [`${HEADER}\n${row(1)}\ne2,u2,"Finance, Le`, 'its last record stops inside a quoted field'],
    ]) {
      const dir = inputFolder({ 'ai_logs_2026-W47.csv': text });
      const error = await settledInputFiles(dir, { quietMs: 100, maxWaitMs: 300 }).catch((caught: unknown) => caught);
      expect((error as UptakeError).exitCode).toBe(3);
      expect((error as UptakeError).message).toMatch(new RegExp(`^${join(dir, 'ai_logs_2026-W47.csv')}: expected an input file that ends with a whole record \\(a line end, or as many fields as its header\\), but after a wait of \\d+\\.\\d s \\(inputSettle\\.maxWaitMs\\) ${cut}\\. Is it still being copied\\?`));
    }
    // a whole last record, a CR-only file, a header alone: read as they are, at once; quietMs 0 reads files as they are
    for (const text of [`${HEADER}\n${row(1)}`, `${HEADER}\r${row(1)}\r`, HEADER]) {
      await expect(settledInputFiles(inputFolder({ 'ai_logs_2026-W47.csv': text }), { quietMs: 100, maxWaitMs: 300 })).resolves.toHaveLength(3);
    }
    await expect(settledInputFiles(inputFolder({ 'ai_logs_2026-W47.csv': `${HEADER}\ne2,u2,Fin` }), { quietMs: 0, maxWaitMs: 300 })).resolves.toHaveLength(3);
    // bytes that are no UTF-8 text (UTF-16, Latin-1 cut short, binary) are the reader's to name: no wait for them
    for (const bytes of [Buffer.from(`${HEADER}\ne2,u2,Fin`, 'utf16le'), Buffer.from(`${HEADER}\ne2,u2,Z\u00fcrich`, 'latin1'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a])]) {
      await expect(settledInputFiles(inputFolder({ 'ai_logs_2026-W47.csv': bytes as unknown as string }), { quietMs: 100, maxWaitMs: 300 })).resolves.toHaveLength(3);
    }
  });

  it('settles a file whose mtime is in the future once it is seen unchanged for quietMs', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)) });
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(dir, 'ai_logs_2026-W47.csv'), future, future);
    const began = Date.now();
    await settledInputFiles(dir, { quietMs: 300, maxWaitMs: 5_000 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(300);
  });
});

describe('assertInputsUnchanged', () => {
  it('names a file that grew, was modified in place, appeared or went after it was settled', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)), 'manual_logs_2026-W47.csv.gz': 'task_id,user_id,task_type,started_at\n' });
    const settled = await settledInputFiles(dir, { quietMs: 2000, maxWaitMs: 0 });
    await expect(assertInputsUnchanged(dir, settled)).resolves.toBeUndefined();

    const log = join(dir, 'ai_logs_2026-W47.csv');
    appendFileSync(log, `${row(2)}\n`);
    await expect(assertInputsUnchanged(dir, settled)).rejects.toThrow(`${log}: expected the input files to stay the same while they were read, but this one changed size from`);

    const gz = join(dir, 'manual_logs_2026-W47.csv.gz');
    const again = await settledInputFiles(dir, { quietMs: 0, maxWaitMs: 0 });
    utimesSync(gz, new Date(), new Date());
    await expect(assertInputsUnchanged(dir, again)).rejects.toThrow(`${gz}: expected the input files to stay the same while they were read, but this one was modified`);

    const third = await settledInputFiles(dir, { quietMs: 0, maxWaitMs: 0 });
    writeFileSync(join(dir, 'ai_logs_2026-W48.csv'), csv(HEADER));
    await expect(assertInputsUnchanged(dir, third)).rejects.toThrow('ai_logs_2026-W48.csv: expected the input files to stay the same while they were read, but this one appeared');
  });
});

describe('loadReport with input that changes', () => {
  const config = parseConfig({ inputSettle: { quietMs: 1000, maxWaitMs: 10_000 } });

  it('waits for a file being appended to: the data equals the complete file\'s', async () => {
    const complete = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, ...rows(0, 3), ...rows(1000, 1010)) });
    const growing = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, ...rows(0, 3)) });
    const writing = appendSlowly(join(growing, 'ai_logs_2026-W47.csv'), 50, 10);
    const lines: string[] = [];
    const loaded = await loadReport({ input: growing, config, week: null }, { log: (line) => lines.push(line) });
    await writing;
    const expected = await loadReport({ input: complete, config, week: null });
    expect(lines[0]).toMatch(/^waiting for .*ai_logs_2026-W47\.csv: it changed/);
    expect(loaded.data.accounting).toEqual(expected.data.accounting);
    expect(loaded.data.tasks.numRows()).toBe(expected.data.tasks.numRows());
  });

  it('fails naming the file when it changes while it is read', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, ...rows(0, 3)) });
    const path = join(dir, 'ai_logs_2026-W47.csv');
    // The progress line of discovery comes right before the files are read: a writer appends then.
    const log = (line: string) => line.startsWith('found ') && appendFileSync(path, `${row(99)}\n`);
    await expect(loadReport({ input: dir, config, week: null }, { log })).rejects.toThrow(`${path}: expected the input files to stay the same while they were read, but this one changed size from`);
  });
});

// `mv -T` of another kind of file over an input file (a FIFO, a link to a device), or a folder in its place.
const REPLACEMENTS = [
  { by: 'a FIFO', found: 'a named pipe (FIFO)', replace: (path: string) => (makeFifo(`${path}.new`), renameSync(`${path}.new`, path)) },
  { by: 'a symbolic link to /dev/null', found: 'a character device', replace: (path: string) => (symlinkSync('/dev/null', `${path}.new`), renameSync(`${path}.new`, path)) },
  { by: 'a folder', found: 'a folder', replace: (path: string) => (rmSync(path), mkdirSync(path)) },
];

describe.each(REPLACEMENTS)('an input file replaced by $by while the input is read', ({ found, replace }) => {
  it('assertInputsUnchanged names that file and what it is now, not another one', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)), 'ai_logs_2026-W48.csv': csv(HEADER, row(2)) });
    const settled = await settledInputFiles(dir, { quietMs: 2000, maxWaitMs: 0 });
    const replaced = join(dir, 'ai_logs_2026-W48.csv');
    replace(replaced);
    const now = found === 'a character device' ? 'a symbolic link to a character device' : found;
    await expect(assertInputsUnchanged(dir, settled)).rejects.toMatchObject({
      kind: 'input',
      file: replaced,
      message: `${replaced}: expected the input files to stay the same while they were read, but this one was replaced by ${now}, not a regular file. No report was made from it; put the CSV export back and run again`,
    });
  });

  it('between the settle check and the read, stops loadReport at once with exit 3 naming it', async () => {
    const dir = inputFolder({ 'ai_logs_2026-W47.csv': csv(HEADER, row(1)), 'ai_logs_2026-W48.csv': csv(HEADER, row(2)) });
    const replaced = join(dir, 'ai_logs_2026-W48.csv');
    // the folder is listed (and settled) before this line, and no file has been opened yet
    const log = (line: string) => line.startsWith('found ') && replace(replaced);
    // a reader that still blocked in open() on the FIFO is let go after 5 s (a writer opens it), to fail here
    const release = setTimeout(() => found.includes('FIFO') && closeSync(openSync(replaced, constants.O_WRONLY | constants.O_NONBLOCK)), 5_000);
    const began = Date.now();
    const failure = await loadReport({ input: dir, config: parseConfig({ inputSettle: { quietMs: 0 } }), week: null }, { log }).catch((error: unknown) => error);
    clearTimeout(release);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(failure).toBeInstanceOf(UptakeError);
    expect(failure).toMatchObject({ kind: 'input', file: replaced, message: `${replaced}: expected the input file to be a regular file, got ${found}; move it away or put the CSV export back` });
  });
});
