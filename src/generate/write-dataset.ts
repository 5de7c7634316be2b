import { writeFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { replaceDirAtomic } from '../util/atomic-write.js';
import { streamDataset } from './generate-dataset.js';
import type { GeneratedDataset, GenerateOptions, GroundTruth } from './types.js';

async function checkTarget(dir: string, force: boolean): Promise<void> {
  if (force) return;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UptakeError('usage', `expected --out to be a folder, got the file \`${dir}\``);
    throw error;
  }
  if (names.length > 0) {
    throw new UptakeError('usage', `expected --out to be a new or empty folder, got \`${dir}\` which has files (add --force to replace it)`);
  }
}

const truthJson = (truth: GroundTruth): string => `${JSON.stringify(truth, null, 2)}\n`;

// The folder appears whole or not at all, so a half-written sample never looks like input.
/**
 * Writes an in-memory data set (files, `truth.json`, `README.md`) into `dir`, replacing it when `force` is set.
 * @example await writeDataset('data/sample', generateDataset(options), { force: true })
 */
export async function writeDataset(dir: string, dataset: GeneratedDataset, options: { force?: boolean } = {}): Promise<void> {
  await checkTarget(dir, options.force ?? false);
  await replaceDirAtomic(dir, async (staging) => {
    for (const file of dataset.files) await writeFile(join(staging, file.name), file.content);
    await writeFile(join(staging, 'truth.json'), truthJson(dataset.truth));
    await writeFile(join(staging, 'README.md'), dataset.readme);
  });
}

/**
 * Generates straight to disk: each weekly file is written as soon as it is complete, so memory
 * holds about one week of rows (plus the compact task list the truth is computed from).
 * @example const truth = await writeGeneratedDataset('bench/1m', { seed: 1, users: 2000, weeks: 12, endWeek: '2026-W47' })
 */
export async function writeGeneratedDataset(dir: string, options: GenerateOptions & { force?: boolean }): Promise<GroundTruth> {
  await checkTarget(dir, options.force ?? false);
  let truth: GroundTruth | undefined;
  await replaceDirAtomic(dir, async (staging) => {
    const result = streamDataset(options, (file) => writeFileSync(join(staging, file.name), file.content));
    await writeFile(join(staging, 'truth.json'), truthJson(result.truth));
    await writeFile(join(staging, 'README.md'), result.readme);
    truth = result.truth;
  });
  return truth!;
}
