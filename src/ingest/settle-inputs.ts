import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { printable } from '../util/some-names.js';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { UptakeError } from '../errors.js';
import { fileKind } from '../util/file-kind.js';
import { discoverFiles, kindOfFileName, readableFile, type InputFile } from './discover-files.js';
import { plainFileEnd, type Completeness } from './file-is-complete.js';

/** An input file as it was when it had settled: what a reader compares with after reading it. */
export interface SettledFile extends InputFile {
  /** Modification time in nanoseconds since the epoch. */
  mtimeNs: bigint;
}

export interface SettleOptions {
  /** A file has settled once its size and mtime have not changed for this long (config `inputSettle.quietMs`). */
  quietMs: number;
  /** How long to wait for every file to settle before giving up (config `inputSettle.maxWaitMs`). */
  maxWaitMs: number;
  /** Progress lines: one when a file is waited for. */
  log?: (line: string) => void;
  /** Stops the wait (the run was aborted). */
  signal?: AbortSignal;
  /** The wall clock (epoch ms) file times are compared with; default Date.now. */
  clock?: () => number;
}

// A copy still under way reads as a shorter, complete-looking file: the report would be built (and mailed)
// from half of it. As `uptake watch` does, a file counts once its size and mtime have been quiet for
// `quietMs`: by its mtime (a file changed long ago costs no wait), or, for an mtime in the future (a clock
// ahead on a file server), by watching it stay the same that long. The folder is listed again at each look,
// so a file that lands while others are waited for is waited for too. A copy that stalls halfway is quiet too:
// a quiet plain file counts once its last record is whole (plainFileEnd, as `uptake watch` checks its files).
/**
 * The input files of a folder (as discoverFiles lists them) once none has changed for `quietMs` and every plain one
 * ends with a whole record; a file still changing, or still cut short, after `maxWaitMs` stops the command
 * (UptakeError `input`, naming it).
 * @example await settledInputFiles('data/sample', { quietMs: 2000, maxWaitMs: 60000, log: console.error })
 */
export async function settledInputFiles(inputDir: string, options: SettleOptions): Promise<SettledFile[]> {
  const clock = options.clock ?? Date.now;
  const began = clock();
  const pollMs = Math.max(10, Math.min(250, Math.floor(options.quietMs / 4)));
  /** Per path: the size and mtime last seen, and when they were first seen so. */
  const looks = new Map<string, { key: string; since: number; end?: Completeness }>();
  const announced = new Set<string>();
  for (;;) {
    const files = await stampedInputFiles(inputDir);
    const now = clock();
    const changing: Array<{ file: SettledFile; agoMs: number; cut?: string }> = [];
    for (const file of files) {
      const key = `${file.bytes}:${file.mtimeNs}`;
      const look = looks.get(file.path);
      if (look?.key !== key) looks.set(file.path, { key, since: now });
      const agoMs = now - Number(file.mtimeNs / 1_000_000n);
      const quietForMs = Math.max(agoMs, now - looks.get(file.path)!.since);
      if (quietForMs < options.quietMs) changing.push({ file, agoMs });
      else {
        // a quiet plain file must end with a whole record (its end is read once per size and mtime)
        const look = looks.get(file.path)!;
        look.end ??= options.quietMs > 0 && !file.path.endsWith('.gz') ? await plainFileEnd(file.path, file.bytes) : { complete: true };
        if (!look.end.complete) changing.push({ file, agoMs, cut: look.end.why });
      }
    }
    if (changing.length === 0) return files;
    const waitedMs = now - began;
    const { file, agoMs, cut } = changing[0];
    if (waitedMs >= options.maxWaitMs && cut !== undefined) {
      throw new UptakeError(
        'input',
        `expected an input file that ends with a whole record (a line end, or as many fields as its header), but after a wait of ${seconds(waitedMs)} s (inputSettle.maxWaitMs) ${cut}. Is it still being copied? Nothing was read from the input, no report was made. If the file is whole as it is, end it with a line break (its last record is then read, or quarantined, as any other)`,
        { file: file.path },
      );
    }
    if (waitedMs >= options.maxWaitMs) {
      throw new UptakeError(
        'input',
        `expected an input file that stopped changing (quiet for ${seconds(options.quietMs)} s, inputSettle.quietMs), but it was still changing after a wait of ${seconds(waitedMs)} s (inputSettle.maxWaitMs): it changed ${seconds(Math.max(0, agoMs))} s ago. Is it still being written? Nothing was read from the input, no report was made`,
        { file: file.path },
      );
    }
    for (const { file: waiting, agoMs: ago, cut: why } of changing) {
      if (announced.has(waiting.path)) continue;
      announced.add(waiting.path);
      options.log?.(
        why === undefined
          ? `waiting for ${printable(waiting.path)}: it changed ${seconds(Math.max(0, ago))} s ago (waiting until it is quiet for ${seconds(options.quietMs)} s, at most ${seconds(options.maxWaitMs)} s)`
          : `waiting for ${printable(waiting.path)}: ${why}, as a copy still under way (waiting at most ${seconds(options.maxWaitMs)} s for the rest)`,
      );
    }
    await sleepFor(Math.min(pollMs, Math.max(1, options.maxWaitMs - waitedMs)), undefined, { signal: options.signal });
  }
}

// A file read while it changed gives rows of no one moment: the report must not be built from them. Each
// file is looked at on its own, so that the one that changed is the one named (a file replaced by a link to a
// device or by a FIFO is that file, not the next one in the folder).
/**
 * Checks that the folder's input files are still those `settled` lists, each a regular file with the same size
 * and mtime; else UptakeError `input` naming the first file that changed, appeared or went while the input was read.
 * @example await assertInputsUnchanged('data/sample', await settledInputFiles('data/sample', settle))
 */
export async function assertInputsUnchanged(inputDir: string, settled: SettledFile[]): Promise<void> {
  const changed = (file: string, what: string, then = 'Is it still being written? No report was made from it; run again once it is complete') =>
    new UptakeError('input', `expected the input files to stay the same while they were read, but this one ${what}. ${then}`, { file });
  for (const before of settled) {
    const after = await stat(before.path, { bigint: true }).catch(() => null);
    if (!after) throw changed(before.path, 'disappeared');
    if (!after.isFile()) {
      const link = await lstat(before.path).catch(() => null);
      const now = link?.isSymbolicLink() ? `a symbolic link to ${fileKind(after)}` : fileKind(after);
      throw changed(before.path, `was replaced by ${now}, not a regular file`, 'No report was made from it; put the CSV export back and run again');
    }
    if (Number(after.size) !== before.bytes) throw changed(before.path, `changed size from ${before.bytes} to ${after.size} bytes`);
    if (after.mtimeNs !== before.mtimeNs) throw changed(before.path, 'was modified (its size is the same, its mtime moved)');
  }
  const known = new Set(settled.map((file) => file.name));
  const names = await readdir(inputDir).catch(() => [] as string[]);
  const added = names.sort().find((name) => kindOfFileName(name) !== null && !known.has(name));
  if (added !== undefined) throw changed(join(inputDir, added), 'appeared');
}

// The folder's input files with their size and mtime in nanoseconds (one stat each).
async function stampedInputFiles(inputDir: string): Promise<SettledFile[]> {
  const files = await discoverFiles(inputDir);
  return Promise.all(
    files.map(async (file) => {
      const info = await stat(file.path, { bigint: true }).catch(async (error: unknown) => {
        await readableFile(file.path); // says what the path is now (gone, a dangling link, ...)
        throw error;
      });
      return { ...file, bytes: Number(info.size), mtimeNs: info.mtimeNs };
    }),
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
