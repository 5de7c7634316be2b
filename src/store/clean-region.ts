// The region (find-region.ts) cleaned again: the new files' rows and the stored rows the cross-row rules must see
// again, taken from the files' kept parsed rows, cleaned with CONTRACT 2.2-2.6, and written over what they replace.
import { deserialize } from 'node:v8';
import type { Config } from '../config/schema.js';
import { canonicalLabels, LogRows, passThroughColumns, tasksOfRows, type KeptFileResult, type LogFile, type LogFileRead, type LogRowsPart, type LogSource, type ParsedInput, type LabelMapping } from './clean-slice.js';
import { findRegion, IN_REGION, ROW_STATE, type Region } from './find-region.js';
import { emptyAccount, FILE_LABEL_TYPES, fileLabelColumns, FRESH_ROW_COLUMNS, freshRowColumns, newLabelCounts, ROW_TALLY, rowFates, STORE_ROW_TYPES, storeRowColumns, tallyRows, type StoreAccount } from './row-index.js';
import { STORE_TASK_TYPES, storeTaskColumns } from './stored-tasks.js';
import { STORE_TABLES } from './open-store.js';
import { blobKey, notWritableError, type StoreEngine, type StoreValue } from './store-engine.js';
import { QUARTER_HOUR_MS } from '../columns/index.js';
import { regionTaskLists, type RegionTaskLists } from './task-lists.js';
import { fillTemp } from './fill-temp.js';

/** Rows or tasks turned into store values and appended at a time: the values of a whole history are never held at once. */
const ROWS_PER_APPEND = 65_536;

export interface RegionInput {
  /** The input's log files, in file order. */
  logFiles: LogFile[];
  /** A kept file's parsed rows read again from it (its stored ones are damaged). */
  readAgain(file: LogFile): Promise<LogRowsPart[]>;
  fresh: LogFileRead[];
  keptResults: Map<string, KeptFileResult>;
  progress(message: string): void;
  /** Stops the cleaning between its rules (a run aborted by a stop signal). */
  signal?: AbortSignal;
}

/**
 * The new files' rows go into run_fresh (what the region's search reads of them); the region is found in SQL;
 * its rows (and only those) are taken from the files that hold them and cleaned again; the store's tasks and rows
 * (with their fates) are brought up to date; the run's tasks are then loaded by week (settledLoader).
 * @example const cleaned = await cleanRegion(engine, config, parsed, { logFiles, fresh, keptResults, progress, readAgain }, account)
 */
