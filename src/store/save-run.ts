// What a run keeps besides its tasks and rows: the ledger, each file's parsed rows and results, the settings, the
// quarantine, the roster and the labels.
import { serialize } from 'node:v8';
import { identityOf, type HashedFile } from '../util/hash-file.js';
import type { CleanedData, InputFile, LogFileRead } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import type { StoreEngine, StoreValue } from './store-engine.js';

export interface RunToSave {
  files: InputFile[];
  /** The roster is the one the store holds: store_roster is not written again. */
  rosterKept: boolean;
  /** By file name, as the ledger. */
  hashed: Map<string, HashedFile>;
  /** ISO weeks each log file's rows start in, by file name. */
  weeks: Map<string, string>;
  fresh: LogFileRead[];
  data: CleanedData;
  meta: Record<string, string>;
}

/**
 * In the run's transaction: a run that fails half-way leaves the store as the last good run left it.
 * @example await saveRun(engine, { files, hashed, weeks, fresh, data, meta: settings, rosterKept: false })
 */
export async function saveRun(engine: StoreEngine, run: RunToSave): Promise<void> {
  const reports = new Map(run.data.files.map((report) => [report.file, report]));
  const quarantined = new Map<string, number>();
  for (const record of run.data.quarantine) quarantined.set(record.file, (quarantined.get(record.file) ?? 0) + 1);
  // a start or an end after the run's clock may be plausible at a later run's: such a file is read again (one
  // before cleaning.earliest, or an end that cannot be read, never becomes plausible; a kept file had neither)
  const reread = new Set(run.fresh.filter((read) => read.result.afterClock > 0).map((read) => read.file.path));
  // a file that changed between its hashing and its reading: its rows may be of other bytes than its hash's, so it
  // is read again next time, whatever its hash then
  const changedWhileRead = new Set<string>();
  for (const read of run.fresh) {
    if ((await identityOf(read.file.path).catch(() => null)) === run.hashed.get(read.file.name)?.seen) continue;
    reread.add(read.file.path);
    changedWhileRead.add(read.file.name);
  }
  const present = new Set(run.files.map((file) => file.name));
  for (const row of await engine.all('SELECT name FROM store_file_rows')) {
    if (!present.has(String(row.name))) await engine.run('DELETE FROM store_file_rows WHERE name = $1', [row.name]);
  }
  for (const read of run.fresh) {
    await engine.run('DELETE FROM store_file_rows WHERE name = $1', [read.file.name]);
    const key = await engine.blobs.put(new Uint8Array(serialize(read.parts)));
    await engine.append('store_file_rows', ['text', 'bytes', 'text'], [[read.file.name], [new Uint8Array(serialize(read.result))], [key]]);
  }
  await replaceRows(engine, 'store_files', [
    run.files.map((_, index) => index),
    run.files.map((file) => file.name),
    run.files.map((file) => file.path),
    run.files.map((file) => file.kind),
    run.files.map((file) => file.bytes),
    run.files.map((file) => run.hashed.get(file.name)?.sha256 ?? null),
    run.files.map((file) => reports.get(file.path)?.rows ?? 0),
    run.files.map((file) => quarantined.get(file.path) ?? 0),
    run.files.map((file) => reread.has(file.path)),
    run.files.map((file) => run.weeks.get(file.name) ?? null),
    run.files.map((file) => (changedWhileRead.has(file.name) ? null : (run.hashed.get(file.name)?.stamp ?? null))),
  ]);
  await replaceRows(engine, 'store_meta', [Object.keys(run.meta), Object.values(run.meta)]);
  await saveCleaned(engine, run.data, run.rosterKept);
}

async function replaceRows(engine: StoreEngine, table: string, columns: Array<ArrayLike<StoreValue>>): Promise<void> {
  await engine.run(`DELETE FROM ${table}`);
  await engine.append(table, STORE_TABLES[table].map(([, type]) => type), columns);
}

// The tasks and rows are written as the region is cleaned (cleanRegion); these small tables are what a reader
// of the store (and `store info`) wants without running the rules: the quarantine with reasons, the roster,
// the label counts.
async function saveCleaned(engine: StoreEngine, data: CleanedData, rosterKept: boolean): Promise<void> {
  const columns: [string[], number[], string[], string[], string[]] = [[], [], [], [], []];
  for (const q of data.quarantine) {
    columns[0].push(q.file);
    columns[1].push(q.line);
    columns[2].push(q.reason);
    columns[3].push(q.raw);
    columns[4].push(q.detail);
  }
  await replaceRows(engine, 'store_quarantine', columns);
  const roster = data.roster;
  const nullable = (values: ArrayLike<unknown>): StoreValue[] => Array.from(values, (value) => (value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : (value as StoreValue)));
  if (!rosterKept) await replaceRows(engine, 'store_roster', STORE_TABLES.store_roster.map(([name]) => nullable(roster.array(name) as ArrayLike<unknown>)));
  const labels = data.labelMapping;
  await replaceRows(engine, 'store_labels', [labels.map((l) => l.raw), labels.map((l) => l.canonical), labels.map((l) => l.count), labels.map((l) => l.via)]);
}
