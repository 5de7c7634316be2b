import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

// Node's recursive mkdir never ends where a folder exists but the file system refuses any folder in it with ENOENT
// (/proc, /sys: it makes the parent again, finds it there, tries the child again, for good), and elsewhere reports
// ENOENT where the file system said EROFS or EACCES. Each missing folder is made once, from the top, and its own
// error is the one thrown.
/**
 * Creates a folder and its missing parents (as `mkdir -p`), each made once: a folder that cannot be made throws its
 * own system error (EROFS, EACCES, ENOTDIR, ENOENT under /proc), at once.
 * @example await makeFolder('output/.uptake')
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (found?.isDirectory()) break;
    // (a file in its place: mkdir says EEXIST)
    if (found) return void (await mkdir(folder));
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      // made meanwhile by another process: fine while it is a folder
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(folder)).isDirectory()) throw error;
    }
  }
}
