import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/automate/ledger.js';
import { readRunLog } from '../../src/automate/run-log.js';
import { UptakeError } from '../../src/errors.js';
import { readStateFile } from '../../src/util/read-state-file.js';
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
