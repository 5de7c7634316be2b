import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';

/** Hashes this process computed, by the file's identity as stat sees it (device, inode, size, mtime, ctime) and path. */
const known = new Map<string, Promise<string>>();

/**
 * SHA-256 of a file's bytes, streamed (input files can be large). A file hashed before in this process and unchanged
 * since (same inode, size, mtime and ctime) is not read again: a run with a store hashes its inputs for the store's ledger
 * and again for the manifest.
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export async function hashFile(path: string): Promise<string> {
  // ctime moves with every write, even one that puts the old mtime back
  const { dev, ino, size, mtimeMs, ctimeMs } = await stat(path);
  const key = JSON.stringify([dev, ino, size, mtimeMs, ctimeMs, path]);
  let hash = known.get(key);
  if (!hash) {
    known.set(key, (hash = digest(path)));
    hash.catch(() => known.delete(key));
  }
  return hash;
}

async function digest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
