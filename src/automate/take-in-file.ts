import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type Stats } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { isOutputSystemError, isSystemError, outputError } from '../errors.js';
import { openInputFile } from '../util/open-regular-file.js';
import { lastRecordProbe, unreadable } from '../ingest/file-is-complete.js';
import { makeFolder } from '../util/make-folder.js';

/** A file read once into the store: its content's hash and the private copy the runs read. */
export interface TakenFile {
  complete: true;
  sha256: string;
  bytes: number;
  /** `<store>/<sha256>/<name>`: the copy keeps the file's name (its kind and weeks are read from it). */
  copy: string;
  /** Size and mtime of the watched file when it was read. */
  size: number;
  mtimeMs: number;
}

/** A file not taken: `changing` when it moved while it was read (else its content is not whole). */
export type TakeIn = TakenFile | { complete: false; why: string; changing?: true };

// `uptake watch` reads a watched file once: that pass hashes it, copies it into the store (a copy the
// writer cannot touch: the run reads that) and checks that it reads to its end (gzip trailer, last
// record whole). A file whose size or mtime moved during the pass is not complete yet. A file the
// watcher gave up waiting for is read `asIs`: hashed and copied, its end not checked (the run judges it).
/**
 * Reads `path` once into `store` (by content hash), unless it is not whole yet (or, `asIs`, whatever its end).
 * @example await takeInFile('incoming/ai_logs_2026-W47.csv', 'output/.uptake/watch-snapshot/store') // { complete: true, sha256: 'e3b0…', copy: '…/store/e3b0…/ai_logs_2026-W47.csv', … }
 */
export async function takeInFile(path: string, store: string, options: { asIs?: boolean } = {}): Promise<TakeIn> {
  await makeFolder(store).catch((error: unknown) => {
    throw outputError(store, error);
  });
  const partial = join(store, `.incoming-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  const probe = lastRecordProbe();
  let bytes = 0;
  const checkEnd = options.asIs !== true;
  const gzip = path.endsWith('.gz');
  let before: Stats | undefined;
  try {
    // a file replaced by a FIFO since the folder was listed would block the read for good (openInputFile)
    const { handle, info } = await openInputFile(path);
    before = info;
    const source = handle.createReadStream();
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        if (checkEnd && !gzip) probe.add(chunk);
        done(null, chunk);
      },
    });
    const copying = pipeline(source, hashing, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    // A gzip file is checked on its decompressed bytes, from the same read (the stream feeds both).
    const probing = checkEnd && gzip
      ? pipeline(
          hashing,
          createGunzip(),
          new Writable({
            write(chunk: Buffer, _encoding, done) {
              probe.add(chunk);
              done();
            },
          }),
        )
      : Promise.resolve();
    await Promise.all([copying, probing]);
  } catch (error) {
    await rm(partial, { force: true });
    // The copy could not be written (a full or read-only disk): that says nothing of the file, which is not cut short
    if (isOutputSystemError(error) || (isSystemError(error) && error.path === partial)) throw outputError(store, error);
    if (before === undefined) return { complete: false, why: `it cannot be opened (${(error as Error).message})` };
    return unreadable(path, error);
  }
  const verdict = checkEnd ? probe.verdict() : { complete: true as const };
  const after = await stat(path).catch(() => null);
  if (verdict.complete && (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.size !== bytes)) {
    await rm(partial, { force: true });
    return { complete: false, why: 'it changed while it was read', changing: true };
  }
  if (!verdict.complete) {
    await rm(partial, { force: true });
    return verdict;
  }
  const sha256 = hash.digest('hex');
  const folder = join(store, sha256);
  const copy = join(folder, basename(path));
  try {
    await makeFolder(folder);
    await rename(partial, copy);
  } catch (error) {
    await rm(partial, { force: true });
    throw outputError(store, error);
  }
  return { complete: true, sha256, bytes, copy, size: before.size, mtimeMs: before.mtimeMs };
}
