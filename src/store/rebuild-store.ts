// Runs through the store in bounded memory: a rebuild, or a run with more new input than memory holds at once,
// lands the new log files in batches, as an organisation's weeks land, each batch a run through the store.
import { rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { makeOwnedTempDir, removeOrphanedTempDirs } from '../util/guard-child.js';
import { inputFiles } from './clean-slice.js';
import { cleanWithStore, keepNamedBlobs, type StoreRunEffects, type StoreRunSummary } from './clean-with-store.js';
import { whyEveryFileAgain } from './store-settings.js';
import type { StoreEngine } from './store-engine.js';

/** Input bytes (a gzipped file counted as GZIP_RATIO times its size) a batch cleans: about 1.5 M log rows. */
const BATCH_BYTES = 128 * 1024 * 1024;
/** New input bytes above which a run lands them in batches first (about 12 M log rows). */
const BATCHES_ABOVE = 1024 * 1024 * 1024;
/** What a gzipped CSV export is taken to hold per byte on disk. */
const GZIP_RATIO = 6;

type InputFiles = Awaited<ReturnType<typeof inputFiles>>;
const weight = (file: InputFiles[number]) => (file.gzip ? file.bytes * GZIP_RATIO : file.bytes);

/** How a run lands a large input (tests pass small sizes): input bytes per batch, and the log bytes above which it batches. */
export interface Batching {
  batchBytes?: number;
  above?: number;
}

/**
 * Cleans every input file into an emptied store (see openStore's `rebuild`; finishRebuild then puts it in the
 * store's place), in batches of about `batchBytes`
 * (landInBatches), then one run over the input folder. The result equals one run over every file (CONTRACT
 * section 5: a run through the store equals a scratch run, whatever order the files landed in).
 * @example const summary = await rebuildStore(engine, 'exports/', config, { onProgress: log })
 */
export async function rebuildStore(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}, batchBytes = BATCH_BYTES): Promise<StoreRunSummary> {
  const read = await landInBatches(engine, inputDir, config, effects, { batchBytes, above: 0, what: 'store rebuild' });
  const last = await cleanWithStore(engine, inputDir, config, effects, { tasks: false });
  // (each log file read in its batch or by the last run: some, e.g. with a start after the clock, by both)
  return { ...last.summary, read: new Set([...read, ...last.readNames!]).size, skipped: 0 };
}

/**
 * Once a rebuild is done (and its input checked): what it filled takes the store's place (StoreEngine.finishRebuild:
 * a DuckDB store's new file, renamed over it), and the blobs only the old store named go. Until then the store is
 * as it was before the rebuild, whatever stopped it.
 * @example await rebuildStore(engine, 'exports/', config); await finishRebuild(engine)
 */
export async function finishRebuild(engine: StoreEngine): Promise<void> {
  if (!engine.finishRebuild) return;
  await engine.finishRebuild();
  await keepNamedBlobs(engine);
}

/**
 * Why a run must clean every input file again from nothing before its own cleaning, or null: this build reads
 * files otherwise than the one that filled the store, or the clock is earlier than the last run's
 * (whyEveryFileAgain), and the log files weigh more than `above` bytes. One run would then hold the whole
 * history: cleanThroughStore rebuilds the store first (rebuildStore, finishRebuild: the store stays as it was
 * until the rebuild finishes). A store cleaned under other settings is UptakeError('config'), as for every run.
 * @example const why = await whyRebuildFirst(engine, 'exports/', config, { now }); if (why) progress(why)
 */
export async function whyRebuildFirst(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}, { above = BATCHES_ABOVE }: Batching = {}): Promise<string | null> {
  const logs = (await inputFiles(inputDir)).filter((file) => file.kind !== 'user_monthly_summary');
  if (logs.reduce((sum, file) => sum + weight(file), 0) <= above) return null;
  return whyEveryFileAgain(engine, config, effects.now ?? Date.now());
}

/**
 * Before a run through the store: when the log files the ledger does not know (by name and size) weigh more than
 * `above` bytes, they land in batches of about `batchBytes`, each a run through the store over the files it knows
 * plus the batches landed so far (links in a temporary folder; the first batch holds one file of each kind); the
 * run itself then reads what is left. A run stopped part-way leaves the landed batches in the store: the next run
 * batches what is still new. Gives the names of the log files the batches read.
 * @example await landInBatches(engine, 'exports/', config, { onProgress: log }); await cleanWithStore(engine, 'exports/', config)
 */
