import { afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Device nodes and mounts need root; tests that need them skip with this reason otherwise. */
export const IS_ROOT = process.getuid?.() === 0;
export const NOT_ROOT_REASON = 'needs root (mknod, mount)';

/** A fresh temporary folder and its removal. */
export function tempFolder(prefix = 'uptake-special-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: after each test, undoes what it asked to (`later`), newest first; `folder()` is a fresh
 * temporary folder removed so.
 * @example const { folder, later } = undoneAfterEach('uptake-cli-'); const dir = folder(); later(disk.unmount)
 */
export function undoneAfterEach(prefix?: string): { folder(): string; later(undo: () => void): void } {
  const undos: Array<() => void> = [];
  afterEach(() => {
    for (const undo of undos.splice(0).reverse()) undo();
  });
  return {
    folder: () => {
      const temp = tempFolder(prefix);
      undos.push(temp.remove);
      return temp.dir;
    },
    later: (undo) => void undos.push(undo),
  };
}

/** A character device (like /dev/null, major 1 minor 3) or a block device (a loop device number, never opened). */
export function makeDeviceNode(path: string, type: 'char' | 'block'): void {
  execFileSync('mknod', type === 'char' ? [path, 'c', '1', '3'] : [path, 'b', '7', '250']);
}

export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * Mounts a small tmpfs at `dir/name` (read-only when asked): a real full disk (ENOSPC) or a real
 * read-only file system (EROFS) for root, who ignores permission bits. Call the returned unmount.
 */
export function mountSmallDisk(dir: string, name: string, options: { sizeKb: number }): { path: string; makeReadOnly(): void; unmount(): void } {
  const path = join(dir, name);
  mkdirSync(path);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.sizeKb}k`, 'tmpfs', path]);
  return {
    path,
    makeReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', path]),
    unmount: () => execFileSync('umount', [path]),
  };
}
