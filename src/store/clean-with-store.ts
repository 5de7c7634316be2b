import { deserialize, serialize } from 'node:v8';
import type { Config } from '../config/schema.js';
import { hashFileStamped, identityOf, type HashedFile } from '../util/hash-file.js';
import {
  canonicalLabels, inputFiles, labelRulesAsApplied, LogRows, mergeLogFileReads, passThroughColumns, readerFingerprint, readLogFiles, readSlice, settleTasks, tasksOfRows, taskTableOfValues, taskValuesOf,
  type CleanedData, type CoreLogFileRead, type InputFile, type KeptFileResult, type LogFile, type LogFileRead, type LogFilesRead, type LogRowsPart, type LogSource, type ParsedInput, type ReadLogFilesOptions,
  type LabelMapping, type RosterZones, type SourceAccounting, type TaskValues,
} from './clean-slice.js';
import { findRegion, IN_REGION, ROW_STATE, type Region } from './find-region.js';
import { emptyAccount, FILE_LABEL_TYPES, fileLabelColumns, FRESH_ROW_COLUMNS, freshRowColumns, newLabelCounts, ROW_TALLY, rowFates, STORE_ROW_TYPES, storedAccounting, storeRowColumns, tallyRows, type StoreAccount } from './row-index.js';
import { settleByWeek } from './settle-by-week.js';
import { STORE_TASK_TYPES, storedTask, storeTaskColumns } from './stored-tasks.js';
import { CONTRACT_VERSION, STORE_FORMAT, STORE_TABLES, readMeta } from './open-store.js';
import { blobKey, notWritableError, rebuildCommand, type StoreColumnType, type StoreEngine, type StoreValue } from './store-engine.js';
import { UptakeError } from '../errors.js';
import { someNames } from '../util/some-names.js';
import { wordList } from '../util/word-list.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { ReportWeek } from '../metrics/resolve-week.js';
import { computeWeekFacts, factsHash, factsKeys, jsonHash, keepWeekFacts, pendingFactsHash, reportFromStore, rosterState, weeksToRefresh, type RosterState, type SettledTasks } from './store-report.js';
import { isoWeekOf, shiftWeek, weekStartMs } from '../util/iso-week.js';
import { byQuarterHour, QUARTER_HOUR_MS } from '../columns/index.js';

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
 * The settings whose change changes cleaned rows: the cleaning rules, the report time zone (teams are
 * filled per month in it) and the input limits. A store cleaned under others must be rebuilt.
 * @example configHash(parseConfig({}))
 */
export function configHash(config: Config): string {
  return jsonHash({ cleaning: { ...config.cleaning, ...labelRulesAsApplied(config.cleaning) }, timezone: config.timezone, inputLimits: config.inputLimits });
}

/**
 * Whether a store's settings hash is this config's: configHash, or (a store kept before the label rules were
 * compared as applied) the hash of the settings as written.
 * @example sameCleaningSettings(meta.config_hash, config)
 */
export function sameCleaningSettings(storedHash: string, config: Config): boolean {
  return storedHash === configHash(config) || storedHash === jsonHash({ cleaning: config.cleaning, timezone: config.timezone, inputLimits: config.inputLimits });
}

// Naive times are read in the roster's zone of their month: another zone table means other instants. (A store
// from before zonesByMonth kept only this hash of the whole table.)
function zonesHash(zones: RosterZones): string {
  const entries = [...zones].map(([user, months]) => [user, [...months].sort(([a], [b]) => (a < b ? -1 : 1))] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return jsonHash(entries);
}

/**
 * The roster's zones per month (each month's users and zones, hashed): a month whose entry changed (a new
 * roster month, a zone corrected) changes the instants of that month's naive times only.
 * @example zonesByMonth(new Map([['u1', new Map([['2026-11', 'Europe/Paris']])]])) // { '2026-11': '5d1c…' }
 */
export function zonesByMonth(zones: RosterZones): Record<string, string> {
  const byMonth = new Map<string, Array<[string, string]>>();
  for (const [user, months] of zones) {
    for (const [month, zone] of months) {
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push([user, zone]);
    }
  }
  return Object.fromEntries([...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, list]) => [month, jsonHash(list.sort(([a], [b]) => (a < b ? -1 : 1)))]));
}

