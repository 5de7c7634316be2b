// `uptake store rebuild` in bounded memory: the input's log files land in batches, as an organisation's weeks do,
// so a history larger than memory can be cleaned again (after a change of the cleaning config or the contract).
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { inputFiles } from './clean-slice.js';
import { cleanWithStore, type StoreRunEffects, type StoreRunSummary } from './clean-with-store.js';
import type { StoreEngine } from './store-engine.js';

/** Input bytes a rebuild cleans at a time (about 1.5 M log rows): a batch's run, not the history, sets its memory. */
export const REBUILD_BATCH_BYTES = 128 * 1024 * 1024;

/**
 * Cleans every input file into an emptied store (see openStore's `rebuild`): the log files land in batches of
 * about `batchBytes`, the files of one period together (`ai_logs_X` beside `manual_logs_X`), each batch a run
 * through the store over the files landed so far (links in a temporary folder; the roster files with the first);
 * the last run is over the input folder itself. The result equals one run over every file (CONTRACT section 5: a
 * run through the store equals a scratch run, whatever order the files landed in).
 * @example const summary = await rebuildStore(engine, 'exports/', config, { onProgress: log })
 */
export async function rebuildStore(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}, batchBytes = REBUILD_BATCH_BYTES): Promise<StoreRunSummary> {
  const read = await landAllButLast(engine, inputDir, config, effects, batchBytes, 'store rebuild');
  const last = (await cleanWithStore(engine, inputDir, config, effects, { tasks: false })).summary;
  // (every log file was read once, in its batch)
  return { ...last, read: read + last.read, skipped: 0 };
}

/** Input bytes above which a store's first run lands its input in batches first (about 12 M log rows). */
export const FIRST_RUN_BATCH_ABOVE = 1024 * 1024 * 1024;

/**
 * Before a run through a store that holds no file yet: an input of more than FIRST_RUN_BATCH_ABOVE bytes lands in
 * batches, as a rebuild's does (the run itself is then the last batch); a smaller one is left to the run.
 * @example await landFirstRun(engine, 'exports/', config, { onProgress: log }); await cleanWithStore(engine, 'exports/', config)
 */
export async function landFirstRun(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}, batchBytes = REBUILD_BATCH_BYTES, above = FIRST_RUN_BATCH_ABOVE): Promise<void> {
  const [{ files }] = await engine.all('SELECT count(*) AS files FROM store_files');
  if (Number(files) > 0) return;
  const bytes = (await inputFiles(inputDir)).reduce((sum, file) => sum + file.bytes, 0);
  if (bytes > above) await landAllButLast(engine, inputDir, config, effects, batchBytes, 'store: a first run over a large input');
}

// Runs through the store over every batch but the last (links to the files landed so far in a temporary folder);
// gives how many log files they read.
async function landAllButLast(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects, batchBytes: number, what: string): Promise<number> {
  const progress = effects.onProgress ?? (() => {});
  const batches = batchesOf(await inputFiles(inputDir), batchBytes);
  if (batches.length === 1) return 0;
  let read = 0;
  const landing = await mkdtemp(join(tmpdir(), 'uptake-rebuild-'));
  try {
    for (const [index, batch] of batches.slice(0, -1).entries()) {
      progress(`${what}: batch ${index + 1} of ${batches.length} (${batch.length} files)`);
      for (const file of batch) await symlink(resolve(file.path), join(landing, file.name));
      read += (await cleanWithStore(engine, landing, config, effects, { tasks: false })).summary.read;
    }
  } finally {
    await rm(landing, { recursive: true, force: true });
  }
  progress(`${what}: batch ${batches.length} of ${batches.length} (the input folder)`);
  return read;
}

type InputFiles = Awaited<ReturnType<typeof inputFiles>>;

// The roster files and the first log files (at least one of each kind: a run needs both), then about batchBytes
// of log files at a time, by period (the name without its kind) so that a period's AI and manual files land together.
function batchesOf(files: InputFiles, batchBytes: number): InputFiles[] {
  const period = (name: string) => name.replace(/^(ai_logs|manual_logs)/, '');
  const logs = files.filter((file) => file.kind !== 'user_monthly_summary').sort((a, b) => (period(a.name) < period(b.name) ? -1 : period(a.name) > period(b.name) ? 1 : a.name < b.name ? -1 : 1));
  const batches: InputFiles[] = [[...files.filter((file) => file.kind === 'user_monthly_summary')]];
  const kinds = new Set(logs.map((file) => file.kind));
  let bytes = 0;
  for (const file of logs) {
    const firstHasAll = batches.length > 1 || [...kinds].every((kind) => batches[0].some((landed) => landed.kind === kind));
    if (bytes > 0 && bytes + file.bytes > batchBytes && firstHasAll) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(file);
    bytes += file.bytes;
  }
  return batches;
}