export async function cleanRegion(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput, account: StoreAccount): Promise<CleanedRegion> {
  const { logFiles, fresh, keptResults, progress } = input;
  for (const row of await engine.all('SELECT DISTINCT name FROM store_file_rows')) {
    if (keptResults.has(String(row.name))) continue;
    await engine.run(`UPDATE store_rows SET state = ${ROW_STATE.gone} WHERE file = $1`, [row.name]);
    await engine.run('DELETE FROM store_file_labels WHERE name = $1', [row.name]);
  }
  // (a fresh file's labels went above if the store knew it: it is not kept)
  const freshRows = new Map(fresh.map((read) => [read.file.name, new LogRows(read.file.kind, read.parts)]));
  for (const [name, rows] of freshRows) await engine.append('store_file_labels', FILE_LABEL_TYPES, fileLabelColumns(name, rows));
  const [{ kept }] = await engine.all(`SELECT count(*) AS kept FROM store_rows WHERE state = ${ROW_STATE.kept}`);
  if (Number(kept) === 0) return cleanAll(engine, config, parsed, input);

  // CONTRACT 2.3: the labels' canonical forms under the new counts (both sources, first seen in input order)
  const labelCounts = await newLabelCounts(engine, logFiles);
  const mapping = canonicalLabels(labelCounts, config.cleaning);
  await fillTemp(engine, 'run_labels', [['label', 'text'], ['canonical', 'text']], [...mapping.values()].map((label) => [label.raw, label.canonical]));
  // the fresh rows as the region's search sees them; store_rows takes them once cleaned, with their fates (writeRegion)
  await fillTemp(engine, 'run_fresh', FRESH_ROW_COLUMNS, []);
  for (const rows of freshRows.values()) {
    for (let start = 0; start < rows.length; start += ROWS_PER_APPEND) {
      input.signal?.throwIfAborted();
      await engine.append('run_fresh', FRESH_ROW_COLUMNS.map(([, type]) => type), freshRowColumns(rows, mapping, [start, Math.min(rows.length, start + ROWS_PER_APPEND)]));
    }
  }

  const region = await findRegion(engine, Math.max(config.cleaning.retryWindowSec * 1000, config.cleaning.stitchGapMin * 60_000), Number(kept));
  // (the search was run_fresh's only reader)
  await engine.run('DROP TABLE run_fresh');
  // nothing new, gone or relabelled: every stored task stands
  const quarters = new Set<number>();
  if (region.pairs === 0) {
    progress(`nothing to clean again; ${region.keptRows.toLocaleString('en-US')} stored rows kept`);
    return { mapping, quarters, account };
  }
  // (a store only read has nothing new, gone or relabelled: see expectNothingToLand)
  if (engine.readOnly !== null) throw notWritableError(engine.location, engine.readOnly, `the rows of ${region.pairs.toLocaleString('en-US')} user and task-type pairs cleaned again`);
  const regionRows = await loadRegionRows(engine, input, region);
  // (what the search read of the stored rows is not read again)
  engine.releaseCache();
  const cleaned = regionRows.ai_logs.only.length + regionRows.manual_logs.only.length;
  progress(`re-cleaned ${cleaned.toLocaleString('en-US')} rows in ${region.pairs.toLocaleString('en-US')} user and task-type pairs; ${region.keptRows.toLocaleString('en-US')} stored rows kept`);
  const built = await cleanRegionRows(parsed, config, regionRows, { labelCounts, onProgress: progress, signal: input.signal });

  // the region's old tasks and rows out, its new ones in; the quarter hours they start in name the weeks whose facts change
  // (the account: less what the region's old rows and tasks counted, plus what its new ones count)
  tallyRows(account, await engine.all(ROW_TALLY(`r.state = ${ROW_STATE.gone} OR (r.state = ${ROW_STATE.kept} AND ${IN_REGION('r', region.floor)})`)), -1);
  const replaced = new Map<string, { text: string; start: number }>();
  // (the latest start the store held before the region's tasks go in: a range after it holds those only)
  const [{ last }] = await engine.all('SELECT max(started_at) AS last FROM store_tasks');
  const storedUntil = last === null ? null : Number(last);
  // (read, then deleted: DuckDB's DELETE ... RETURNING took three times as long at 1 M rows a week)
  const oldTasks = await engine.all(`SELECT * FROM store_tasks WHERE ${IN_REGION('store_tasks', region.floor)}`);
  await engine.run(`DELETE FROM store_tasks WHERE ${IN_REGION('store_tasks', region.floor)}`);
  for (const row of oldTasks) {
    replaced.set(taskKey(String(row.file), Number(row.ordinal)), { text: taskText(STORE_TABLES.store_tasks.map(([name]) => row[name])), start: Number(row.started_at) });
    account[String(row.source) as LogSource].tasks -= 1;
  }
  await engine.run(`DELETE FROM store_rows WHERE state <> ${ROW_STATE.kept} OR ${IN_REGION('store_rows', region.floor)}`);
  // a task cleaned again as it was (same first row, same values) changes no week: only the others' weeks are refreshed
  const quarterOf = (start: number) => Math.floor(start / QUARTER_HOUR_MS);
  const listing = regionListing(built, regionRows);
  await writeRegion(engine, logFiles, regionRows, built, listing, account, input.signal, (key, text, start) => {
    const old = replaced.get(key);
    if (old) {
      replaced.delete(key);
      if (old.text === text()) return;
      quarters.add(quarterOf(old.start));
    }
    quarters.add(quarterOf(start));
  });
  for (const old of replaced.values()) quarters.add(quarterOf(old.start));
  return { mapping: built.mapping, quarters, account, written: { floor: region.floor, tasks: regionTaskLists(built, listing), storedUntil } };
}

/**
 * What cleaning leaves for the run's data: the labels' mapping, and the quarter hours (start / QUARTER_HOUR_MS)
 * of every task it replaced or added (`all` when it cleaned every row; `built` then holds every task, unsettled,
 * in scratch order, with the pass-through columns they were written with).
 */
export interface CleanedRegion {
  mapping: Map<string, LabelMapping>;
  quarters: Set<number> | 'all';
  /** The store's account once the region is written. */
  account: StoreAccount;
  built?: { tasks: RegionTasks; passThrough: Map<string, string> };
  /**
   * The region's tasks as written (their values as the store gives them back) and its earliest T: a run takes
   * them from memory. `storedUntil`: the latest start of a task the store held before (null: none), after which
   * the store holds the region's tasks only.
   */
  written?: { floor: number; tasks: RegionTaskLists; storedUntil: number | null };
}

