import { lstat, readlink, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Links followed at most (the kernel's own limit for a path, ELOOP beyond). */
const MAX_LINKS = 40;

/**
 * Where a chain of symbolic links ends (the path itself when it is no link), whether or not that end exists yet.
 * A program that keeps files beside the one it opens by name (DuckDB's `.wal`, the store's `.rows` and `.tmp`)
 * is given this path: what it keeps then sits beside the file, not beside a link to it, whatever name a run uses.
 * @example await followLinks('output/.uptake/store.duckdb') // '/data/uptake/store.duckdb' (a link to it)
 */
export async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let step = 0; step < MAX_LINKS; step += 1) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return current;
    // (a relative target is read from the folder the link really is in, as the system does: `..` after a folder
    // that is itself a link leads out of the folder it links to, not back along the path as written)
    const folder = await realpath(dirname(current)).catch(() => dirname(current));
    current = resolve(folder, await readlink(current));
  }
  // (a loop: opening it fails with the system's own words)
  return path;
}
