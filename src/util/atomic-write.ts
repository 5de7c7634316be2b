import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, basename, resolve as resolvePath } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UptakeError, isSystemError, outputError } from '../errors.js';
import { fileKind } from './file-kind.js';
import { isReaderGone } from './reader-gone.js';
import { ownedTempPath, removeDeadWritersTemps } from './owned-temp-file.js';
import { makeFolder } from './make-folder.js';

// This process's own stdout and stderr may be sockets (a parent's pipe), which no open() reaches:
// they are written through the process's streams.
const STANDARD_STREAMS: Record<string, 'stdout' | 'stderr'> = {
  '/dev/stdout': 'stdout',
  '/dev/fd/1': 'stdout',
  '/proc/self/fd/1': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/2': 'stderr',
};

// A reader that stopped reading (`--out /dev/stdout | head`) is not a failure: what it no longer reads is dropped.
async function writeStream(target: Extract<OutputTarget, { kind: 'stream' }>, data: FileData): Promise<void> {
  const stream = target.stream === 'stdout' ? process.stdout : process.stderr;
  for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) {
    await new Promise<void>((resolve, reject) => stream.write(piece, (error) => (error && !isReaderGone(error) ? reject(outputError(target.path, error)) : resolve())));
  }
}

/**
 * What writeFileAtomic writes: text, bytes, or bytes in pieces written one after the other (output larger than one
 * string may be); pieces from a generator are made as they are written, so the whole file is never held.
 */
export type FileData = string | Uint8Array | Iterable<Uint8Array>;

/** How an output path is written: replaced by a rename, written in place, or refused (with the reason). */
export type OutputTarget =
  | { kind: 'replace'; path: string }
  | { kind: 'in-place'; path: string; what: 'character device' | 'FIFO' | 'file behind /dev or /proc' }
  | { kind: 'stream'; path: string; stream: 'stdout' | 'stderr' }
  | { kind: 'refuse'; path: string; reason: string };

// A rename over /dev/null or a FIFO would replace the node with a regular file: only regular files
// (or nothing yet) are replaced; character devices and FIFOs are written in place; the rest is refused.
/**
 * Decides how `path` may be written, following symlinks (a symlink to a regular file is replaced at its target).
 * @example await outputTarget('/dev/null') // { kind: 'in-place', path: '/dev/null', what: 'character device' }
 */
export async function outputTarget(path: string): Promise<OutputTarget> {
  const stream = STANDARD_STREAMS[resolvePath(path)];
  if (stream) return { kind: 'stream', path, stream };
  let link: Stats;
  try {
    link = await lstat(path);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return { kind: 'replace', path };
    throw outputError(path, error);
  }
  let target: Stats;
  try {
    target = link.isSymbolicLink() ? await stat(path) : link;
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ELOOP')) {
      return { kind: 'refuse', path, reason: error.code === 'ENOENT' ? 'a symlink to nothing (dangling)' : 'a symlink loop' };
    }
    throw outputError(path, error);
  }
  const via = link.isSymbolicLink() ? 'a symlink to ' : '';
  // `/dev/stdout` redirected to a file (`>` or `>>`) means this process's descriptor: append there,
  // never rename over the file the shell opened.
  if (target.isFile() && link.isSymbolicLink() && /^\/(dev|proc)\//.test(resolvePath(path))) return { kind: 'in-place', path, what: 'file behind /dev or /proc' };
  if (target.isFile()) return { kind: 'replace', path: link.isSymbolicLink() ? await realpath(path) : path };
  if (target.isCharacterDevice()) return { kind: 'in-place', path, what: 'character device' };
  if (target.isFIFO()) return { kind: 'in-place', path, what: 'FIFO' };
  return { kind: 'refuse', path, reason: `${via}${fileKind(target)}` };
}

function refusal(path: string, reason: string): UptakeError {
  return new UptakeError('output', `expected a regular file (or a new one), a character device or a FIFO to write, got ${reason}; nothing was written`, {
    file: path,
  });
}

// A FIFO nobody reads would block the run for ever: open it without blocking first (ENXIO: no reader),
// and keep that end open while writing, or the reader would see its close as the end of the data.
async function writeInPlace(target: Extract<OutputTarget, { kind: 'in-place' }>, data: FileData): Promise<void> {
  let probe: FileHandle | undefined;
  try {
    if (target.what === 'FIFO') probe = await open(target.path, constants.O_WRONLY | constants.O_NONBLOCK);
    await writeFile(target.path, data, { flag: 'a' }); // O_TRUNC would empty a `>>` log behind /dev/stdout; devices and FIFOs ignore it
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENXIO') throw refusal(target.path, 'a FIFO that no process is reading');
    throw outputError(target.path, error);
  } finally {
    await probe?.close();
  }
}

/**
 * Creates a folder and its parents (makeFolder); a failure is UptakeError('output') naming the folder and the errno.
 * @example await ensureFolder('output/.uptake')
 */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await makeFolder(path);
  } catch (error) {
    throw outputError(path, error);
  }
}