// Nothing stored to keep (a new store, a rebuild, every file read again): every row is the region, and the
// run's data is the one cleanRows gives; the store takes its tasks and rows for the next run.
async function cleanAll(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput): Promise<CleanedRegion> {
  const { logFiles, progress } = input;
  // (a store only read that holds no rows: no file is fresh, so there is nothing to write)
  const writable = engine.readOnly === null;
  if (writable) await engine.run('DELETE FROM store_tasks');
  if (writable) await engine.run('DELETE FROM store_rows');
  const regionRows = await loadRegionRows(engine, input, { rows: [] });
  progress(`cleaned all ${(regionRows.ai_logs.only.length + regionRows.manual_logs.only.length).toLocaleString('en-US')} rows (no stored rows to keep)`);
  const built = await cleanRegionRows(parsed, config, regionRows, { onProgress: progress, signal: input.signal });
  const account = emptyAccount();
  const listing = regionListing(built, regionRows);
  if (writable) await writeRegion(engine, logFiles, regionRows, built, listing, account, input.signal);
  return { mapping: built.mapping, quarters: 'all', account, built: { tasks: built, passThrough: listing.passThrough } };
}

export type RegionTasks = Awaited<ReturnType<typeof tasksOfRows>> & { skewed: Record<LogSource, Uint8Array> };

// CONTRACT 2.2-2.6 over the region's rows (the clock-skew swap noted per row first: the rules repair in place).
async function cleanRegionRows(parsed: ParsedInput, config: Config, region: Record<LogSource, SourceRegion>, options: { labelCounts?: Map<string, number>; onProgress(message: string): void; signal?: AbortSignal }): Promise<RegionTasks> {
  const skewed = { ai_logs: skewedRows(region.ai_logs), manual_logs: skewedRows(region.manual_logs) };
  const rows = { ai_logs: region.ai_logs.rows, manual_logs: region.manual_logs.rows };
  const built = await tasksOfRows({ ...parsed, logs: { ...parsed.logs, rows, threads: 0 } }, config, {
    ...options,
    only: { ai_logs: region.ai_logs.only, manual_logs: region.manual_logs.only },
  });
  return { ...built, skewed };
}

/** Where each task of a region's table is listed (its first row: the file's position among the log files, the row number), and the table's pass-through columns. */
export interface RegionListing {
  positionOf: Int32Array;
  ordinalOf: Int32Array;
  passThrough: Map<string, string>;
}

function regionListing(built: RegionTasks, region: Record<LogSource, SourceRegion>): RegionListing {
  const { columns } = built;
  const positionOf = new Int32Array(columns.started_at.length);
  const ordinalOf = new Int32Array(columns.started_at.length);
  for (const [source, range] of [['ai_logs', built.ai], ['manual_logs', built.manual]] as const) {
    for (let task = range.offset; task < range.offset + range.length; task += 1) {
      const first = columns.task_id.rowOf[task];
      positionOf[task] = region[source].fileOf[first];
      ordinalOf[task] = region[source].ordinalOf[first];
    }
  }
  return { positionOf, ordinalOf, passThrough: passThroughColumns([region.ai_logs.rows, region.manual_logs.rows]) };
}

// A stored task by the row it is listed by, and its stored values as one text (to tell a task written again unchanged).
const taskKey = (file: string, ordinal: number) => `${file}\u0000${ordinal}`;
const taskText = (values: StoreValue[]) => JSON.stringify(values);

// The region's rows with their fates, and its tasks as built (before the duration and team rules), added to the
// account; `written` hears of each task written: its key, its stored values as text (asked for) and its start.
async function writeRegion(
  engine: StoreEngine,
  logFiles: LogFile[],
  region: Record<LogSource, SourceRegion>,
  built: RegionTasks,
  listing: RegionListing,
  account: StoreAccount,
  signal: AbortSignal | undefined,
  written: (key: string, text: () => string, start: number) => void = () => {},
): Promise<void> {
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    const { rows, only, fileOf, ordinalOf } = region[source];
    const fates = rowFates(built.fates[source], rows.length);
    const groups = new Map<string, { source: LogSource; fate: string; n: number; conflicting: number; skewed: number }>();
    for (const row of only) {
      const fate = fates.fate[row];
      let group = groups.get(fate);
      if (!group) groups.set(fate, (group = { source, fate, n: 0, conflicting: 0, skewed: 0 }));
      group.n += 1;
      group.conflicting += fates.conflicting[row];
      group.skewed += built.skewed[source][row];
    }
    tallyRows(account, [...groups.values()], 1);
    account[source].tasks += source === 'ai_logs' ? built.ai.length : built.manual.length;
    for (let start = 0; start < only.length; start += ROWS_PER_APPEND) {
      const facts = { only: only.subarray(start, start + ROWS_PER_APPEND), fileOf: (row: number) => logFiles[fileOf[row]].name, ordinalOf: (row: number) => ordinalOf[row], fates, skewed: built.skewed[source], mapping: built.mapping };
      signal?.throwIfAborted();
      await engine.append('store_rows', STORE_ROW_TYPES, storeRowColumns(rows, facts));
    }
  }
  const names = STORE_TABLES.store_tasks.map(([name]) => name);
  const listedBy = { file: (task: number) => logFiles[listing.positionOf[task]].name, ordinal: (task: number) => listing.ordinalOf[task] };
  for (const range of [built.ai, built.manual]) {
    for (let start = range.offset; start < range.offset + range.length; start += ROWS_PER_APPEND) {
      const tasks = Int32Array.from({ length: Math.min(ROWS_PER_APPEND, range.offset + range.length - start) }, (_, index) => start + index);
      const columns = storeTaskColumns(built.columns, tasks, listedBy, listing.passThrough);
      const [file, ordinal, started] = ['file', 'ordinal', 'started_at'].map((name) => columns[names.indexOf(name)]);
      tasks.forEach((_, index) => written(taskKey(String(file[index]), Number(ordinal[index])), () => taskText(columns.map((column) => column[index])), Number(started[index])));
      signal?.throwIfAborted();
      await engine.append('store_tasks', STORE_TASK_TYPES, columns);
    }
  }
}

