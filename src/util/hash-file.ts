import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';

/**
 * A file's SHA-256 and its stamp: its identity as stat sees it (device, inode, size, mtime and ctime in
 * nanoseconds) while those bytes were read. A later run that finds the same stamp has the same bytes without
 * reading them (as git and make trust a file's stat): every write moves ctime, which no user can set back.
 * The stamp is null when it cannot vouch for the bytes: the file changed while it was read, or less than
 * SETTLED_MS before (a write in the same clock tick as the stat could leave the same stamp on other bytes:
 * git's "racily clean" entries).
 */
export interface HashedFile {
  sha256: string;
  stamp: string | null;
}

/** How long ago a file's last change must be for its stamp to vouch for its bytes. */
export const SETTLED_MS = 2_000;

/** Hashes this process computed, by stamp and path: a run hashes its inputs for the store's ledger and again for the manifest. */
const known = new Map<string, Promise<HashedFile>>();

/**
 * SHA-256 of a file's bytes, streamed (input files can be large), with its stamp. `vouched`: the hash and stamp a
 * store's ledger keeps of the file; when the file's stamp is still that one, its hash is taken without a read.
 * A file hashed before in this process and unchanged since is not read again either.
 * @example await hashFileStamped('data/ai_logs_2026-W47.csv', { sha256: 'e3b0c442…', stamp: '2049:1311:…' })
 */
export async function hashFileStamped(path: string, vouched?: { sha256: string; stamp: string | null }): Promise<HashedFile> {
  const asked = Date.now();
  const stamp = await stampOf(path);
  const key = `${stamp}\u0000${path}`;
  let hashed = known.get(key);
  if (!hashed) {
    hashed = vouched?.stamp === stamp ? Promise.resolve({ sha256: vouched.sha256, stamp }) : digest(path, stamp, asked);
    known.set(key, hashed);
    hashed.catch(() => known.delete(key));
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

async function stampOf(path: string): Promise<string> {
  const { dev, ino, size, mtimeNs, ctimeNs } = await stat(path, { bigint: true });
  return [dev, ino, size, mtimeNs, ctimeNs].join(':');
}

// `asked`: when the stamp was taken (a change a moment before it may share its stamp with the next one)
async function digest(path: string, before: string, asked: number): Promise<HashedFile> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  const ctimeMs = Number(BigInt(before.split(':')[4]) / 1_000_000n);
  const settled = ctimeMs <= asked - SETTLED_MS && (await stampOf(path)) === before;
  return { sha256, stamp: settled ? before : null };
}
