import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Config } from '../config/schema.js';
import { hashFile } from '../util/hash-file.js';
import { cleanSlice, inputFiles, readerFingerprint, type CleanedData, type InputFile, type KeptFileRead, type LogFile, type LogFileRead, type RosterZones } from './clean-slice.js';
import { CONTRACT_VERSION, STORE_FORMAT, STORE_TABLES, readMeta } from './open-store.js';
import type { StoreEngine, StoreValue } from './store-engine.js';
import { UptakeError } from '../errors.js';
import { isoWeekOf } from '../util/iso-week.js';

export interface StoreRunEffects {
  onProgress?(message: string): void;
  /** The run's clock (epoch ms), as for cleanInput. */
  now?: number;
  workers?: number;
}

/** What the store did for a run: files read anew, files kept (not read), files gone from the input. */
export interface StoreRunSummary {
  read: number;
  skipped: number;
  removed: number;
  /** Why every log file was read again, when it was (e.g. the roster's zones changed). */
  rereadAll?: string;
}

/**
 * The settings whose change changes cleaned rows: the cleaning rules, the report time zone (teams are
 * filled per month in it) and the input limits. A store cleaned under others must be rebuilt.
 * @example configHash(parseConfig({}))
 */
export function configHash(config: Config): string {
  const relevant = { cleaning: config.cleaning, timezone: config.timezone, inputLimits: config.inputLimits };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex');
}

