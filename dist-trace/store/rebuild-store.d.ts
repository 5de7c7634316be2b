import type { Config } from '../config/schema.js';
import { type StoreRunEffects, type StoreRunSummary } from './clean-with-store.js';
import type { StoreEngine } from './store-engine.js';
/**
 * Cleans every input file into an emptied store (see openStore's `rebuild`), in batches of about `batchBytes`
 * (landInBatches), then one run over the input folder. The result equals one run over every file (CONTRACT
 * section 5: a run through the store equals a scratch run, whatever order the files landed in).
 * @example const summary = await rebuildStore(engine, 'exports/', config, { onProgress: log })
 */
export declare function rebuildStore(engine: StoreEngine, inputDir: string, config: Config, effects?: StoreRunEffects, batchBytes?: number): Promise<StoreRunSummary>;
/**
 * Before a run through the store: when the log files the ledger does not know (by name and size) weigh more than
 * `above` bytes, they land in batches of about `batchBytes`, each a run through the store over the files it knows
 * plus the batches landed so far (links in a temporary folder; the first batch holds one file of each kind); the
 * run itself then reads what is left. A run stopped part-way leaves the landed batches in the store: the next run
 * batches what is still new. Gives the names of the log files the batches read.
 * @example await landInBatches(engine, 'exports/', config, { onProgress: log }); await cleanWithStore(engine, 'exports/', config)
 */
export declare function landInBatches(engine: StoreEngine, inputDir: string, config: Config, effects?: StoreRunEffects, { batchBytes, above, what }?: {
    batchBytes?: number | undefined;
    above?: number | undefined;
    what?: string | undefined;
}): Promise<string[]>;
