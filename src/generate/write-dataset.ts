import { writeFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { replaceDirAtomic } from '../util/atomic-write.js';
import { streamDataset } from './generate-dataset.js';
import type { GeneratedDataset, GenerateOptions, GroundTruth } from './types.js';

/** Written into every generated folder: `--force` replaces only a folder that holds it. */
export const GENERATED_MARKER = '.uptake-generated';

// --force must never empty a folder of real exports: only one the generator wrote (it holds the
// marker; a folder generated before the marker existed holds the generator's truth.json).
async function checkTarget(dir: string, force: boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UptakeError('usage', `expected --out to be a folder, got the file \`${dir}\``);
    throw error;
  }
  if (names.length === 0) return;
  if (!force) throw new UptakeError('usage', `expected --out to be a new or empty folder, got \`${dir}\` which has files (add --force to replace it)`);
  if (names.includes(GENERATED_MARKER) || (await isGeneratorTruth(join(dir, 'truth.json')))) return;
  throw new UptakeError(
    'usage',
    `--force replaces only a folder written by \`uptake generate\` (it holds ${GENERATED_MARKER}); \`${dir}\` has files and no marker, so it is left alone: choose a new folder or empty it yourself`,
  );
}

// The folder is asked about again just before the swap: files put there while the data set was built are kept.
// (checkTarget names --out as given; the swap's folder is where a link of that name leads)
function stillReplaceable(dir: string, force: boolean): { replaceable: (folder: string) => Promise<void> } {
  return { replaceable: () => checkTarget(dir, force) };
}

async function isGeneratorTruth(path: string): Promise<boolean> {
  try {
    const truth = JSON.parse(await readFile(path, 'utf8')) as { options?: { seed?: unknown }; accounting?: unknown };
    return typeof truth.options?.seed === 'number' && typeof truth.accounting === 'object';
  } catch {
    return false;
  }
}

const markerText = 'Written by `uptake generate`: `uptake generate --force` may replace this folder.\n';

const truthJson = (truth: GroundTruth): string => `${JSON.stringify(truth, null, 2)}\n`;

// The folder appears whole or not at all, so a half-written sample never looks like input.
/**
 * Writes an in-memory data set (files, `truth.json`, `README.md`, the marker) into `dir`, replacing it when
 * `force` is set and it is a generated folder.
 * @example await writeDataset('data/sample', generateDataset(options), { force: true })
 */
export async function writeDataset(dir: string, dataset: GeneratedDataset, options: { force?: boolean } = {}): Promise<void> {
  await checkTarget(dir, options.force ?? false);
  await replaceDirAtomic(dir, async (staging) => {
    for (const file of dataset.files) await writeFile(join(staging, file.name), file.content);
    await writeFile(join(staging, 'truth.json'), truthJson(dataset.truth));
    await writeFile(join(staging, 'README.md'), dataset.readme);
    await writeFile(join(staging, GENERATED_MARKER), markerText);
  }, stillReplaceable(dir, options.force ?? false));
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
    await writeFile(join(staging, GENERATED_MARKER), markerText);
    truth = result.truth;
  }, stillReplaceable(dir, options.force ?? false));
  return truth!;
}