// Naive times are read in the roster's zone of their month: another zone table means other instants.
function zonesHash(zones: RosterZones): string {
  const entries = [...zones].map(([user, months]) => [user, [...months].sort(([a], [b]) => (a < b ? -1 : 1))] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/**
 * Cleans the input through the store (CONTRACT section 5): a log file whose bytes the store has seen
 * is not read again (its parsed rows come back from the store), every cross-row rule runs over the kept
 * and the new rows together, and the store then holds this run's files (ledger and parsed rows),
 * quarantine, roster and label counts. The result equals cleanInput's on the same files and config.
 * @example const { data, summary } = await cleanWithStore(engine, 'data/sample', config)
 */
export async function cleanWithStore(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}): Promise<{ data: CleanedData; summary: StoreRunSummary }> {
  const progress = effects.onProgress ?? (() => {});
  const asOf = effects.now ?? Date.now();
  const meta = await readMeta(engine);
  const hash = configHash(config);
  if (meta.config_hash !== undefined && meta.config_hash !== hash) {
    throw new UptakeError(
      'config',
      `${engine.location}: expected a store cleaned with this config's cleaning, timezone and inputLimits settings, got one cleaned with other settings; run \`uptake store rebuild --store ${engine.location}\` to recompute it from every input file`,
    );
  }
  const reader = await readerFingerprint();
  const files = await inputFiles(inputDir);
  const sha256 = new Map<string, string>(await Promise.all(files.map(async (file) => [file.name, await hashFile(file.path)] as const)));
  const ledger = new Map((await engine.all('SELECT name, bytes, sha256, reread, weeks FROM store_files')).map((row) => [String(row.name), row]));
  const summary: StoreRunSummary = { read: 0, skipped: 0, removed: [...ledger.keys()].filter((name) => !sha256.has(name)).length };
  const fresh: LogFileRead[] = [];
  let zones = '';

  const kept = async (logFiles: LogFile[], rosterZones: RosterZones): Promise<Map<string, KeptFileRead>> => {
    zones = zonesHash(rosterZones);
    const reuse = new Map<string, KeptFileRead>();
    if (meta.reader !== undefined && meta.reader !== reader) summary.rereadAll = 'this build of uptake reads files differently from the one that filled the store';
    else if (meta.zones_hash !== undefined && meta.zones_hash !== zones) summary.rereadAll = 'the roster\'s time zones changed (naive times are read in them)';
    else if (meta.as_of !== undefined && asOf < Number(meta.as_of)) summary.rereadAll = 'the run\'s clock is earlier than the last run\'s (plausible starts depend on it)';
    const unchanged = summary.rereadAll
      ? []
      : logFiles.filter((file) => {
          const entry = ledger.get(file.name);
          return entry !== undefined && entry.sha256 === sha256.get(file.name) && Number(entry.bytes) === file.bytes && entry.reread === false;
        });
    for (const file of unchanged) {
      const [row] = await engine.all('SELECT data FROM store_file_rows WHERE name = $1', [file.name]);
      const stored = row?.data instanceof Uint8Array ? keptRead(row.data) : null;
      // rows that cannot be taken back (a damaged value) are read again from the file
      if (stored) reuse.set(file.path, atPath(stored, file.path));
    }
    summary.skipped = reuse.size;
    summary.read = logFiles.length - reuse.size;
    const removed = summary.removed > 0 ? `; ${summary.removed} files gone from the input dropped` : '';
    const seen = ledger.size === 0 ? `new store, all ${logFiles.length} log files to read` : `skipped ${reuse.size} of ${logFiles.length} log files (unchanged since the last run); ${summary.read} to read`;
    progress(
      `store ${engine.location}: ${seen}` +
        (summary.rereadAll ? ` (all: ${summary.rereadAll})` : '') +
        removed,
    );
    return reuse;
  };

  const data = await cleanSlice(inputDir, config, { kept, onFileRead: (read) => fresh.push(read), now: asOf, onProgress: progress, workers: effects.workers });
  const weeks = new Map<string, string>();
  for (const [name, entry] of ledger) if (entry.weeks !== null) weeks.set(name, String(entry.weeks));
  for (const read of fresh) weeks.set(read.file.name, weeksOf(read.parts.map((part) => part.start), config.timezone));
  const tasks = data.accounting.ai_logs.tasks + data.accounting.manual_logs.tasks;
  const settings = { format: STORE_FORMAT, contract: CONTRACT_VERSION, config_hash: hash, reader, zones_hash: zones, as_of: String(asOf), tasks: String(tasks) };
  await saveRun(engine, { files, sha256, weeks, fresh, data, meta: settings });
  return { data, summary };
}

function keptRead(bytes: Uint8Array): KeptFileRead | null {
  try {
    const value = deserialize(bytes) as Partial<KeptFileRead> | null;
    return value?.parts && value.result ? (value as KeptFileRead) : null;
  } catch {
    return null;
  }
}

// A file's report and quarantine name it as the input folder was spelled when it was read: as spelled now.
function atPath(kept: KeptFileRead, path: string): KeptFileRead {
  const { report, quarantine } = kept.result;
  return { ...kept, result: { ...kept.result, report: { ...report, file: path }, quarantine: quarantine.map((record) => ({ ...record, file: path })) } };
}

interface RunToSave {
  files: InputFile[];
  /** By file name, as the ledger. */
  sha256: Map<string, string>;
  /** ISO weeks each log file's rows start in, by file name. */
  weeks: Map<string, string>;
  fresh: LogFileRead[];
  data: CleanedData;
  meta: Record<string, string>;
}

// One transaction: a run that fails half-way leaves the store as the last good run left it.
async function saveRun(engine: StoreEngine, run: RunToSave): Promise<void> {
  const reports = new Map(run.data.files.map((report) => [report.file, report]));
  const quarantined = new Map<string, number>();
  const implausible = new Set<string>();
  for (const record of run.data.quarantine) {
    quarantined.set(record.file, (quarantined.get(record.file) ?? 0) + 1);
    // a start too far after the run's clock may be plausible at a later run's: such a file is read again
    if (record.reason === 'implausible_started_at') implausible.add(record.file);
  }
  // so may an end (an implausible end is unreadable, like an unparseable one: either way, read again)
  for (const read of run.fresh) if (read.result.unreadable.some(([column]) => column === 'ended_at')) implausible.add(read.file.path);
  const present = new Set(run.files.map((file) => file.name));
  await engine.run('BEGIN TRANSACTION');
  try {
    for (const row of await engine.all('SELECT name FROM store_file_rows')) {
      if (!present.has(String(row.name))) await engine.run('DELETE FROM store_file_rows WHERE name = $1', [row.name]);
    }
    for (const read of run.fresh) {
      await engine.run('DELETE FROM store_file_rows WHERE name = $1', [read.file.name]);
      const { file: _file, ...kept } = read;
      await engine.append('store_file_rows', ['text', 'bytes'], [[read.file.name], [new Uint8Array(serialize(kept))]]);
    }
    await replaceRows(engine, 'store_files', [
      run.files.map((_, index) => index),
      run.files.map((file) => file.name),
      run.files.map((file) => file.path),
      run.files.map((file) => file.kind),
      run.files.map((file) => file.bytes),
      run.files.map((file) => run.sha256.get(file.name) ?? null),
      run.files.map((file) => reports.get(file.path)?.rows ?? 0),
      run.files.map((file) => quarantined.get(file.path) ?? 0),
      run.files.map((file) => implausible.has(file.path)),
      run.files.map((file) => run.weeks.get(file.name) ?? null),
    ]);
    await replaceRows(engine, 'store_meta', [Object.keys(run.meta), Object.values(run.meta)]);
    await saveCleaned(engine, run.data);
    await engine.run('COMMIT');
  } catch (error) {
    await engine.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function replaceRows(engine: StoreEngine, table: string, columns: Array<ArrayLike<StoreValue>>): Promise<void> {
  await engine.run(`DELETE FROM ${table}`);
  await engine.append(table, STORE_TABLES[table].map(([, type]) => type), columns);
}

// What the rules need again is in store_file_rows; these small tables are what a reader of the store (and
// `store info`) wants without running them: the quarantine with reasons, the roster, the label counts.
// The cleaned tasks themselves go to the warehouse (uptake_tasks) by week, as before: rewriting every
// stored task on every run cost more than cleaning them (see BENCHMARKS.md).
async function saveCleaned(engine: StoreEngine, data: CleanedData): Promise<void> {
  const quarantine = data.quarantine;
  await replaceRows(engine, 'store_quarantine', [quarantine.map((q) => q.file), quarantine.map((q) => q.line), quarantine.map((q) => q.reason), quarantine.map((q) => q.raw), quarantine.map((q) => q.detail)]);
  const roster = data.roster;
  const nullable = (values: ArrayLike<unknown>): StoreValue[] => Array.from(values, (value) => (value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : (value as StoreValue)));
  await replaceRows(engine, 'store_roster', STORE_TABLES.store_roster.map(([name]) => nullable(roster.array(name) as ArrayLike<unknown>)));
  const labels = data.labelMapping;
  await replaceRows(engine, 'store_labels', [labels.map((l) => l.raw), labels.map((l) => l.canonical), labels.map((l) => l.count), labels.map((l) => l.via)]);
}

/** Every time zone's offset is a multiple of 15 minutes: a quarter hour lies in one week of any zone. */
const QUARTER_HOUR_MS = 900_000;

// The ISO weeks (report zone) a file's readable rows start in, for `store info` without reading the rows.
function weeksOf(starts: Float64Array[], timezone: string): string {
  const quarters = new Set<number>();
  for (const part of starts) for (const start of part) quarters.add(Math.floor(start / QUARTER_HOUR_MS));
  return [...new Set([...quarters].map((quarter) => isoWeekOf(quarter * QUARTER_HOUR_MS, timezone)))].sort().join(',');
}

/**
 * Opens the store at `location` (file path or postgres:// URL), cleans the input through it, closes it,
 * and says what it skipped: the one call the commands make.
 * @example const data = await cleanThroughStore('output/.uptake/store.duckdb', 'data/sample', config, { onProgress: log })
 */
export async function cleanThroughStore(location: string, inputDir: string, config: Config, effects: StoreRunEffects = {}): Promise<CleanedData> {
  const { openStore } = await import('./open-store.js');
  const engine = await openStore(location);
  try {
    return (await cleanWithStore(engine, inputDir, config, effects)).data;
  } finally {
    await engine.close();
  }
}