// The months whose zones differ between two zonesByMonth (added, removed or changed).
function zoneMonthsChanged(before: Record<string, string>, after: Record<string, string>): Set<string> {
  return new Set([...Object.keys(before), ...Object.keys(after)].filter((month) => before[month] !== after[month]));
}

/** Rows the SQL statements of a run carry at once (labels, file order). */
const ROWS_PER_STATEMENT = 500;
/** Rows or tasks turned into store values and appended at a time: the values of a whole history are never held at once. */
const ROWS_PER_APPEND = 65_536;

/** Why a run reads every stored file again, when the store alone tells (see cleanWithStore's summary.rereadAll). */
const REREAD = {
  reader: 'this build of uptake reads files differently from the one that filled the store',
  zones: 'the roster\'s time zones changed (naive times are read in them)',
  clock: 'the run\'s clock is earlier than the last run\'s (plausible starts depend on it)',
};

/**
 * Why a run with this config at this clock (epoch ms) would read every stored file again, or null: this build
 * reads files otherwise than the one that filled the store (see readerFingerprint: after an upgrade), or the
 * clock is earlier than the last run's. With a large input, cleanThroughStore then rebuilds the store first (in
 * batches, the store as it was until the rebuild finishes) instead of one run holding the whole history. A store
 * cleaned under other settings is UptakeError('config') first, as for every run (see cleanedUnder).
 * @example const why = await whyEveryFileAgain(engine, config, Date.now()); if (why) progress(why)
 */
export async function whyEveryFileAgain(engine: StoreEngine, config: Config, asOf: number): Promise<string | null> {
  const meta = await readMeta(engine);
  cleanedUnder(engine, meta, config);
  if (meta.reader !== undefined && meta.reader !== (await readerFingerprint())) return REREAD.reader;
  if (meta.as_of !== undefined && asOf < Number(meta.as_of)) return REREAD.clock;
  return null;
}

// A store cleaned under other cleaning, timezone or inputLimits settings is rebuilt, never run on (nor emptied by a run).
function cleanedUnder(engine: StoreEngine, meta: Record<string, string>, config: Config): void {
  if (meta.config_hash !== undefined && !sameCleaningSettings(meta.config_hash, config)) throw otherCleaningError(engine.location);
}

/**
 * The error for a store cleaned under other cleaning, timezone or inputLimits settings than the config's
 * (UptakeError('config'), naming `uptake store rebuild`): a run stops on it; `uptake store info` ends with it.
 * @example throw otherCleaningError(engine.location)
 */
export function otherCleaningError(location: string): UptakeError {
  return new UptakeError(
    'config',
    `${location}: expected a store cleaned with this config's cleaning, timezone and inputLimits settings, got one cleaned with other settings; run ${rebuildCommand(location)} to recompute it from every input file`,
  );
}

/** What a run through the store knows before it reads anything: the store's settings, its ledger and the input's hashes. */
interface LandingCheck {
  meta: Record<string, string>;
  reader: string;
  asOf: number;
  files: InputFile[];
  hashed: Map<string, HashedFile>;
  ledger: Map<string, Record<string, StoreValue>>;
}

