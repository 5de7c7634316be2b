import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

// A reader never sees half a file: write beside the target, then rename over it.
/**
 * @example await writeFileAtomic('output/2026-W47/metrics.json', json)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// A folder appears whole or not at all: build it under a temporary name, then swap it in.
/**
 * Builds a directory with `build(tempDir)` and moves it to `path`, replacing an older one.
 * @example await replaceDirAtomic('output/2026-W47', async (dir) => writeFile(join(dir, 'a.txt'), 'a'))
 */
export async function replaceDirAtomic(path: string, build: (tempDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(path);
  await mkdir(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const staging = join(parent, `.${basename(path)}.${suffix}.tmp`);
  const retired = join(parent, `.${basename(path)}.${suffix}.old`);
  await mkdir(staging, { recursive: true });
  try {
    await build(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let hadOld = false;
  try {
    await rename(path, retired);
    hadOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(staging, path);
  if (hadOld) await rm(retired, { recursive: true, force: true });
}
