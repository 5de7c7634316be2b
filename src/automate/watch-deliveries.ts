import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateList } from '../util/read-state-file.js';
import type { ReportChannel } from './unfinished-runs.js';

/** Batches whose deliveries are kept at most: a batch that never enters the ledger (its files keep failing) is dropped in time. */
const BATCHES_KEPT = 20;

interface WatchDeliveriesFile {
  version: 1;
  batches: Array<{ key: string; delivered: ReportChannel[] }>;
}

/** The channels each watch batch's report went out on, kept in `<output>/.uptake/watch-deliveries.json` until the batch is in the ledger (see watchDeliveries). */
export interface WatchDeliveries {
  /** The channels the report of the batch `key` already went out on (none for a batch not tried before). */
  delivered(key: string): Promise<ReportChannel[]>;
  /** Written as the batch's report goes out on `channel`. */
  note(key: string, channel: ReportChannel): Promise<void>;
  /** Removed once the batch is in the ledger: it is not run again. */
  clear(key: string): Promise<void>;
}

/**
 * A watch batch as its content: the SHA-256 of its new files' and its gone files' hashes. A batch run again after a
 * kill holds the same files, and has the same key; one with another file (new data) is another batch.
 * @example batchKey([{ sha256: 'ab…' }], []) // '5f0e…'
 */
export function batchKey(fresh: Array<{ sha256: string }>, removed: Array<{ sha256: string }>): string {
  const names = [...fresh.map((file) => `new ${file.sha256}`), ...removed.map((file) => `gone ${file.sha256}`)].sort();
  return createHash('sha256').update(names.join('\n')).digest('hex');
}

// A watch batch enters the ledger only once its run ends: a run killed after its report was mailed (while Slack did
// not answer, say) was run again at the next start and mailed the same report again. Each batch's deliveries are
// kept until it is in the ledger, so that the run again sends the report only where it has not gone yet.
/**
 * The deliveries of watch batches at `path`; a missing file is none. Every write is atomic.
 * @example const deliveries = watchDeliveries('output/.uptake/watch-deliveries.json'); await deliveries.note(key, 'email')
 */
export function watchDeliveries(path: string): WatchDeliveries {
  async function read(): Promise<WatchDeliveriesFile['batches']> {
    const batches = await readStateList<WatchDeliveriesFile['batches'][number]>(path, 'the watch deliveries', 'batches', 'a batch run again may then send its report again');
    return batches.filter((batch) => typeof batch?.key === 'string' && Array.isArray(batch.delivered));
  }
  const write = (batches: WatchDeliveriesFile['batches']) => writeFileAtomic(path, `${JSON.stringify({ version: 1, batches: batches.slice(-BATCHES_KEPT) } satisfies WatchDeliveriesFile, null, 2)}\n`);
  return {
    async delivered(key) {
      return (await read()).find((batch) => batch.key === key)?.delivered ?? [];
    },
    async note(key, channel) {
      const batches = await read();
      const batch = batches.find((each) => each.key === key);
      if (batch?.delivered.includes(channel)) return;
      await write([...batches.filter((each) => each !== batch), { key, delivered: [...(batch?.delivered ?? []), channel] }]);
    },
    async clear(key) {
      const batches = await read();
      if (batches.some((batch) => batch.key === key)) await write(batches.filter((batch) => batch.key !== key));
    },
  };
}
