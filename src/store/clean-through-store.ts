import type { Config } from '../config/schema.js';
import { cleanWithStore, type StoreRequest, type StoreRun, type StoreRunEffects } from './clean-with-store.js';
import { openStore } from './open-store.js';
import { landInBatches } from './rebuild-store.js';

/**
 * Opens the store at `location` (file path or postgres:// URL), cleans the input through it (and with a week,
 * computes that week's report from the kept facts), closes it: the one call the commands make. More new input
 * than a run holds at once lands in batches first (landInBatches). A store this user may not write is opened
 * read-only: the run answers from it when every input file is as the store last saw it, else stops writing nothing.
 * @example const { data } = await cleanThroughStore('output/.uptake/store.duckdb', 'data/sample', config, { onProgress: log })
 */
export async function cleanThroughStore(location: string, inputDir: string, config: Config, effects: StoreRunEffects = {}, request: StoreRequest = {}): Promise<StoreRun> {
  // (a store this user may not write is read: the run answers from it when nothing would land, see cleanWithStore)
  const engine = await openStore(location, { input: inputDir, orReadOnly: true });
  try {
    if (engine.readOnly === null) await landInBatches(engine, inputDir, config, effects);
    return await cleanWithStore(engine, inputDir, config, effects, request);
  } finally {
    await engine.close();
  }
}
