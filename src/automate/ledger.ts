import { UptakeError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateFile } from '../util/read-state-file.js';
import type { TimeSpan } from './weeks-in-file.js';

/** What the ledger remembers about one processed content hash. */
export interface LedgerEntry {
  /** The file name the content first arrived under. */
  file: string;
  bytes: number;
  processedAt: string;
  weeks: string[];
  /** A log file's first and last `started_at` (see edgeWeeks); missing in entries written before uptake kept them. */
  span?: TimeSpan;
  /** Set when a run refused this content (e.g. over a size cap): it is not tried again until it changes. */
  rejected?: string;
}

/** Processed content hashes (sha256 of the file bytes), kept across restarts. */
export interface Ledger {
  readonly path: string;
  has(sha256: string): boolean;
  get(sha256: string): LedgerEntry | undefined;
  add(sha256: string, entry: LedgerEntry): void;
  /** Forgets a content (its file left the folder, and the reports were built again without it). */
  remove(sha256: string): void;
  /** The hash of the content last processed under this file name (the entry naming it with the latest processedAt), if any. */
  latestFor(file: string): string | undefined;
  entries(): LedgerEntry[];
  readonly size: number;
  /** Writes the ledger atomically (a crash leaves the old or the new ledger, never half of one). */
  save(): Promise<void>;
}

interface LedgerFile {
  version: 1;
  files: Record<string, LedgerEntry>;
}

/**
 * Opens the watch ledger at `path`; a missing file is an empty ledger.
 * @example const ledger = await openLedger('output/.uptake/watch-ledger.json'); ledger.has(await hashFile(path))
 */
export async function openLedger(path: string): Promise<Ledger> {
  const files = new Map<string, LedgerEntry>();
  const text = await readStateFile(path, 'the watch ledger');
  if (text !== null) {
    let parsed: LedgerFile;
    try {
      parsed = JSON.parse(text) as LedgerFile;
    } catch (cause) {
      throw new UptakeError('input', `expected the watch ledger to be JSON written by uptake, got unreadable text (${(cause as Error).message}); fix or delete it (deleting reprocesses every file)`, {
        file: path,
        cause,
      });
    }
    if (parsed?.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null) {
      throw new UptakeError('input', `expected a watch ledger with version 1 and a \`files\` object, got ${JSON.stringify(text.slice(0, 80))}`, { file: path });
    }
    for (const [hash, entry] of Object.entries(parsed.files)) files.set(hash, entry);
  }
  return {
    path,
    has: (sha256) => files.has(sha256),
    get: (sha256) => files.get(sha256),
    add: (sha256, entry) => void files.set(sha256, entry),
    remove: (sha256) => void files.delete(sha256),
    latestFor(file) {
      let latest: [string, LedgerEntry] | undefined;
      for (const [hash, entry] of files) if (entry.file === file && (latest === undefined || entry.processedAt >= latest[1].processedAt)) latest = [hash, entry];
      return latest?.[0];
    },
    entries: () => [...files.values()],
    get size() {
      return files.size;
    },
    async save() {
      const content: LedgerFile = { version: 1, files: Object.fromEntries(files) };
      await writeFileAtomic(path, `${JSON.stringify(content, null, 2)}\n`);
    },
  };
}
