import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFolder, replaceDirAtomic, writeFileAtomic } from '../../src/util/atomic-write.js';
import { UptakeError } from '../../src/errors.js';
import { IS_ROOT, NOT_ROOT_REASON, makeDeviceNode, makeFifo, mountSmallDisk, undoneAfterEach } from '../helpers/special-files.js';

const { folder, later } = undoneAfterEach();

async function failure(promise: Promise<unknown>): Promise<UptakeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UptakeError);
  return error as UptakeError;
}

// A real reader on the FIFO: `cat` copies what arrives to its stdout until the writer closes.
function readFifo(path: string): Promise<string> {
  const reader = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  reader.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    reader.on('error', reject);
    reader.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('writeFileAtomic on paths that are not regular files', () => {
  it.skipIf(!IS_ROOT)(`writes a character device in place and leaves it a device (${NOT_ROOT_REASON})`, async () => {
    const dir = folder();
    const device = join(dir, 'null');
    makeDeviceNode(device, 'char');
    await writeFileAtomic(device, 'file,line,reason\n');
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(statSync(device).rdev).toBe(statSync('/dev/null').rdev);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('writes /dev/null in place', async () => {
    await writeFileAtomic('/dev/null', 'anything');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes a FIFO in place for the process reading it, and it stays a FIFO', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    makeFifo(fifo);
    const received = readFifo(fifo);
    // The reader must have the FIFO open before a non-blocking writer can: retry until `cat` is there.
    let error: unknown;
    for (let attempt = 0; attempt < 500; attempt += 1) {
      error = await writeFileAtomic(fifo, 'a,b\n1,2\n').then(() => undefined, (caught: unknown) => caught);
      if (!(error instanceof UptakeError && /no process is reading/.test(error.message))) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(error).toBeUndefined();
    expect(await received).toBe('a,b\n1,2\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('refuses a FIFO nobody reads instead of blocking, and leaves it a FIFO', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    makeFifo(fifo);
    const error = await failure(writeFileAtomic(fifo, 'x'));
    expect(error.kind).toBe('output');
    expect(error.exitCode).toBe(12);
    expect(error.message).toBe(`${fifo}: expected a regular file (or a new one), a character device or a FIFO to write, got a FIFO that no process is reading; nothing was written`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a folder and leaves its files alone', async () => {
    const dir = folder();
    const target = join(dir, 'quarantine.csv');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    const error = await failure(writeFileAtomic(target, 'x'));
    expect(error.message).toBe(`${target}: expected a regular file (or a new one), a character device or a FIFO to write, got a folder; nothing was written`);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['quarantine.csv']);
  });

  it.skipIf(!IS_ROOT)(`refuses a block device, also through a symlink, and leaves it a device (${NOT_ROOT_REASON})`, async () => {
    const dir = folder();
    const device = join(dir, 'disk');
    makeDeviceNode(device, 'block');
    symlinkSync(device, join(dir, 'link'));
    expect((await failure(writeFileAtomic(device, 'x'))).message).toContain('got a block device;');
    expect((await failure(writeFileAtomic(join(dir, 'link'), 'x'))).message).toContain('got a symlink to a block device;');
    expect(statSync(device).isBlockDevice()).toBe(true);
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
  });

  it('replaces a symlinked regular file at its target and keeps the link', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync(join(dir, 'real.json'), join(dir, 'ledger.json'));
    await writeFileAtomic(join(dir, 'ledger.json'), 'new');
    expect(lstatSync(join(dir, 'ledger.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'ledger.json'))).toBe(join(dir, 'real.json'));
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['ledger.json', 'real.json']);
  });

  it('refuses a dangling symlink and a symlink loop', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    expect((await failure(writeFileAtomic(join(dir, 'dangling'), 'x'))).message).toContain('got a symlink to nothing (dangling);');
    expect((await failure(writeFileAtomic(join(dir, 'loop-a'), 'x'))).message).toContain('got a symlink loop;');
    expect(readdirSync(dir).sort()).toEqual(['dangling', 'loop-a', 'loop-b']);
  });
});

describe('writeFileAtomic when the disk says no', () => {
  it.skipIf(!IS_ROOT)(`a full disk is UptakeError('output') naming the path and ENOSPC, with no temporary file left (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 64 });
    later(disk.unmount);
    const target = join(disk.path, 'quarantine.csv');
    const error = await failure(writeFileAtomic(target, 'x'.repeat(512 * 1024)));
    expect(error.exitCode).toBe(12);
    expect(error.message).toBe(`${target}: cannot write: no space left on device (ENOSPC)`);
    expect(readdirSync(disk.path)).toEqual([]);
  });

  it.skipIf(!IS_ROOT)(`a read-only folder is UptakeError('output') naming the path and EROFS, the old file kept (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 64 });
    later(disk.unmount);
    const target = join(disk.path, 'ledger.json');
    writeFileSync(target, 'old');
    disk.makeReadOnly();
    const error = await failure(writeFileAtomic(target, 'new'));
    expect(error.kind).toBe('output');
    expect(error.message).toBe(`${target}: cannot write: read-only file system (EROFS)`);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});

describe('ensureFolder when the disk says no', () => {
  it.skipIf(!IS_ROOT)(`a folder (and its parents) to make on a read-only file system says EROFS at the first folder it cannot make, not ENOENT (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 64 });
    later(disk.unmount);
    disk.makeReadOnly();
    const target = join(disk.path, 'out', '2026', '.uptake');
    const error = await failure(ensureFolder(target));
    expect(error.kind).toBe('output');
    expect(error.message).toBe(`${target}: cannot write (${join(disk.path, 'out')}): read-only file system (EROFS)`);
    expect(readdirSync(disk.path)).toEqual([]);
  });
});

describe('replaceDirAtomic', () => {
  it.skipIf(!IS_ROOT)(`refuses a week path that is a device or a FIFO before building, and leaves it as it was (${NOT_ROOT_REASON})`, async () => {
    const dir = folder();
    makeDeviceNode(join(dir, 'device'), 'char');
    makeFifo(join(dir, 'fifo'));
    let built = 0;
    const build = async () => {
      built += 1;
    };
    expect((await failure(replaceDirAtomic(join(dir, 'device'), build))).message).toBe(
      `${join(dir, 'device')}: expected a folder (or a new one) to write, got a character device; nothing was written`,
    );
    expect((await failure(replaceDirAtomic(join(dir, 'fifo'), build))).message).toContain('got a named pipe (FIFO);');
    expect(built).toBe(0);
    expect(statSync(join(dir, 'device')).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['device', 'fifo']);
  });

  // The output folder deleted (or cleaned by a tidy-up job) while a run built its report: the step after it failed
  // with its own story (the notebook's cell could not read metrics.json: exit 5, naming a cell).
  it('a staging folder removed while the folder is built fails as an output error (exit 12) saying so, whatever failed next', async () => {
    const dir = folder();
    const week = join(dir, 'out', '2026-W47');
    const error = await failure(replaceDirAtomic(week, async (staging) => {
      writeFileSync(join(staging, 'metrics.json'), '{}');
      rmSync(join(dir, 'out'), { recursive: true });
      // the failing step saves what it has where it was writing (the partial notebook): a new folder of that name
      mkdirSync(staging, { recursive: true });
      writeFileSync(join(staging, 'report.ipynb'), '{}');
      throw new UptakeError('notebook', 'cell 4 failed: expected a metrics document (JSON) to read');
    }));
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).exitCode).toBe(12);
    expect(error.message).toMatch(new RegExp(`^${week}: expected the staging folder ${join(dir, 'out')}/\\.2026-W47\\.[0-9a-f]{12}\\.tmp to stay while the report was built in it, but it was removed \\(the output folder deleted or cleaned during the run\\?\\); nothing was published$`));
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('replaces a symlinked folder at its target and keeps the link', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'old.txt'), 'old');
    symlinkSync(join(dir, 'real'), join(dir, '2026-W47'));
    await replaceDirAtomic(join(dir, '2026-W47'), async (staging) => writeFileSync(join(staging, 'new.txt'), 'new'));
    expect(lstatSync(join(dir, '2026-W47')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'real'))).toEqual(['new.txt']);
    expect(readdirSync(dir).sort()).toEqual(['2026-W47', 'real']);
  });

  it('asks `replaceable` about the folder there before building and again just before the swap: a refusal leaves it as it is, and no staging folder', async () => {
    const dir = folder();
    const week = join(dir, '2026-W47');
    mkdirSync(week);
    writeFileSync(join(week, 'report.pdf'), 'old');
    const asked: string[] = [];
    const replaceable = async (target: string) => {
      asked.push(readdirSync(target).join(','));
      if (readdirSync(target).includes('notes.txt')) throw new UptakeError('output', 'not a report folder');
    };
    // a file put there while the folder is built (after the first question) is seen by the second
    const error = await failure(replaceDirAtomic(week, async (staging) => {
      writeFileSync(join(staging, 'report.pdf'), 'new');
      writeFileSync(join(week, 'notes.txt'), 'mine');
    }, { replaceable }));
    expect(error.message).toBe('not a report folder');
    expect(asked).toEqual(['report.pdf', 'notes.txt,report.pdf']);
    expect(readdirSync(week).sort()).toEqual(['notes.txt', 'report.pdf']);
    expect(readFileSync(join(week, 'report.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['2026-W47']);
  });

  it.skipIf(!IS_ROOT)(`a full disk while building names the week's file and ENOSPC, and leaves the old folder (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 64 });
    later(disk.unmount);
    const week = join(disk.path, '2026-W47');
    mkdirSync(week);
    writeFileSync(join(week, 'report.pdf'), 'old');
    const error = await failure(replaceDirAtomic(week, async (staging) => writeFileSync(join(staging, 'report.pdf'), Buffer.alloc(512 * 1024))));
    expect(error.exitCode).toBe(12);
    expect(error.message).toBe(`${week}: cannot write: no space left on device (ENOSPC)`);
    expect(readdirSync(disk.path)).toEqual(['2026-W47']);
    expect(readFileSync(join(week, 'report.pdf'), 'utf8')).toBe('old');
  });
});
