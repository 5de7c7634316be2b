import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { replaceDirAtomic } from '../util/atomic-write.js';
import type { GeneratedDataset } from './types.js';

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UptakeError('usage', `expected --out to be a folder, got the file \`${dir}\``);
    throw error;
  }
}

// The folder appears whole or not at all, so a half-written sample never looks like input.
/**
 * Writes the data files, `truth.json` and `README.md` into `dir`, replacing it when `force` is set.
 * @example await writeDataset('data/sample', generateDataset(options), { force: true })
 */
export async function writeDataset(dir: string, dataset: GeneratedDataset, options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && !(await isEmptyOrMissing(dir))) {
    throw new UptakeError('usage', `expected --out to be a new or empty folder, got \`${dir}\` which has files (add --force to replace it)`);
  }
  await replaceDirAtomic(dir, async (staging) => {
    for (const file of dataset.files) await writeFile(join(staging, file.name), file.content);
    await writeFile(join(staging, 'truth.json'), `${JSON.stringify(dataset.truth, null, 2)}\n`);
    await writeFile(join(staging, 'README.md'), dataset.readme);
  });
}
