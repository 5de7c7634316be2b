import { readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidIsAlive } from './pid-is-alive.js';

/** A week folder being built (`.2026-W47.<hex>.tmp`) or being replaced (`.2026-W47.<hex>.old`). */
const STAGING = /^\.(.+)\.[0-9a-f]{12}\.(tmp|old)$/;
/** A kernel's connection folder or Chromium's profile, named after the uptake process that made it. */
const TEMP_FOLDER = /^uptake-(?:kernel|chromium)-(\d+)-[A-Za-z0-9]+$/;

export interface RemoveStaleOptions {
  /** Where kernels and Chromium keep their folders; default the system's temp folder. */
  tempDir?: string;
  isAlive?: (pid: number) => boolean;
}

// A run killed by kill -9 or a power cut leaves its staging folder and temp folders behind; the next
// run cleans up. It holds the run lock for `outputDir`, so no live run is building a folder there.
/**
 * Removes what dead runs left: staging folders in `outputDir` (the caller holds its run lock), and
 * `uptake-kernel-<pid>-*` / `uptake-chromium-<pid>-*` temp folders whose owner pid is not alive. A week
 * folder that a crash left only as its `.old` copy is put back. Returns the paths removed or restored.
 * @example await removeStaleRunFiles('output') // ['output/.2026-W47.3f9a0c1b2d4e.tmp', '/tmp/uptake-kernel-4242-a1B2c3']
 */
export async function removeStaleRunFiles(outputDir: string, options: RemoveStaleOptions = {}): Promise<string[]> {
  const isAlive = options.isAlive ?? pidIsAlive;
  const tempDir = options.tempDir ?? tmpdir();
  const done: string[] = [];
  for (const name of await namesIn(outputDir)) {
    const match = STAGING.exec(name);
    const path = join(outputDir, name);
    if (!match || !(await isFolder(path))) continue;
    const week = join(outputDir, match[1]);
    const restore = match[2] === 'old' && !(await isFolder(week));
    // One that cannot go is left for the next run: it must not stop this one.
    const cleaned = await (restore ? rename(path, week) : rm(path, { recursive: true, force: true })).then(() => true, () => false);
    if (cleaned) done.push(path);
  }
  for (const name of await namesIn(tempDir)) {
    const match = TEMP_FOLDER.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const path = join(tempDir, name);
    // Another user's folder cannot be removed: it is not ours.
    if (await rm(path, { recursive: true, force: true, maxRetries: 3 }).then(() => true, () => false)) done.push(path);
  }
  return done;
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
