import { closeSync, constants, mkdirSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeInFile } from '../../src/automate/take-in-file.js';
import { readLogFile } from '../../src/clean/read-log-file.js';
import { loadRoster } from '../../src/clean/load-roster.js';
import { readCsvBatches } from '../../src/ingest/read-csv.js';
import { readCsvRecordsFast, readTextChunks } from '../../src/ingest/read-csv-fast.js';
import { hashFileStamped, identityOf } from '../../src/util/hash-file.js';
import { openInputFile, openRegularFile } from '../../src/util/open-regular-file.js';
import { makeFifo, tempFolder } from '../helpers/special-files.js';

// An input file replaced, after the folder was listed, by something that is not a regular file: every reader
// opens it without blocking and stops at once with exit 3 (UptakeError 'input') naming it. A FIFO that no
// process writes to blocked open() for good: a reader that still blocks is let go after 5 s (a writer opens
// the FIFO), so that it fails here instead of holding the test run.
let folder: { dir: string; remove(): void };
const opened: number[] = [];
beforeEach(() => {
  folder = tempFolder('uptake-replaced-');
});
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
  folder.remove();
});

const SETTLED_AFTER_MS = 5_000;

/** What `read` made of `path` (its value or its error), within SETTLED_AFTER_MS. */
async function outcomeOf(path: string, read: () => Promise<unknown>, fifo: boolean): Promise<{ value: unknown } | { error: unknown }> {
  const release = fifo
    ? setTimeout(() => {
        // a reader blocked in open(): a writer lets it go (and the test fails below)
        opened.push(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      }, SETTLED_AFTER_MS)
    : undefined;
  const began = Date.now();
  try {
    return { value: await read() };
  } catch (error) {
    return { error };
  } finally {
    expect(Date.now() - began).toBeLessThan(SETTLED_AFTER_MS);
    clearTimeout(release);
  }
}

const REPLACEMENTS = [
  { name: 'a FIFO no process writes to', found: 'a named pipe (FIFO)', make: (path: string) => makeFifo(path) },
  { name: 'a folder', found: 'a folder', make: (path: string) => mkdirSync(path) },
  { name: 'a symbolic link to /dev/null', found: 'a character device', make: (path: string) => symlinkSync('/dev/null', path) },
] as const;

const expected = (path: string, found: string) =>
  expect.objectContaining({ kind: 'input', file: path, message: `${path}: expected the input file to be a regular file, got ${found}; move it away or put the CSV export back` });

describe('openRegularFile', () => {
  it('opens a regular file (and a link to one), with its stats', async () => {
    const path = join(folder.dir, 'ai_logs_a.csv');
    writeFileSync(path, 'abc');
    symlinkSync(path, join(folder.dir, 'ai_logs_b.csv'));
    for (const name of ['ai_logs_a.csv', 'ai_logs_b.csv']) {
      const { handle, info } = await openRegularFile(join(folder.dir, name), { what: 'the log', kind: 'input' });
      expect(info.size).toBe(3);
      expect((await handle.readFile('utf8'))).toBe('abc');
      await handle.close();
    }
  });

  it('leaves errors of opening to the caller; openInputFile words them as input errors naming the file', async () => {
    const path = join(folder.dir, 'ai_logs_gone.csv');
    await expect(openRegularFile(path, { what: 'the log', kind: 'input' })).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(openInputFile(path)).rejects.toMatchObject({ kind: 'input', file: path, message: expect.stringMatching(/: cannot read the file: ENOENT/) });
  });
});

// Every reader of an input file, given the path of one that was replaced.
const READERS: Array<{ name: string; gzip: boolean; read: (path: string) => Promise<unknown> }> = [
  { name: 'the fast reader (whole)', gzip: false, read: (path) => readCsvRecordsFast({ path, gzip: false }, () => {}) },
  { name: 'the fast reader (gzip)', gzip: true, read: (path) => readCsvRecordsFast({ path, gzip: true }, () => {}) },
  {
    name: 'the chunked reader (what the reading threads are handed)',
    gzip: false,
    read: async (path) => {
      for await (const chunk of readTextChunks({ path, gzip: false }, { chunkBytes: 1024 })) void chunk;
    },
  },
  {
    name: 'the chunked reader (gzip)',
    gzip: true,
    read: async (path) => {
      for await (const chunk of readTextChunks({ path, gzip: true }, { chunkBytes: 1024 })) void chunk;
    },
  },
  {
    name: 'csv-parse (the fallback, and validate\'s and watch\'s week reading)',
    gzip: false,
    read: async (path) => {
      for await (const batch of readCsvBatches({ path, gzip: false })) void batch;
    },
  },
  { name: 'a log file', gzip: false, read: (path) => readLogFile({ path, gzip: false, name: 'ai_logs_r.csv', kind: 'ai_logs' }, { zones: new Map(), defaultZone: 'UTC', plausible: { earliestMs: -Infinity, latestMs: Infinity }, onProgress() {} }) },
  { name: 'a roster file', gzip: false, read: (path) => loadRoster([{ path, gzip: false, name: 'user_monthly_summary_r.csv', kind: 'user_monthly_summary', bytes: 0 }], () => {}, () => {}) },
  { name: 'the store ledger\'s hash', gzip: false, read: (path) => hashFileStamped(path) },
  { name: 'the store\'s changed-while-read check', gzip: false, read: (path) => identityOf(path) },
];

describe.each(REPLACEMENTS)('an input file replaced by $name', ({ found, make }) => {
  it.each(READERS)('stops $name at once: exit 3, naming the file and what it is', async ({ gzip, read }) => {
    const path = join(folder.dir, gzip ? 'ai_logs_r.csv.gz' : 'ai_logs_r.csv');
    make(path);
    expect(await outcomeOf(path, () => read(path), found.includes('FIFO'))).toEqual({ error: expected(path, found) });
  });

  it('is not taken in by `uptake watch` (not whole: left out of the batch, no copy kept)', async () => {
    const path = join(folder.dir, 'ai_logs_r.csv');
    make(path);
    const store = join(folder.dir, 'store');
    const taken = await outcomeOf(path, () => takeInFile(path, store), found.includes('FIFO'));
    expect(taken).toEqual({ value: { complete: false, why: `it cannot be opened (${path}: expected the input file to be a regular file, got ${found}; move it away or put the CSV export back)` } });
    expect(readdirSync(store)).toEqual([]);
  });
});

describe('a reader of a regular input file', () => {
  it('reads it as before, plain and gzip', async () => {
    const text = 'event_id,user_id\ne1,u1\n';
    writeFileSync(join(folder.dir, 'a.csv'), text);
    writeFileSync(join(folder.dir, 'a.csv.gz'), gzipSync(text));
    for (const [name, gzip] of [['a.csv', false], ['a.csv.gz', true]] as const) {
      const fast: string[] = [];
      await readCsvRecordsFast({ path: join(folder.dir, name), gzip }, (record) => fast.push(record.raw));
      const parsed: string[] = [];
      for await (const batch of readCsvBatches({ path: join(folder.dir, name), gzip })) parsed.push(...batch.map((record) => record.raw));
      expect(fast).toEqual(['event_id,user_id', 'e1,u1']);
      expect(parsed).toEqual(fast);
    }
    rmSync(join(folder.dir, 'a.csv.gz'));
  });
});
