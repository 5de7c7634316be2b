import { createHash, randomBytes } from 'node:crypto';
import { lstat, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pidIsAlive } from './pid-is-alive.js';

// A pid means something only on the host that wrote it (an output folder may be shared): the name says which.
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/** A temp file of an older version (`.<name>.<random>.tmp`), with no owner in its name, older than this is nobody's. */
const OWNERLESS_MAX_AGE_MS = 24 * 3_600_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A temporary name beside `target` that says who writes it (`.<name>.<pid>-<host>-<random>.tmp`), so
 * that once that process is gone, `removeDeadWritersTemps` knows the file is nobody's.
 * @example ownedTempPath('q/q.csv') // 'q/.q.csv.4242-3fa9c1-0a1b2c3d4e5f.tmp'
 */
export function ownedTempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${HOST_TAG}-${randomBytes(6).toString('hex')}.tmp`);
}

export interface RemoveDeadWritersOptions {
  isAlive?: (pid: number) => boolean;
  /** Milliseconds since the epoch, for the age of an older version's temp file; default Date.now(). */
  now?: number;
}

// A writer killed mid-write (kill -9, a power cut) leaves its temp file beside the target: the next write
// to that target removes it. A live writer's (its pid runs on this host) and another host's stay.
/**
 * Removes the temp files of `target`'s writers that are gone: `ownedTempPath` names of this host whose
 * pid is not running, and an older version's owner-less `.<name>.<random>.tmp` untouched for a day. A
 * file that cannot go is left (it must not stop the write). Returns the paths removed.
 * @example await removeDeadWritersTemps('q/q.csv') // ['q/.q.csv.4242-3fa9c1-0a1b2c3d4e5f.tmp']
 */
export async function removeDeadWritersTemps(target: string, options: RemoveDeadWritersOptions = {}): Promise<string[]> {
  const isAlive = options.isAlive ?? pidIsAlive;
  const now = options.now ?? Date.now();
  const name = escapeRegExp(basename(target));
  const owned = new RegExp(`^\\.${name}\\.(\\d+)-([0-9a-f]{6})-[0-9a-f]{12}\\.tmp$`);
  const ownerless = new RegExp(`^\\.${name}\\.[0-9a-f]{12,16}\\.tmp$`);
  const folder = dirname(target);
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const candidate of names) {
    const owner = owned.exec(candidate);
    if (owner ? owner[2] !== HOST_TAG || isAlive(Number(owner[1])) : !ownerless.test(candidate)) continue;
    const path = join(folder, candidate);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || (!owner && now - info.mtimeMs < OWNERLESS_MAX_AGE_MS)) continue;
    if (await rm(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}
