import type { BigIntStats } from 'node:fs';
import { createHash } from 'node:crypto';
import { atMost } from './at-most.js';
import { openInputFile } from './open-regular-file.js';

/**
 * A file's SHA-256 and its stamp: its identity as stat sees it (device, inode, size, mtime and ctime in
 * nanoseconds) while those bytes were read. A later run that finds the same stamp has the same bytes without
 * reading them (as git and make trust a file's stat): a write moves mtime and ctime, and ctime cannot be set by
 * a program. The stamp is null when it cannot vouch for the bytes: the file changed while it was read, or less
 * than SETTLED_MS before by its own times (a write in the same clock tick as the stat could leave the same stamp
 * on other bytes: git's "racily clean" entries).
 */
export interface HashedFile {
  sha256: string;
  stamp: string | null;
  /** The file's identity when it was hashed (the stamp, settled or not): a reader compares it with identityOf after reading. */
  seen: string;
}

/** How long ago a file's last change must be for its stamp to vouch for its bytes. */
export const SETTLED_MS = 2_000;

/**
 * Files looked at (opened for their identity, or read for their hash) at once: each holds a file descriptor, and
 * an input folder of years of daily exports would otherwise run out of them under a usual `ulimit -n` of 1024
 * (EMFILE).
 */
const FILES_AT_ONCE = 16;
const inTurn = atMost(FILES_AT_ONCE);

/**
 * Hashes this process computed, by stamp and path: a run hashes its inputs for the store's ledger and again for
 * the manifest. Only settled ones: a file hashed moments after a change could change again under the same identity.
 */
const known = new Map<string, Promise<HashedFile>>();

/**
 * SHA-256 of a file's bytes, streamed (input files can be large), with its stamp. `vouched`: the hash and stamp a
 * store's ledger keeps of the file; when the file's stamp is still that one, its hash is taken without a read.
 * A file hashed before in this process and unchanged since is not read again either.
 * @example await hashFileStamped('data/ai_logs_2026-W47.csv', { sha256: 'e3b0c442…', stamp: '2049:1311:…' })
 */
export async function hashFileStamped(path: string, vouched?: { sha256: string; stamp: string | null }): Promise<HashedFile> {
  const identity = await inTurn(() => identityOf(path));
  const key = `${identity}\u0000${path}`;
  let hashed = known.get(key);
  if (!hashed) {
    hashed = vouched?.stamp === identity ? Promise.resolve({ sha256: vouched.sha256, stamp: identity, seen: identity }) : inTurn(() => digest(path));
    known.set(key, hashed);
    hashed.then((result) => result.stamp === null && known.delete(key), () => known.delete(key));
  }
  return hashed;
}

/**
 * SHA-256 of a file's bytes (see hashFileStamped).
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export async function hashFile(path: string): Promise<string> {
  return (await hashFileStamped(path)).sha256;
}

/**
 * A file's identity as stat sees it now (device, inode, size, mtime and ctime in nanoseconds), as HashedFile keeps it:
 * from the opened file (a network file system checks an opened file's attributes, where a bare stat may answer from
 * its cache).
 * @example await identityOf('data/ai_logs_2026-W47.csv') // '2049:1311:52011:1764…:1764…'
 */
export async function identityOf(path: string): Promise<string> {
  const { handle } = await openInputFile(path);
  try {
    return identityIn(await handle.stat({ bigint: true }));
  } finally {
    await handle.close();
  }
}

const identityIn = ({ dev, ino, size, mtimeNs, ctimeNs }: BigIntStats) => [dev, ino, size, mtimeNs, ctimeNs].join(':');

// The bytes through one open handle, its identity from that handle (see identityOf), and the path's identity once
// read: unchanged, and last changed SETTLED_MS before the hashing began, it is the stamp.
async function digest(path: string): Promise<HashedFile> {
  const began = Date.now();
  const { handle } = await openInputFile(path);
  let before: BigIntStats;
  const hash = createHash('sha256');
  try {
    before = await handle.stat({ bigint: true });
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  const seen = identityIn(before);
  const changedMs = Number((before.mtimeNs > before.ctimeNs ? before.mtimeNs : before.ctimeNs) / 1_000_000n);
  const settled = changedMs <= began - SETTLED_MS && (await identityOf(path)) === seen;
  return { sha256: hash.digest('hex'), stamp: settled ? seen : null, seen };
}