export async function landInBatches(
  engine: StoreEngine,
  inputDir: string,
  config: Config,
  effects: StoreRunEffects = {},
  { batchBytes = BATCH_BYTES, above = BATCHES_ABOVE, what = 'store: more new input than a run holds at once' }: Batching & { what?: string } = {},
): Promise<string[]> {
  const files = await inputFiles(inputDir);
  const progress = effects.onProgress ?? (() => {});
  const known = new Map((await engine.all('SELECT name, bytes FROM store_files')).map((row) => [String(row.name), Number(row.bytes)]));
  const isNew = (file: InputFiles[number]) => file.kind !== 'user_monthly_summary' && known.get(file.name) !== file.bytes;
  const fresh = files.filter(isNew);
  if (fresh.reduce((sum, file) => sum + weight(file), 0) <= above) return [];
  const batches = batchesOf(fresh, batchBytes, new Set(files.filter((file) => file.kind !== 'user_monthly_summary' && !isNew(file)).map((file) => file.kind)));
  if (batches.length === 1) return [];
  const read: string[] = [];
  // the links live in a temporary folder named after this process: one that a killed run left is removed here
  await removeOrphanedTempDirs();
  const landing = await makeOwnedTempDir('batches');
  // what a batch's run says names the input folder, not the folder of links it ran on (its count of input files,
  // the links so far, is the batch line's business)
  const shown = join(inputDir, '.');
  const inInput = (text: string) => text.replaceAll(landing, () => shown);
  const batchEffects: StoreRunEffects = {
    ...effects,
    onProgress: (line) => {
      if (!(line.startsWith('found ') && line.endsWith(` input files in ${landing}`))) progress(inInput(line));
    },
  };
  try {
    // the files the store knows and the rosters first: those are skipped (or read again, as the ledger says)
    for (const file of files.filter((entry) => !isNew(entry))) await symlink(resolve(file.path), join(landing, file.name));
    for (const [index, batch] of batches.slice(0, -1).entries()) {
      progress(`${what}: batch ${index + 1} of ${batches.length} (${batch.length} files)`);
      for (const file of batch) await symlink(resolve(file.path), join(landing, file.name));
      read.push(...(await cleanWithStore(engine, landing, config, batchEffects, { tasks: false })).readNames!);
      // its checkpoint while the next batch is read
      engine.checkpointSoon();
    }
  } catch (error) {
    if (error instanceof Error) {
      for (const field of ['message', 'stack', 'file', 'path', 'dest'] as const) {
        const value = (error as Partial<Record<typeof field, unknown>>)[field];
        if (typeof value === 'string') Object.assign(error, { [field]: inInput(value) });
      }
    }
    throw error;
  } finally {
    await rm(landing, { recursive: true, force: true });
  }
  progress(`${what}: batch ${batches.length} of ${batches.length} (the input folder)`);
  return read;
}

// The first batch holds a file of each log kind the store lacks (a run needs both), then about batchBytes of log
// files at a time, in the order of their names without the kind (`ai_logs_X` beside `manual_logs_X`).
function batchesOf(logs: InputFiles, batchBytes: number, kindsKnown: Set<string>): InputFiles[] {
  const period = (name: string) => name.toLowerCase().replace(/^(ai_logs|manual_logs)/, '').replace(/\.gz$/, '');
  const ordered = [...logs].sort((a, b) => (period(a.name) < period(b.name) ? -1 : period(a.name) > period(b.name) ? 1 : a.name < b.name ? -1 : 1));
  const first = [...new Set(ordered.map((file) => file.kind))].filter((kind) => !kindsKnown.has(kind)).map((kind) => ordered.find((file) => file.kind === kind)!);
  const batches: InputFiles[] = [first];
  let bytes = first.reduce((sum, file) => sum + weight(file), 0);
  for (const file of ordered) {
    if (first.includes(file)) continue;
    if (bytes > 0 && bytes + weight(file) > batchBytes) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(file);
    bytes += weight(file);
  }
  return batches;
}