/** A source's rows to clean again: the rows of the files that hold any (file order), which of them, and where each came from. */
export interface SourceRegion {
  rows: LogRows;
  only: Int32Array;
  /** Per row: its file's index among the log files, and its row number in that file. */
  fileOf: Int32Array;
  ordinalOf: Int32Array;
}

// The fresh files' rows are all in the region (they are its seeds); a kept file's are taken from its stored
// parsed rows only when the region holds some of them.
async function loadRegionRows(engine: StoreEngine, input: RegionInput, region: Pick<Region, 'rows'>): Promise<Record<LogSource, SourceRegion>> {
  const { logFiles, fresh } = input;
  const ordinals = new Map<string, number[]>();
  for (const row of region.rows) {
    let list = ordinals.get(row.file);
    if (!list) ordinals.set(row.file, (list = []));
    list.push(row.ordinal);
  }
  const freshByName = new Map(fresh.map((read) => [read.file.name, read]));
  const result = {} as Record<LogSource, SourceRegion>;
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    const parts: LogRowsPart[] = [];
    const only: number[] = [];
    const fileOf: number[] = [];
    const ordinalOf: number[] = [];
    for (const [fileIndex, file] of logFiles.entries()) {
      if (file.kind !== source) continue;
      const freshRead = freshByName.get(file.name);
      const wanted = ordinals.get(file.name);
      if (!freshRead && !wanted) continue;
      const fileParts = freshRead ? freshRead.parts : ((await storedParts(engine, file.name)) ?? (await input.readAgain(file)));
      const offset = fileOf.length;
      const length = fileParts.reduce((sum, part) => sum + part.length, 0);
      parts.push(...fileParts);
      for (let ordinal = 0; ordinal < length; ordinal += 1) {
        fileOf.push(fileIndex);
        ordinalOf.push(ordinal);
      }
      if (freshRead) for (let ordinal = 0; ordinal < length; ordinal += 1) only.push(offset + ordinal);
      else for (const ordinal of wanted!.sort((a, b) => a - b)) only.push(offset + ordinal);
    }
    result[source] = { rows: new LogRows(source, parts), only: Int32Array.from(only), fileOf: Int32Array.from(fileOf), ordinalOf: Int32Array.from(ordinalOf) };
  }
  return result;
}

// A kept file's parsed rows, by the key store_file_rows names (their bytes' SHA-256: a run that fails after writing
// another parse of the file leaves the one the store names as it was); null when missing or damaged (bytes that are
// not the key's, even if they decode: bit rot, a bad copy): the file is then read again
async function storedParts(engine: StoreEngine, name: string): Promise<LogRowsPart[] | null> {
  try {
    const [row] = await engine.all('SELECT parts_key FROM store_file_rows WHERE name = $1', [name]);
    const key = row ? String(row.parts_key) : null;
    const bytes = key === null ? null : await engine.blobs.get(key);
    const parts = bytes === null || blobKey(bytes) !== key ? null : (deserialize(bytes) as LogRowsPart[]);
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}

// CONTRACT 2.2's swap, read before the rules repair the rows in place: the store counts clock_skew per row.
function skewedRows(region: SourceRegion): Uint8Array {
  const skewed = new Uint8Array(region.rows.length);
  for (const row of region.only) skewed[row] = region.rows.end[row] < region.rows.start[row] ? 1 : 0;
  return skewed;
}
