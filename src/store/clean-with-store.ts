import { deserialize } from 'node:v8';
import type { Config } from '../config/schema.js';
import { hashFileStamped } from '../util/hash-file.js';
import { atFile, inputFiles, mergeLogFileReads, readerFingerprint, readLogFiles, readSlice, settleTasks, type CleanedData, type CoreLogFileRead, type KeptFileResult, type LogFile, type LogFileRead, type LogFilesRead, type LogRowsPart, type ReadLogFilesOptions } from './clean-slice.js';
import { emptyAccount, isStoreAccount } from './row-index.js';
import { CONTRACT_VERSION, STORE_FORMAT, metaJson, readMeta } from './open-store.js';
import { notWritableError, type StoreEngine, type StoreValue } from './store-engine.js';
import { someNames } from '../util/some-names.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { ReportWeek } from '../metrics/resolve-week.js';
import { computeWeekFacts, factsHash, factsKeys, keepWeekFacts, pendingFactsHash, reportFromStore, rosterState, weeksToRefresh, type RosterState } from './store-report.js';
import { isoWeekOf, shiftWeek, weekStartMs } from '../util/iso-week.js';
import { byQuarterHour } from '../columns/index.js';
import { configHash, zonesHash, zonesByMonth, zoneMonthsChanged, REREAD, cleanedUnder } from './store-settings.js';
import { expectNothingToLand } from './expect-nothing-to-land.js';
import { cleanRegion } from './clean-region.js';
import { settledLoader } from './settled-loader.js';
import { ROWS_PER_STATEMENT } from './fill-temp.js';
import { saveRun } from './save-run.js';

export interface StoreRunEffects {
  onProgress?(message: string): void;
  /** The run's clock (epoch ms), as for cleanInput. */
  now?: number;
  workers?: number;
  /** Stops the reading of the log files (see ReadLogFilesOptions.signal). */
  signal?: AbortSignal;
}

/** What a run asks of the store besides cleaning: a report week (`YYYY-Www` or `latest`) computed from the kept facts. */
export interface StoreRequest {
  week?: string;
  /** Where the week was set, as an error about it names it: `--week` (default), or ``notebook parameter `week` ``. */
  weekSetting?: string;
  /**
   * Only the metrics are wanted (`uptake metrics`): stored tasks are loaded without the columns no KPI reads
   * (task ids, prompts, tool versions and pass-through values: empty) and metrics.groupBy does not name, so the
   * data returned lacks them.
   */
  metricsOnly?: boolean;
  /** false: the run's tasks are not wanted (a rebuild's batches): its data comes back without them, with the names of the log files it read. */
  tasks?: boolean;
  /**
   * With a week: the data holds the tasks of the week before the report week too, loaded once the KPIs are
   * computed (the warehouse replaces both weeks' tasks: a landing often changes the week before, e.g. a session
   * stitched across Sunday midnight).
   */
  weekBefore?: boolean;
}

/**
 * A run through the store: its data (with a report week: the report window's tasks only; else every task), what
 * the store did, and with a week its resolved report week and metrics (from the kept facts, see store-report.ts).
 */
export interface StoreRun {
  data: CleanedData;
  summary: StoreRunSummary;
  /** With `tasks: false`: the log files read (new, changed, or read again), by name. */
  readNames?: string[];
  report?: { week: ReportWeek; metrics: MetricsDocument };
}

/** What the store did for a run: files read anew, files kept (not read), files gone from the input. */
export interface StoreRunSummary {
  read: number;
  skipped: number;
  removed: number;
  /** Why every log file was read again, when it was (e.g. this build reads files otherwise). */
  rereadAll?: string;
  /** Unchanged log files read again for their naive times in a month whose roster time zones changed (counted in `read`). */
  zoneRereads?: number;
}

/**
 * Drops the blobs the store's tables do not name: the parsed rows of files gone or changed, facts no week names
 * (failing to drop them costs room, not correctness).
 * @example await keepNamedBlobs(engine)
 */
export async function keepNamedBlobs(engine: StoreEngine): Promise<void> {
  const named = new Set([...(await engine.all('SELECT parts_key FROM store_file_rows')).map((row) => String(row.parts_key)), ...(await factsKeys(engine))]);
  await engine.blobs.keepOnly(named).catch(() => undefined);
}

/**
 * Cleans the input through the store (CONTRACT section 5): a log file whose bytes the store has seen is not
 * read again, and only the rows the cross-row rules must see again (the region: see findRegion) are cleaned
 * again, with every rule of CONTRACT section 2; every other task is kept as the store holds it. The result
 * equals cleanInput's on the same files and config, byte for byte.
 * @example const { data, summary } = await cleanWithStore(engine, 'data/sample', config)
 */
