import type { Config } from '../config/schema.js';
import { cleanWithStore, type StoreRequest, type StoreRun, type StoreRunEffects } from './clean-with-store.js';
import { openStore } from './open-store.js';
import { finishRebuild, landInBatches, rebuildStore, whyRebuildFirst, type Batching } from './rebuild-store.js';

/**
 * Opens the store at `location` (file path or postgres:// URL), cleans the input through it (and with a week,
 * computes that week's report from the kept facts), closes it: the one call the commands make. More new input
 * than a run holds at once lands in batches first (landInBatches). When every file must be cleaned again and the
 * input is large (after an upgrade that reads files otherwise, or with a clock earlier than the last run's:
 * whyRebuildFirst), the store is rebuilt first, as `uptake store rebuild` does: until that finishes the store is as
 * it was, whatever stops the run. A store this user may not write is opened read-only: the run answers from it
 * when every input file is as the store last saw it, else stops writing nothing. `batching`: sizes, for tests.
 * @example const { data } = await cleanThroughStore('output/.uptake/store.duckdb', 'data/sample', config, { onProgress: log })
 */
export async function cleanThroughStore(location: string, inputDir: string, config: Config, effects: StoreRunEffects = {}, request: StoreRequest = {}, batching: Batching = {}): Promise<StoreRun> {
  // (a store this user may not write is read: the run answers from it when nothing would land, see cleanWithStore)
  const engine = await openStore(location, { input: inputDir, orReadOnly: true });
  let why: string | null = null;
  try {
    if (engine.readOnly === null) why = await whyRebuildFirst(engine, inputDir, config, effects, batching);
    if (why === null) {
      if (engine.readOnly === null) await landInBatches(engine, inputDir, config, effects, batching);
      return await cleanWithStore(engine, inputDir, config, effects, request);
    }
  } finally {
    // (a rebuild opens the store its own way: a DuckDB store beside a new file, a PostgreSQL one with its tables set aside)
    await engine.close();
  }
  effects.onProgress?.(`store: ${why}: every input file is cleaned again into a new store, in batches; the store stays as it was until that finishes`);
  const rebuilding = await openStore(location, { rebuild: true, input: inputDir, onProgress: effects.onProgress });
  try {
    await rebuildStore(rebuilding, inputDir, config, effects, batching.batchBytes);
    await finishRebuild(rebuilding);
    // (every file is as the rebuild left it: the run reads none, and computes what was asked for)
    return await cleanWithStore(rebuilding, inputDir, config, effects, request);
  } finally {
    await rebuilding.close();
  }
}