// A reader never sees half a file: write beside the target, then rename over it. The temp file is named
// after this process, so a write to the same target after a kill -9 mid-write removes it.
/**
 * Writes `data` (its pieces in turn, when an array) to `path`: a regular file is replaced atomically, a character device (`/dev/null`,
 * `/dev/stdout` on a terminal), a FIFO with a reader or a file reached through `/dev/stdout`
 * (or another link under /dev or /proc) is written in place, appended, and a folder, a block
 * device, a socket or a dangling symlink is refused with UptakeError('output'), as is any
 * system failure (full disk, read-only folder), naming the path. Temp files that writers of `path` killed
 * mid-write left beside it are removed first (removeDeadWritersTemps).
 * @example await writeFileAtomic('output/2026-W47/metrics.json', json)
 */
export async function writeFileAtomic(path: string, data: FileData): Promise<void> {
  const target = await outputTarget(path);
  if (target.kind === 'refuse') throw refusal(path, target.reason);
  if (target.kind === 'in-place') return writeInPlace(target, data);
  if (target.kind === 'stream') return writeStream(target, data);
  const temporary = ownedTempPath(target.path);
  await ensureFolder(dirname(target.path));
  await removeDeadWritersTemps(target.path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (isSystemError(error) && error.path === temporary) error.path = target.path; // the temporary name means nothing to a reader
    throw outputError(path, error);
  }
}

// A folder appears whole or not at all: build it under a temporary name, then swap it in.
/**
 * Builds a directory with `build(tempDir)` and moves it to `path`, replacing an older one. A `path`
 * that exists and is not a folder is refused before anything is built; a symlink to a folder is
 * replaced at its target. System failures while building or swapping (full disk, read-only folder)
 * become UptakeError('output') naming the path. `replaceable`, when given, is asked about the folder there
 * (the link's target), before the build and again just before the swap, and throws to leave it as it is.
 * @example await replaceDirAtomic('output/2026-W47', async (dir) => writeFile(join(dir, 'a.txt'), 'a'))
 */
export async function replaceDirAtomic(path: string, build: (tempDir: string) => Promise<void>, options: { replaceable?: (folder: string) => Promise<void> } = {}): Promise<void> {
  const target = await folderTarget(path);
  const replaceable = options.replaceable ?? (async () => {});
  await replaceable(target);
  const parent = dirname(target);
  const suffix = randomBytes(6).toString('hex');
  const staging = join(parent, `.${basename(target)}.${suffix}.tmp`);
  const retired = join(parent, `.${basename(target)}.${suffix}.old`);
  await ensureFolder(parent);
  // (held open while the folder is built: a folder removed meanwhile has no links left, even when a new one took its name)
  let held: FileHandle | undefined;
  try {
    await mkdir(staging);
    held = await open(staging, constants.O_RDONLY | constants.O_DIRECTORY).catch(() => undefined);
  } catch (error) {
    throw outputError(path, error);
  }
  try {
    await build(staging);
  } catch (error) {
    // (a staging folder removed under the build fails it in whatever step came next, a notebook cell reading its
    // metrics.json, say: the removal is the cause to report, not that step; a step that wrote there after it, the
    // partial notebook, made a new folder in its place)
    const removed = held !== undefined && (await held.stat().then((folder) => folder.nlink === 0, () => false));
    await rm(staging, { recursive: true, force: true });
    if (removed) {
      throw new UptakeError('output', `expected the staging folder ${staging} to stay while the report was built in it, but it was removed (the output folder deleted or cleaned during the run?); nothing was published`, { file: path, cause: error });
    }
    throw stagingError(error, staging, path);
  } finally {
    await held?.close().catch(() => undefined);
  }
  let hadOld = false;
  try {
    await replaceable(target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    try {
      await rename(target, retired);
      hadOld = true;
    } catch (error) {
      if (!isSystemError(error) || error.code !== 'ENOENT') throw error;
    }
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (hadOld) await rename(retired, target).catch(() => undefined);
    throw outputError(path, error);
  }
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

// A system failure writing inside the staging folder (or a full, read-only disk) is the output's;
// others (a notebook that cannot be read) pass through as they are.
function stagingError(error: unknown, staging: string, path: string): unknown {
  if (!isSystemError(error)) return error;
  const inStaging = error.path !== undefined && error.path.startsWith(staging);
  if (!inStaging && !['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS'].includes(error.code)) return error;
  if (inStaging) error.path = join(path, error.path!.slice(staging.length));
  return outputError(path, error);
}

// The folder to swap: `path` itself, or the folder a symlink points to (the link stays).
async function folderTarget(path: string): Promise<string> {
  let link: Stats;
  try {
    link = await lstat(path);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return path;
    throw outputError(path, error);
  }
  let target: Stats;
  try {
    target = link.isSymbolicLink() ? await stat(path) : link;
  } catch (error) {
    throw new UptakeError('output', `expected a folder (or a new one) to write, got a symlink to nothing or a symlink loop; nothing was written`, {
      file: path,
      cause: error,
    });
  }
  if (!target.isDirectory()) {
    throw new UptakeError('output', `expected a folder (or a new one) to write, got ${link.isSymbolicLink() ? 'a symlink to ' : ''}${fileKind(target)}; nothing was written`, { file: path });
  }
  return link.isSymbolicLink() ? realpath(path) : path;
}