export async function cleanWithStore(engine: StoreEngine, inputDir: string, config: Config, effects: StoreRunEffects = {}, request: StoreRequest = {}): Promise<StoreRun> {
  const progress = effects.onProgress ?? (() => {});
  const asOf = effects.now ?? Date.now();
  const meta = await readMeta(engine);
  const hash = configHash(config);
  cleanedUnder(engine, meta, config);
  const reader = await readerFingerprint();
  const files = await inputFiles(inputDir);
  const ledger = new Map((await engine.all('SELECT name, bytes, sha256, reread, weeks, stamp FROM store_files')).map((row) => [String(row.name), row]));
  // a file whose stamp the ledger kept is not read for its hash (see hashFileStamped)
  const vouched = (name: string) => {
    const entry = ledger.get(name);
    return entry && entry.stamp !== null ? { sha256: String(entry.sha256), stamp: String(entry.stamp) } : undefined;
  };
  const hashed = new Map(await Promise.all(files.map(async (file) => [file.name, await hashFileStamped(file.path, vouched(file.name))] as const)));
  const summary: StoreRunSummary = { read: 0, skipped: 0, removed: [...ledger.keys()].filter((name) => !hashed.has(name)).length };
  // a store this user may not write answers only when nothing would land in it: the run then writes nothing
  const readOnly = engine.readOnly !== null;
  if (readOnly) {
    expectNothingToLand(engine.location, engine.readOnly, { meta, reader, asOf, files, hashed, ledger });
    progress(`store ${engine.location}: read-only (${engine.readOnly}); every input file is as the store last saw it: answering from what it holds, keeping nothing`);
  }
  const fresh: LogFileRead[] = [];
  /** Kept files whose stored rows were damaged, read again for the region (their stored rows are rewritten). */
  const repaired: LogFileRead[] = [];
  let readAgain: (file: LogFile) => Promise<LogRowsPart[]> = async () => [];
  const keptResults = new Map<string, KeptFileResult>();
  let zones = '';
  let zoneMonths: Record<string, string> = {};

  // Log files the store has seen unchanged are not read: what reading them gave comes back from the store.
  const readLogs = async (logFiles: LogFile[], options: ReadLogFilesOptions): Promise<LogFilesRead> => {
    const rosterZones = await options.zones;
    zones = zonesHash(rosterZones);
    zoneMonths = zonesByMonth(rosterZones);
    // a store that kept the zones per month reads again only the files with naive times in a month whose zones changed
    const monthsBefore = metaJson(engine, meta, 'zones_months', isTextRecord);
    const changedMonths = monthsBefore === undefined ? new Set<string>() : zoneMonthsChanged(monthsBefore, zoneMonths);
    if (meta.reader !== undefined && meta.reader !== reader) summary.rereadAll = REREAD.reader;
    else if (monthsBefore === undefined && meta.zones_hash !== undefined && meta.zones_hash !== zones) summary.rereadAll = REREAD.zones;
    else if (meta.as_of !== undefined && asOf < Number(meta.as_of)) summary.rereadAll = REREAD.clock;
    const sameBytes = summary.rereadAll
      ? []
      : logFiles.filter((file) => {
          const entry = ledger.get(file.name);
          return entry !== undefined && entry.sha256 === hashed.get(file.name)?.sha256 && Number(entry.bytes) === file.bytes && entry.reread === false;
        });
    const stored = new Map<string, StoreValue>();
    for (let start = 0; start < sameBytes.length; start += ROWS_PER_STATEMENT) {
      const names = sameBytes.slice(start, start + ROWS_PER_STATEMENT).map((file) => file.name);
      const rows = await engine.all(`SELECT name, result FROM store_file_rows WHERE name IN (${names.map((_, index) => `$${index + 1}`).join(', ')})`, names);
      for (const row of rows) stored.set(String(row.name), row.result);
    }
    let forZones = 0;
    for (const file of sameBytes) {
      const bytes = stored.get(file.name);
      const result = bytes instanceof Uint8Array ? keptResult(bytes) : null;
      // what cannot be taken back (a damaged value) is read again from the file; so is a file with naive times in
      // a month whose zones changed (a file read before the store kept its months: with any such month)
      if (!result) continue;
      if (changedMonths.size > 0 && (result.zoneMonths === undefined || result.zoneMonths.some((month) => changedMonths.has(month)))) forZones += 1;
      else keptResults.set(file.name, atPath(result, file.path));
    }
    summary.skipped = keptResults.size;
    summary.read = logFiles.length - keptResults.size;
    if (forZones > 0) summary.zoneRereads = forZones;
    const removed = summary.removed > 0 ? `; ${summary.removed} file${summary.removed === 1 ? '' : 's'} gone from the input dropped` : '';
    const zoneNote = forZones > 0 ? ` (${forZones} of them with naive times in ${[...changedMonths].sort().join(', ')}, whose roster time zones changed)` : '';
    const seen = ledger.size === 0 ? `new store, all ${logFiles.length} log files to read` : `skipped ${keptResults.size} of ${logFiles.length} log files (unchanged since the last run); ${summary.read} to read${zoneNote}`;
    progress(`store ${engine.location}: ${seen}` + (summary.rereadAll ? ` (all: ${summary.rereadAll})` : '') + removed);
    const toRead = logFiles.filter((file) => !keptResults.has(file.name));
    // (files unchanged, yet to be read again: their kept results damaged, or naive times in a month whose zones changed)
    if (engine.readOnly !== null && toRead.length > 0) {
      throw notWritableError(engine.location, engine.readOnly, `what reading ${toRead.length === 1 ? 'the log file' : `${toRead.length} log files`} ${someNames(toRead.map((file) => file.name))} again gives`);
    }
    const withNames = (read: CoreLogFileRead): LogFileRead => ({ ...read, result: { ...read.result, passThrough: namesOfParts(read.parts) } });
    if (toRead.length > 0) await readLogFiles(toRead, { ...options, zones: rosterZones, onFileRead: (read) => fresh.push(withNames(read)) });
    readAgain = async (file) => {
      const before = repaired.length;
      await readLogFiles([file], { ...options, zones: rosterZones, workers: 0, onFileRead: (read) => repaired.push(withNames(read)) });
      return repaired[before].parts;
    };
    const freshByName = new Map(fresh.map((read) => [read.file.name, read]));
    // the account of every file; the rows to clean again are found and loaded once the store knows the new files
    return mergeLogFileReads(logFiles.map((file) => ({ file, parts: [], result: freshByName.get(file.name)?.result ?? keptResults.get(file.name)! })), 0);
  };

  // the run's one transaction, and its commit once asked for (see below)
  let committed: Promise<void> | undefined;
  await engine.run('BEGIN TRANSACTION');
  try {
    const parsed = await readSlice(inputDir, config, { now: asOf, onProgress: progress, workers: effects.workers, signal: effects.signal, readLogs });
    const logFiles = files.filter((file): file is LogFile => file.kind !== 'user_monthly_summary');
    const regionInput = { logFiles, fresh, keptResults, progress, readAgain, signal: effects.signal };
    // (a store without an account holds no rows: its run cleans every row)
    const account = metaJson(engine, meta, 'account', isStoreAccount) ?? emptyAccount();
    const cleaned = await cleanRegion(engine, config, parsed, regionInput, account);
    const reports = request.tasks !== false && request.week !== undefined;
    const settled = settledLoader(engine, config, parsed, regionInput, cleaned, { metricsOnly: request.metricsOnly === true, keepLast: reports });
    // everything of the run's data but its tasks (those are loaded by week: each week's facts, the report's window)
    const { data: base } = await settled({ from: 0, to: 0 });
    const roster = rosterState(base.roster.objects() as Array<Record<string, unknown>>, parsed.roster.teamSpelling);
    const rosterBefore = cleaned.quarters === 'all' ? null : (metaJson(engine, meta, 'roster_state', isRosterState) ?? null);
    const pendingBefore = metaJson(engine, meta, 'facts_pending', isTextList) ?? [];
    const refresh = await weeksToRefresh(engine, config, { quarters: cleaned.quarters === 'all' ? new Set() : cleaned.quarters, before: rosterBefore, after: roster, factsHashBefore: meta.facts_hash, pending: pendingBefore });
    const weeks = new Map<string, string>();
    for (const [name, entry] of ledger) if (entry.weeks !== null) weeks.set(name, String(entry.weeks));
    for (const read of fresh) weeks.set(read.file.name, weeksOf(read.parts.map((part) => part.start), config.timezone));
    const tasks = base.accounting.ai_logs.tasks + base.accounting.manual_logs.tasks;
    const settings = {
      format: STORE_FORMAT, contract: CONTRACT_VERSION, config_hash: hash, reader, zones_hash: zones, zones_months: JSON.stringify(zoneMonths), as_of: String(asOf), tasks: String(tasks),
      facts_hash: refresh.size > 0 ? pendingFactsHash(config) : factsHash(config), facts_pending: JSON.stringify([...refresh].sort()),
      roster_state: JSON.stringify(roster), account: JSON.stringify(cleaned.account),
    };
    // (the same roster state: the same roster rows, in the same order)
    const rosterKept = meta.roster_state === settings.roster_state && cleaned.quarters !== 'all';
    if (!readOnly) await saveRun(engine, { files, hashed, weeks, fresh: [...fresh, ...repaired], data: base, meta: settings, rosterKept });
    // the files' parsed rows are saved: from here on the run needs their results only (the region's tasks keep the text they read)
    for (const read of [...fresh, ...repaired]) read.parts = [];
    // (the region's rows and tasks, written, wait for the commit in the engine's temp file, not in memory)
    engine.releaseCache();
    // The run's cleaned rows are committed once the first week whose facts change is read: the commit is written
    // while that week's facts are computed, and checkpointed while the next weeks are read and the KPIs computed
    // (from the facts in hand). The facts are kept last, in a transaction of their own: a run stopped between
    // the two leaves those weeks pending (facts_pending), and the next run computes them.
    const commit = () => (committed ??= engine.run('COMMIT'));
    const computed = await computeWeekFacts(engine, config, refresh, settled, progress, () => {
      commit().catch(() => undefined);
      engine.checkpointSoon();
    });
    await commit();
    // (once: after the report, which computes from them, or before loading every task; the facts then go from memory)
    let kept: Promise<void> | undefined;
    const keepFacts = () =>
      (kept ??= (async () => {
        // (a store only read: the facts computed serve this run's report, and the next run that may write computes them again)
        if (computed.length > 0 && !readOnly) await keepWeekFacts(engine, config, computed);
        computed.length = 0;
      })());
    const finish = async (): Promise<StoreRun> => {
      if (request.tasks === false) {
        await keepFacts();
        return { data: base, summary, readNames: [...fresh, ...repaired].map((read) => read.file.name) };
      }
      if (request.week === undefined) {
        await keepFacts();
        // (the cleaned tasks in memory are settled in place: their last use)
        return { data: cleaned.built ? settleTasks(parsed, config, cleaned.built.tasks) : (await settled()).data, summary };
      }
      // (the KPIs compute next: the engine gives back what it cached)
      const { data, week, metrics } = await reportFromStore(engine, config, base, { week: request.week, setting: request.weekSetting }, settled, progress, () => engine.releaseCache(), computed);
      await keepFacts();
      if (!request.weekBefore) return { data, summary, report: { week, metrics } };
      // (once the KPIs are computed: the two weeks' tasks are not held beside the facts)
      const { data: twoWeeks } = await settled({ from: weekStartMs(week.previous, config.timezone), to: weekStartMs(shiftWeek(week.week, 1), config.timezone) });
      return { data: { ...data, tasks: twoWeeks.tasks }, summary, report: { week, metrics } };
    };
    // (a report that fails, e.g. on a week the data does not hold, leaves the facts kept all the same; its error is
    // the one told: facts that fail to be kept then stay pending, for the next run)
    const run = await finish().catch(async (error: unknown) => {
      await keepFacts().catch(() => undefined);
      throw error;
    });
    if (readOnly) return run;
    await keepNamedBlobs(engine);
    return run;
  } catch (error) {
    // (after a commit there is nothing to roll back, and a ROLLBACK would take the place of the next statement,
    // which must tell of a failed checkpoint)
    const done = committed ? await committed.then(() => true, () => false) : false;
    if (!done) await engine.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function keptResult(bytes: Uint8Array): KeptFileResult | null {
  try {
    const value = deserialize(bytes) as Partial<KeptFileResult> | null;
    // (a quarantine kept as records, before it was kept in columns, is read again)
    return value?.report && Array.isArray(value.quarantine) && value.quarantine.every((part) => part?.lines instanceof Float64Array) ? (value as KeptFileResult) : null;
  } catch {
    return null;
  }
}

// A file's pass-through columns, in the order its rows met them (kept with what reading it gave).
function namesOfParts(parts: LogRowsPart[]): string[] {
  return [...new Set(parts.flatMap((part) => part.passThrough.map(([name]) => name)))];
}

// A file's report and quarantine name it as the input folder was spelled when it was read: as spelled now.
function atPath(kept: KeptFileResult, path: string): KeptFileResult {
  const { report, quarantine } = kept;
  return { ...kept, report: { ...report, file: path }, quarantine: quarantine.map((part) => atFile(part, path)) };
}

// The ISO weeks (report zone) a file's readable rows start in, for `store info` without reading the rows.
function weeksOf(starts: Float64Array[], timezone: string): string {
  const weekOf = byQuarterHour((epochMs) => isoWeekOf(epochMs, timezone));
  const weeks = new Set<string>();
  for (const part of starts) for (const start of part) weeks.add(weekOf(start));
  return [...weeks].sort().join(',');
}

// The shapes of store_meta's JSON values (see metaJson).
const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isRosterState = (value: unknown): value is RosterState => isTextRecord((value as RosterState | null)?.months) && typeof (value as RosterState).spelling === 'string';
