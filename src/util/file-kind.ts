import type { BigIntStats, Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UptakeError, type UptakeErrorKind } from '../errors.js';

// Every message that says a path is not the regular file (or folder) it should be names what it is
// in the same words.
/**
 * What a file system entry is, in words: `a regular file`, `a folder`, `a named pipe (FIFO)`,
 * `a socket`, `a character device`, `a block device`, `a symbolic link`.
 * @example fileKind(await stat('/dev/null')) // 'a character device'
 */
export function fileKind(info: Stats | BigIntStats): string {
  if (info.isFile()) return 'a regular file';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * The error for a path that should be a regular file and is not, naming what it is and what to do:
 * `expected the run log to be a regular file, got a named pipe (FIFO); move it away or name another path`.
 * @example throw notRegularFile('out/.uptake/runs.jsonl', 'the run log', 'output', await stat(path), 'name another output folder')
 */
export function notRegularFile(path: string, what: string, kind: UptakeErrorKind, info: Stats, instead = 'name another path'): UptakeError {
  return new UptakeError(kind, `expected ${what} to be a regular file, got ${fileKind(info)}; move it away or ${instead}`, { file: path });
}

/**
 * Throws UptakeError(`kind`) naming the first of `entries` that exists but is not what it should be: a regular
 * file, or a folder where `folder` is set (a program that opens them itself, as DuckDB does, would wait on a
 * FIFO for good). Missing entries are fine.
 * @example await expectFileKinds([{ path: 'uptake.duckdb', expected: 'the warehouse, a DuckDB file' }], 'warehouse')
 */
export async function expectFileKinds(entries: Array<{ path: string; expected: string; folder?: boolean }>, kind: UptakeErrorKind): Promise<void> {
  for (const { path, expected, folder } of entries) {
    const info = await stat(path).catch(() => null);
    if (info === null || (folder ? info.isDirectory() : info.isFile())) continue;
    throw new UptakeError(kind, `expected ${expected}, got ${fileKind(info)}; move it away or name another path`, { file: path });
  }
}
