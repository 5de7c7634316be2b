import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/automate/ledger.js';
import { appendRun, readRunLog } from '../../src/automate/run-log.js';
import { UptakeError } from '../../src/errors.js';
import { expectFileKinds } from '../../src/util/file-kind.js';
import { readRegularFile, readRegularFileSync, readStateFile } from '../../src/util/read-state-file.js';
import { makeFifo, tempFolder } from '../helpers/special-files.js';

let box: ReturnType<typeof tempFolder>;
beforeEach(() => {
  box = tempFolder('uptake-state-');
});
afterEach(() => box.remove());

describe('readStateFile', () => {
  it('reads a regular file, and a missing one is null', async () => {
    writeFileSync(join(box.dir, 'ledger.json'), '{"version":1}');
    expect(await readStateFile(join(box.dir, 'ledger.json'), 'the ledger')).toBe('{"version":1}');
    expect(await readStateFile(join(box.dir, 'missing.json'), 'the ledger')).toBeNull();
  });

  it('refuses a FIFO nobody writes at once instead of blocking on it, and a folder', async () => {
    const fifo = join(box.dir, 'ledger.json');
    makeFifo(fifo);
    const error = await readStateFile(fifo, 'the watch ledger').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).exitCode).toBe(12);
    expect((error as Error).message).toBe(`${fifo}: expected the watch ledger to be a regular file, got a named pipe (FIFO); move it away or name another path`);
    mkdirSync(join(box.dir, 'runs.jsonl'));
    await expect(readRunLog(join(box.dir, 'runs.jsonl'))).rejects.toThrow(/expected the run log to be a regular file, got a folder/);
    await expect(openLedger(fifo)).rejects.toThrow(/got a named pipe \(FIFO\)/);
  });
});

describe('the files a user names or uptake keeps, when they are FIFOs, folders or devices', () => {
  it('readRegularFile and readRegularFileSync refuse them with the kind asked for, and read a regular file', async () => {
    const fifo = join(box.dir, 'uptake.config.json');
    makeFifo(fifo);
    await expect(readRegularFile(fifo, 'the config file', 'config')).rejects.toMatchObject({
      exitCode: 4,
      message: `${fifo}: expected the config file to be a regular file, got a named pipe (FIFO); move it away or name another path`,
    });
    expect(() => readRegularFileSync(fifo, 'the report template', 'render')).toThrow(`${fifo}: expected the report template to be a regular file, got a named pipe (FIFO)`);
    expect(() => readRegularFileSync('/dev/zero', 'the report template', 'render')).toThrow('got a character device');
    writeFileSync(join(box.dir, 'page.hbs'), '<p>{{x}}</p>');
    expect(readRegularFileSync(join(box.dir, 'page.hbs'), 'the report template', 'render')).toBe('<p>{{x}}</p>');
    await expect(readRegularFile(join(box.dir, 'missing.json'), 'the config file', 'config')).rejects.toMatchObject({ code: 'ENOENT' });
    // a caller that takes pipes waits for a writer a while, then says none came
    await expect(readRegularFile(fifo, 'the config file', 'config', { pipeWaitMs: 200 })).rejects.toMatchObject({
      exitCode: 4,
      message: `${fifo}: expected the config file, got a named pipe (FIFO) that no process wrote to for 0.2 s; name a regular file, or write to the pipe`,
    });
  });

  it('appendRun refuses a run log that is a FIFO nobody reads or a folder (exit 12) instead of blocking or failing as the environment', async () => {
    const entry = { event: 'start', runId: 'a', at: '2026-11-23T06:00:00.000Z', reason: 'schedule', pid: 11, host: 'box' } as const;
    const fifo = join(box.dir, 'runs.jsonl');
    makeFifo(fifo);
    await expect(appendRun(fifo, entry)).rejects.toMatchObject({ exitCode: 12, message: `${fifo}: expected the run log to be a regular file, got a named pipe (FIFO); move it away or name another output folder` });
    mkdirSync(join(box.dir, 'folder.jsonl'));
    await expect(appendRun(join(box.dir, 'folder.jsonl'), entry)).rejects.toMatchObject({ exitCode: 12, message: expect.stringContaining('got a folder') });
    await appendRun(join(box.dir, 'plain.jsonl'), entry);
    await appendRun(join(box.dir, 'plain.jsonl'), { ...entry, runId: 'b' });
    expect((await readRunLog(join(box.dir, 'plain.jsonl'))).map((line) => (line as { runId?: string }).runId)).toEqual(['a', 'b']);
  });

  it('expectFileKinds names the first entry that is not what it should be; missing entries pass', async () => {
    const fifo = join(box.dir, 'uptake.duckdb');
    makeFifo(fifo);
    mkdirSync(join(box.dir, 'rows'));
    const entries = [
      { path: join(box.dir, 'none.duckdb'), expected: 'the warehouse, a DuckDB file' },
      { path: join(box.dir, 'rows'), expected: 'a folder of rows', folder: true },
      { path: fifo, expected: 'the warehouse, a DuckDB file' },
    ];
    await expect(expectFileKinds(entries, 'warehouse')).rejects.toMatchObject({ exitCode: 8, message: `${fifo}: expected the warehouse, a DuckDB file, got a named pipe (FIFO); move it away or name another path` });
    await expect(expectFileKinds(entries.slice(0, 2), 'warehouse')).resolves.toBeUndefined();
    await expect(expectFileKinds([{ path: join(box.dir, 'rows'), expected: 'a DuckDB file' }], 'output')).rejects.toThrow('got a folder');
  });
});