// A store opened read-only (this user may not write it: `why`) serves a run only when the run would write nothing
// into it: a store of this format, read by this build at a clock not earlier than its last run's, whose ledger holds
// every input file with the same bytes (rosters too) and no other, none due to be read again. Else nothing is
// written, and the error names the store, why it may not be written and what would have to land.
function expectNothingToLand(location: string, why: string, { meta, reader, asOf, files, hashed, ledger }: LandingCheck): void {
  const refuse = (toLand: string) => {
    throw notWritableError(location, why, toLand);
  };
  if (ledger.size === 0 || meta.format === undefined) refuse(`every input file (it holds none yet)`);
  if (meta.format !== STORE_FORMAT) refuse(`its tables, brought from format ${meta.format} to format ${STORE_FORMAT}`);
  if (meta.reader !== undefined && meta.reader !== reader) refuse(`every input file read again (${REREAD.reader})`);
  if (meta.as_of !== undefined && asOf < Number(meta.as_of)) refuse(`every input file read again (${REREAD.clock})`);
  const counted = (names: string[], what: string) => (names.length === 0 ? [] : [`${names.length} ${names.length === 1 ? 'file' : 'files'} ${what} (${someNames(names)})`]);
  const added = files.filter((file) => !ledger.has(file.name)).map((file) => file.name);
  const changed = files
    .filter((file) => {
      const entry = ledger.get(file.name);
      return entry !== undefined && (entry.sha256 !== hashed.get(file.name)?.sha256 || Number(entry.bytes) !== file.bytes);
    })
    .map((file) => file.name);
  const reread = files.filter((file) => ledger.get(file.name)?.reread === true && !changed.includes(file.name)).map((file) => file.name);
  const gone = [...ledger.keys()].filter((name) => !hashed.has(name));
  const toLand = [
    ...counted(added, 'new in the input since the store last saw it'),
    ...counted(changed, 'changed since the store last saw them'),
    ...counted(reread, "due to be read again (rows that started after the store's last run's clock)"),
    ...counted(gone, 'gone from the input'),
  ];
  if (toLand.length > 0) refuse(`the changes from ${wordList(toLand)}`);
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
    const monthsBefore = meta.zones_months === undefined ? undefined : (JSON.parse(meta.zones_months) as Record<string, string>);
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
    const regionInput = { logFiles, fresh, keptResults, progress, readAgain };
    // (a store without an account holds no rows: its run cleans every row)
    const account = meta.account === undefined ? emptyAccount() : (JSON.parse(meta.account) as StoreAccount);
    const cleaned = await cleanRegion(engine, config, parsed, regionInput, account);
    const reports = request.tasks !== false && request.week !== undefined;
    const settled = settledLoader(engine, config, parsed, regionInput, cleaned, { metricsOnly: request.metricsOnly === true, keepLast: reports });
    // everything of the run's data but its tasks (those are loaded by week: each week's facts, the report's window)
    const { data: base } = await settled({ from: 0, to: 0 });
    const roster = rosterState(base.roster.objects() as Array<Record<string, unknown>>, parsed.roster.teamSpelling);
    const rosterBefore = meta.roster_state === undefined || cleaned.quarters === 'all' ? null : (JSON.parse(meta.roster_state) as RosterState);
    const pendingBefore = meta.facts_pending === undefined ? [] : (JSON.parse(meta.facts_pending) as string[]);
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

interface RegionInput {
  /** The input's log files, in file order. */
  logFiles: LogFile[];
  /** A kept file's parsed rows read again from it (its stored ones are damaged). */
  readAgain(file: LogFile): Promise<LogRowsPart[]>;
  fresh: LogFileRead[];
  keptResults: Map<string, KeptFileResult>;
  progress(message: string): void;
}

// The new files' rows go into run_fresh (what the region's search reads of them); the region is found in SQL;
// its rows (and only those) are taken from the files that hold them and cleaned again; the store's tasks and rows
// (with their fates) are brought up to date; the run's tasks are then loaded by week (settledLoader).
async function cleanRegion(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput, account: StoreAccount): Promise<CleanedRegion> {
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
  const built = await cleanRegionRows(parsed, config, regionRows, { labelCounts, onProgress: progress });

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
  await writeRegion(engine, logFiles, regionRows, built, listing, account, (key, text, start) => {
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
interface CleanedRegion {
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

// The run's data from the store: the stored tasks that start in a range (or all), in input order, settled
// (durations, teams) with the run's roster, with the store's account; for a range, what settling did to each
// week. With `keepLast` (a report follows) the range settled last is kept: a run computes the facts of its
// newest week last (computeWeekFacts), then reports on a window of the same week, and settles it once.
function settledLoader(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput, cleaned: CleanedRegion, options: { metricsOnly: boolean; keepLast: boolean }): SettledTasks {
  // a run that cleaned every row holds every task: its weeks come from memory, not back from the store
  const loadTasks = cleaned.built ? builtTaskLoader(cleaned.built) : storedTaskLoader(engine, input, options.metricsOnly ? config.metrics.groupBy : null, cleaned.written);
  const settle = async (range?: { from: number; to: number }, afterRead?: () => void) => {
    // an empty range (the run's data without its tasks) asks the store nothing
    const empty = range !== undefined && range.from >= range.to;
    if (empty) afterRead?.();
    const { columns, ai, manual } = empty ? taskTableOfValues(0, () => { throw new RangeError('no task'); }, passThroughColumns([])) : await loadTasks(range, afterRead);
    // settleTasks fills each source's account in place: every range gets its own
    const settleAll = () => settleTasks(parsed, config, { columns, ai, manual, accounting: storedAccounting(parsed, cleaned.account), clockSkew: cleaned.account.skewed, mapping: cleaned.mapping });
    if (!range) return { data: settleAll(), weeks: new Map() };
    const { settled, weeks } = settleByWeek(columns, config.timezone, settleAll);
    return { data: settled, weeks };
  };
  let last: { from: number; to: number; settled: ReturnType<SettledTasks> } | undefined;
  return (range, hooks = {}) => {
    if (range && last?.from === range.from && last.to === range.to) {
      hooks.afterRead?.();
      return last.settled;
    }
    // (the range kept before is let go before another is loaded)
    last = undefined;
    const settled = settle(range, hooks.afterRead);
    if (options.keepLast && range && range.from < range.to) last = { ...range, settled };
    return settled;
  };
}

/** The tasks that start in a range (every task without one), unsettled; `afterRead` hears when the store has been read for them. */
type TaskLoader = (range?: { from: number; to: number }, afterRead?: () => void) => Promise<ReturnType<typeof taskTableOfValues>>;

// The stored tasks (those starting in a range, or every one), in the order a scratch run lists them: AI then
// manual, each by the file order and row number of the row it is listed by; the pass-through columns in the
// order a scratch run meets them. The file order and the pass-through names are set up once per run. The tasks
// the run just wrote (`written`, the region's) come from memory, the others from the store.
// `metricsFor`: for the metrics only, with these metrics.groupBy keys: the text no KPI reads (NOT_FOR_METRICS)
// is not read out of the store, unless a key names it (a pass-through column keeps every pass-through value).
function storedTaskLoader(engine: StoreEngine, input: RegionInput, metricsFor: string[] | null, written: CleanedRegion['written']): TaskLoader {
  const { logFiles, fresh, keptResults } = input;
  const values = STORE_TABLES.store_tasks.map(([name]) => name).filter((name) => name !== 'file' && name !== 'ordinal');
  const leftOut = new Set(
    metricsFor === null ? [] : [...NOT_FOR_METRICS].filter((name) => !metricsFor.includes(name) && (name !== 'pass_through' || metricsFor.every((key) => values.includes(key)))),
  );
  let prepared: Promise<Map<string, string>> | undefined;
  const prepare = async () => {
    // file order is name order as this run's input lists it (a database's collation may sort otherwise)
    await fillTemp(engine, 'run_files', [['name', 'text'], ['position', 'integer']], logFiles.map((file, index) => [file.name, index]));
    if (leftOut.has('pass_through')) return passThroughColumns([]);
    const results = new Map<string, KeptFileResult>([...keptResults, ...fresh.map((read) => [read.file.name, read.result] as const)]);
    const inOrder = [...logFiles.filter((file) => file.kind === 'ai_logs'), ...logFiles.filter((file) => file.kind === 'manual_logs')];
    return passThroughColumns([{ passThrough: new Map(inOrder.flatMap((file) => results.get(file.name)!.passThrough ?? []).map((name) => [name, name])) }]);
  };
  const where = written ? [`NOT ${IN_REGION('t', written.floor)}`] : [];
  const query = (range?: { from: number; to: number }) =>
    engine.columns(
      `SELECT ${values.map((name) => (leftOut.has(name) ? `NULL AS ${name}` : `t.${name}`)).join(', ')}, f.position AS run_position, t.ordinal AS run_ordinal FROM store_tasks t JOIN run_files f ON f.name = t.file
       ${[...where, ...(range ? ['t.started_at >= $1 AND t.started_at < $2'] : [])].map((condition, index) => `${index === 0 ? 'WHERE' : 'AND'} ${condition}`).join(' ')}
       ORDER BY CASE WHEN t.source = 'ai_logs' THEN 0 ELSE 1 END, f.position, t.ordinal`,
      range ? [range.from, range.to] : [],
    );
  // the tasks of a range: the store's, and the region's from memory
  // (a range after every task the store held before, e.g. a new week's: the region's tasks only, asked of nobody)
  const none = () => Object.fromEntries([...values, 'run_position', 'run_ordinal'].map((name) => [name, [] as StoreValue[]]));
  const load = async (range: { from: number; to: number } | undefined, afterRead: () => void): Promise<TaskList[]> => {
    const stored = range && written && (written.storedUntil === null || range.from > written.storedUntil) ? none() : await query(range);
    afterRead();
    return [storedTaskList(stored), ...(written ? [written.tasks(range, leftOut)] : [])];
  };
  return async (range, afterRead = () => {}) => {
    const passThrough = await (prepared ??= prepare());
    return taskTableOfValues(...inScratchOrder(await load(range, afterRead)), passThrough);
  };
}

/**
 * Tasks in scratch order, with what places each among other such lists (merged by inScratchOrder): its
 * source (0: AI, 1: manual), the position of the file it is listed by in the run's file order, its row number.
 */
interface TaskList {
  length: number;
  source(index: number): number;
  position(index: number): number;
  ordinal(index: number): number;
  task(index: number): TaskValues;
}

// Stored tasks as engine.columns gives them (with run_position and run_ordinal).
function storedTaskList(stored: Record<string, StoreValue[]>): TaskList {
  return {
    length: stored.source.length,
    source: (index) => (stored.source[index] === 'ai_logs' ? 0 : 1),
    position: (index) => Number(stored.run_position[index]),
    ordinal: (index) => Number(stored.run_ordinal[index]),
    task: (index) => storedTask(stored, index),
  };
}

/** The region's tasks that start in a range, as the store gives them back (the columns it leaves out: NULL). */
type RegionTaskLists = (range: { from: number; to: number } | undefined, leftOut: Set<string>) => TaskList;

// The tasks a region cleaned (in scratch order, each source's by its first row), read from the task table as
// writeRegion wrote them; a task's values are made when asked for (a list of the store's values for every task
// would take more memory than the table). The table's ids and prompts are read from the region's files' text
// columns, which it keeps until the run ends.
function regionTaskLists(built: RegionTasks, { positionOf, ordinalOf, passThrough }: RegionListing): RegionTaskLists {
  // (the task table and its ranges only, not the rows' fates)
  const { columns } = built;
  return (range, leftOut) => {
    const { picked, manualFrom } = tasksStartingIn(built, range);
    return {
      length: picked.length,
      source: (index) => (index < manualFrom ? 0 : 1),
      position: (index) => positionOf[picked[index]],
      ordinal: (index) => ordinalOf[picked[index]],
      task: (index) => {
        const values = taskValuesOf(columns, picked[index], passThrough);
        if (leftOut.has('task_id')) values.task_id = '';
        if (leftOut.has('prompt')) values.prompt = null;
        if (leftOut.has('tool_version')) values.tool_version = null;
        if (leftOut.has('pass_through')) values.passThrough = {};
        return values;
      },
    };
  };
}

// The tasks a run cleaned (every one, unsettled, in scratch order) that start in a range, as the store would give
// them back: their values into a table of their own (settling it leaves the cleaned tasks as they are).
function builtTaskLoader({ tasks, passThrough }: NonNullable<CleanedRegion['built']>): TaskLoader {
  return async (range, afterRead = () => {}) => {
    afterRead();
    const { picked } = tasksStartingIn(tasks, range);
    return taskTableOfValues(picked.length, (row) => taskValuesOf(tasks.columns, picked[row], passThrough), passThrough);
  };
}

// The tasks of a built table that start in a range (every one without), in table order: the AI tasks, then
// from manualFrom on the manual ones.
function tasksStartingIn({ columns, ai, manual }: RegionTasks, range: { from: number; to: number } | undefined): { picked: number[]; manualFrom: number } {
  const picked: number[] = [];
  let manualFrom = 0;
  for (const { offset, length } of [ai, manual]) {
    manualFrom = picked.length;
    for (let task = offset; task < offset + length; task += 1) {
      const start = columns.started_at[task];
      if (!range || (start >= range.from && start < range.to)) picked.push(task);
    }
  }
  return { picked, manualFrom };
}

/** store_tasks' columns no KPI reads (see task-table.ts) but metrics.groupBy may name: a run for the metrics only leaves the others in the store. */
const NOT_FOR_METRICS = new Set(['task_id', 'prompt', 'tool_version', 'pass_through']);

// Tasks of several lists, each in scratch order, in scratch order together (by source, file, row): the lists
// merged, taking the first of their next tasks each time.
function inScratchOrder(lists: TaskList[]): [number, (row: number) => TaskValues] {
  // task x of list p listed before task y of list q: by source (AI first), file position, row number
  const before = (p: TaskList, x: number, q: TaskList, y: number) => {
    const [sourceX, sourceY] = [p.source(x), q.source(y)];
    if (sourceX !== sourceY) return sourceX < sourceY;
    const [positionX, positionY] = [p.position(x), q.position(y)];
    return positionX !== positionY ? positionX < positionY : p.ordinal(x) < q.ordinal(y);
  };
  const next = lists.map(() => 0);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const [listOf, indexOf] = [new Int32Array(total), new Int32Array(total)];
  for (let index = 0; index < total; index += 1) {
    let first = -1;
    for (let list = 0; list < lists.length; list += 1) {
      if (next[list] === lists[list].length) continue;
      if (first === -1 || before(lists[list], next[list], lists[first], next[first])) first = list;
    }
    [listOf[index], indexOf[index]] = [first, next[first]];
    next[first] += 1;
  }
  return [total, (index) => lists[listOf[index]].task(indexOf[index])];
}

// A small temporary table of this run (labels, file order), filled a few hundred rows a statement.
async function fillTemp(engine: StoreEngine, table: string, columns: Array<[string, StoreColumnType]>, rows: StoreValue[][]): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  await engine.run(`CREATE TEMP TABLE ${table} (${columns.map(([name, type]) => `${name} ${engine.sqlType(type)}`).join(', ')})`);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const tuples = batch.map((_, index) => `(${columns.map((__, column) => `$${index * columns.length + column + 1}`).join(', ')})`);
    await engine.run(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, batch.flat());
  }
}

// Nothing stored to keep (a new store, a rebuild, every file read again): every row is the region, and the
// run's data is the one cleanRows gives; the store takes its tasks and rows for the next run.
async function cleanAll(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput): Promise<CleanedRegion> {
  const { logFiles, fresh, progress } = input;
  // (a store only read that holds no rows: no file is fresh, so there is nothing to write)
  const writable = engine.readOnly === null;
  if (writable) await engine.run('DELETE FROM store_tasks');
  if (writable) await engine.run('DELETE FROM store_rows');
  const regionRows = await loadRegionRows(engine, input, { rows: [] });
  progress(`cleaned all ${(regionRows.ai_logs.only.length + regionRows.manual_logs.only.length).toLocaleString('en-US')} rows (no stored rows to keep)`);
  const built = await cleanRegionRows(parsed, config, regionRows, { onProgress: progress });
  const account = emptyAccount();
  const listing = regionListing(built, regionRows);
  if (writable) await writeRegion(engine, logFiles, regionRows, built, listing, account);
  return { mapping: built.mapping, quarters: 'all', account, built: { tasks: built, passThrough: listing.passThrough } };
}

type RegionTasks = Awaited<ReturnType<typeof tasksOfRows>> & { skewed: Record<LogSource, Uint8Array> };

// CONTRACT 2.2-2.6 over the region's rows (the clock-skew swap noted per row first: the rules repair in place).
async function cleanRegionRows(parsed: ParsedInput, config: Config, region: Record<LogSource, SourceRegion>, options: { labelCounts?: Map<string, number>; onProgress(message: string): void }): Promise<RegionTasks> {
  const skewed = { ai_logs: skewedRows(region.ai_logs), manual_logs: skewedRows(region.manual_logs) };
  const rows = { ai_logs: region.ai_logs.rows, manual_logs: region.manual_logs.rows };
  const built = await tasksOfRows({ ...parsed, logs: { ...parsed.logs, rows, threads: 0 } }, config, {
    ...options,
    only: { ai_logs: region.ai_logs.only, manual_logs: region.manual_logs.only },
  });
  return { ...built, skewed };
}

/** Where each task of a region's table is listed (its first row: the file's position among the log files, the row number), and the table's pass-through columns. */
interface RegionListing {
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
      await engine.append('store_tasks', STORE_TASK_TYPES, columns);
    }
  }
}

/** A source's rows to clean again: the rows of the files that hold any (file order), which of them, and where each came from. */
interface SourceRegion {
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

function keptResult(bytes: Uint8Array): KeptFileResult | null {
  try {
    const value = deserialize(bytes) as Partial<KeptFileResult> | null;
    return value?.report && value.quarantine ? (value as KeptFileResult) : null;
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
  return { ...kept, report: { ...report, file: path }, quarantine: quarantine.map((record) => ({ ...record, file: path })) };
}

interface RunToSave {
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

// In the run's transaction: a run that fails half-way leaves the store as the last good run left it.
async function saveRun(engine: StoreEngine, run: RunToSave): Promise<void> {
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
  const quarantine = data.quarantine;
  await replaceRows(engine, 'store_quarantine', [quarantine.map((q) => q.file), quarantine.map((q) => q.line), quarantine.map((q) => q.reason), quarantine.map((q) => q.raw), quarantine.map((q) => q.detail)]);
  const roster = data.roster;
  const nullable = (values: ArrayLike<unknown>): StoreValue[] => Array.from(values, (value) => (value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : (value as StoreValue)));
  if (!rosterKept) await replaceRows(engine, 'store_roster', STORE_TABLES.store_roster.map(([name]) => nullable(roster.array(name) as ArrayLike<unknown>)));
  const labels = data.labelMapping;
  await replaceRows(engine, 'store_labels', [labels.map((l) => l.raw), labels.map((l) => l.canonical), labels.map((l) => l.count), labels.map((l) => l.via)]);
}


// The ISO weeks (report zone) a file's readable rows start in, for `store info` without reading the rows.
function weeksOf(starts: Float64Array[], timezone: string): string {
  const weekOf = byQuarterHour((epochMs) => isoWeekOf(epochMs, timezone));
  const weeks = new Set<string>();
  for (const part of starts) for (const start of part) weeks.add(weekOf(start));
  return [...weeks].sort().join(',');
}
