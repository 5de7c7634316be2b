import { eventTurns } from '../util/event-turns.js';
import { printable, someNames } from '../util/some-names.js';
import { table, type ColumnTable } from 'arquero';
import type { Config } from '../config/schema.js';
import { REQUIRED_KINDS, discoverFiles, foldersWithInput, listInputFolder, lookalikeNames, otherSpellingNames } from '../ingest/discover-files.js';
import { dateOf } from '../util/iso-week.js';
import { prefaultedMemory, rowNumbers, singleRowRuns, type RowIndices } from '../columns/index.js';
import { loadRoster, teamKey, type Roster } from './load-roster.js';
import { readLogFiles, type LogFile, type LogFilesRead } from './read-log-files.js';
import type { RosterZones } from './read-log-file.js';
import { repairClockSkew } from './repair-clock-skew.js';
import { plausibleWindow } from './quarantine.js';
import { canonicalLabels } from './canonical-labels.js';
import { countRawLabels, rowTaskTypes } from './row-task-types.js';
import { dedupeExact } from './dedupe-exact.js';
import { dedupeRetries } from './dedupe-retries.js';
import { STITCHED_TASK, stitchSessions } from './stitch-sessions.js';
import { buildTasks, passThroughColumns, taskTableBytes, taskTableColumns, type TaskColumns, type TaskTableColumns } from './task-table.js';
import { applyDurationRules } from './apply-duration-rules.js';
import { fillTeams } from './fill-teams.js';
import type { CleanedData, FileReport, LabelMapping, LogSource, SourceAccounting } from './types.js';
import { Quarantine } from './quarantine-list.js';
import { compareText } from '../util/compare-text.js';

export interface CleanEffects {
  onProgress?(message: string): void;
  /** Worker threads reading the log files; 0 reads on this thread. Default: one per core for large input. */
  workers?: number;
  /** The run's clock (epoch ms): starts more than `cleaning.maxFutureDays` after it are implausible. Default: the system clock when the run starts. */
  now?: number;
  /** Reads the log files (default readLogFiles); a store passes one that reads only new or changed files and restores the rest. */
  readLogs?: typeof readLogFiles;
  /** Stops the reading (see ReadLogFilesOptions.signal). */
  signal?: AbortSignal;
}

/** The input as read (CONTRACT 2.1 and the reading half of 2.2): what cleanRows turns into cleaned data. */
export interface ParsedInput {
  /** Readable log rows per source (times in UTC), quarantined rows, file reports and row counts. */
  logs: LogFilesRead;
  roster: Roster;
  /** Optional values that could not be read, per column (logs and roster). */
  unreadable: Record<string, number>;
  /** The run's clock (epoch ms) the rows were judged against. */
  asOf: number;
}

export interface CleanRowsOptions {
  onProgress?(message: string): void;
  /**
   * How many rows carry each raw task label, over both log sources (countRawLabels). Default: counted over
   * `parsed`; a caller that cleans a part of the history passes the counts of all of it (CONTRACT 2.3).
   */
  labelCounts?: Map<string, number>;
  /** Per source, the rows to clean (ascending); default every row. A store cleans only the rows the cross-row rules must see again. */
  only?: Record<LogSource, RowIndices>;
  /** Stops the cleaning between its rules (a run aborted by a stop signal). */
  signal?: AbortSignal;
}

function emptyAccounting(): SourceAccounting {
  return { rows_read: 0, quarantined: 0, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: 0 };
}

/**
 * Reads an input folder and applies every cleaning rule of CONTRACT section 2, in order: readInput, then
 * cleanRows. Every input row ends up in a task, merged with a reason, or quarantined with a reason.
 * @example const data = await cleanInput('data/sample', parseConfig({}))
 */
export async function cleanInput(inputDir: string, config: Config, effects: CleanEffects = {}): Promise<CleanedData> {
  return cleanRows(await readInput(inputDir, config, effects), config, { onProgress: effects.onProgress, signal: effects.signal });
}

/**
 * The reading half of cleaning: the files of a folder by kind, the roster, and every log row parsed, with
 * times in UTC (naive times in the roster's zones) and unreadable rows quarantined (CONTRACT 2.1, 2.2).
 * @example const parsed = await readInput('data/sample', config, { now: Date.now() }); cleanRows(parsed, config)
 */
export async function readInput(inputDir: string, config: Config, effects: CleanEffects = {}): Promise<ParsedInput> {
  const progress = effects.onProgress ?? (() => {});
  const asOf = effects.now ?? Date.now();
  const unreadable: Record<string, number> = {};
  const onUnreadableOptional = (column: string, count = 1) => {
    unreadable[column] = (unreadable[column] ?? 0) + count;
  };

  // 1. Files: by name prefix, in name order (input order for every tie-break below)
  // (the folder is listed once: the files and the names skipped come from the same listing)
  const listing = await listInputFolder(inputDir);
  const files = await discoverFiles(inputDir, REQUIRED_KINDS, listing);
  progress(`found ${files.length} input files in ${printable(inputDir)}`);
  const skipped = await lookalikeNames(listing);
  if (skipped.length > 0) progress(`skipped ${someNames(skipped)}: named like input, but only *.csv and *.csv.gz files (not hidden) are read`);
  const respelt = await otherSpellingNames(listing);
  if (respelt.length > 0) progress(`skipped ${someNames(respelt)}: named like input, but a file's kind is read from a name starting ai_logs, manual_logs or user_monthly_summary (with the underscores)`);
  const folders = await foldersWithInput(listing);
  if (folders.length > 0) progress(`skipped ${someNames(folders)}: input files are read from ${inputDir} itself, not from its subfolders`);

  // 2. Roster first: naive timestamps need each user's zone for the month they name
  const loadingRoster = loadRoster(files.filter((file) => file.kind === 'user_monthly_summary'), onUnreadableOptional, progress, config.inputLimits);

  // 3. Logs: quarantine unreadable rows, turn times into UTC (files side by side on large input; the
  // threads start while the roster is read, and read once its zones are known)
  const logFiles = files.filter((file): file is LogFile => file.kind !== 'user_monthly_summary');
  const reading = (effects.readLogs ?? readLogFiles)(logFiles, {
    zones: loadingRoster.then(rosterZones), defaultZone: config.cleaning.defaultTimezone, plausible: plausibleWindow(config.cleaning, asOf), onProgress: progress, workers: effects.workers, limits: config.inputLimits, signal: effects.signal,
  });
  const [roster, logs] = await Promise.all([loadingRoster, reading]);
  for (const [column, count] of logs.unreadable) onUnreadableOptional(column, count);
  return { logs, roster, unreadable, asOf };
}

/** What became of a source's rows (CONTRACT 2.4-2.6): a store keeps it per row. */
export interface RowFates {
  /** Rows kept by exact de-duplication (the rest are exact duplicates), ascending. */
  exactKept: RowIndices;
  /** Rows in tasks (the kept rows the retry rule did not merge away), ascending. */
  inTasks: RowIndices;
  /** The kept row of each id whose copies disagree (conflicting_duplicates). */
  conflicting: number[];
}

/** Steps 4-6 of cleanRows: the tasks before the duration and team rules, and the counts so far. */
export interface TasksOfRows {
  columns: TaskTableColumns;
  ai: TaskColumns;
  manual: TaskColumns;
  /** Per source, every term of CONTRACT section 2's sum, and the tasks. */
  accounting: Record<LogSource, SourceAccounting>;
  /** Rows whose end came before their start (swapped). */
  clockSkew: number;
  mapping: Map<string, LabelMapping>;
}

/**
 * The rules of CONTRACT section 2 over rows already read (readInput): clock skew, labels, exact duplicates,
 * retries, stitching, durations, teams, in that order. The parsed rows are repaired in place: clean them once.
 * @example const data = await cleanRows(await readInput(dir, config), config)
 */
export async function cleanRows(parsed: ParsedInput, config: Config, options: CleanRowsOptions = {}): Promise<CleanedData> {
  return settleTasks(parsed, config, await tasksOfRows(parsed, config, options));
}

/**
 * Steps 4-6 of cleanRows (clock skew, labels, exact duplicates, retries, stitching) over the rows of
 * `options.only` (default: every row), and what became of each row.
 * @example const { fates } = await tasksOfRows(parsed, config, { labelCounts, only })
 */
export async function tasksOfRows(parsed: ParsedInput, config: Config, options: CleanRowsOptions = {}): Promise<TasksOfRows & { fates: Record<LogSource, RowFates> }> {
  const progress = options.onProgress ?? (() => {});
  const { logs: read } = parsed;
  const rows = read.rows;
  const accounting = { ai_logs: emptyAccounting(), manual_logs: emptyAccounting() };
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    accounting[source].rows_read = read.counts[source].rowsRead;
    accounting[source].quarantined = read.counts[source].quarantined;
  }
  const aiRows = options.only?.ai_logs ?? rowNumbers(rows.ai_logs.length);
  const manualRows = options.only?.manual_logs ?? rowNumbers(rows.manual_logs.length);

  // Input large enough for reading threads: the task table's memory is mapped on another core while the
  // rules below run (see prefaultedMemory). There are at most as many tasks as rows.
  const passThrough = passThroughColumns([rows.ai_logs, rows.manual_logs]);
  const rowCount = aiRows.length + manualRows.length;
  const tableMemory = read.threads > 0 ? prefaultedMemory(taskTableBytes(rowCount, passThrough.size)) : undefined;
  // Each rule runs through the rows in one go (up to a second on a large input): a signal is seen between them.
  const betweenRules = eventTurns(options.signal, 0);

  // 4. Clock skew: an end before its start is swapped
  const clockSkew = repairClockSkew(rows.ai_logs) + repairClockSkew(rows.manual_logs);

  await betweenRules();
  // 5. Task labels: spelling, synonyms, abbreviations, catalogue; frequencies over both sources
  const mapping = canonicalLabels(options.labelCounts ?? countRawLabels([rows.ai_logs, rows.manual_logs]), config.cleaning);
  const [aiTypes, manualTypes] = rowTaskTypes([rows.ai_logs, rows.manual_logs], mapping);

  await betweenRules();
  // 6. Exact duplicates (conflicting copies counted; harmful if any copy is), then retries (AI only), then stitching (AI only)
  const aiExact = dedupeExact(rows.ai_logs, aiRows, aiTypes.ids);
  const manualExact = dedupeExact(rows.manual_logs, manualRows, manualTypes.ids);
  await betweenRules();
  const aiRetries = dedupeRetries(rows.ai_logs, aiExact.kept, aiTypes, config.cleaning.retryWindowSec * 1000);
  await betweenRules();
  const stitched = stitchSessions(rows.ai_logs, aiRetries.kept, aiTypes, config.cleaning.stitchGapMin * 60_000);
  const manualRuns = singleRowRuns(manualExact.kept);
  await betweenRules();
  await tableMemory?.ready;
  const columns = taskTableColumns(stitched.tasks.listed.length + manualRuns.listed.length, passThrough, aiTypes.names, tableMemory?.buffer);
  const ai = buildTasks(rows.ai_logs, stitched.tasks, STITCHED_TASK, aiTypes.ids, { columns, offset: 0 }, 'ai_logs', passThrough);
  await betweenRules();
  const manual = buildTasks(rows.manual_logs, manualRuns, STITCHED_TASK, manualTypes.ids, { columns, offset: ai.length }, 'manual_logs', passThrough);
  accounting.ai_logs.exact_duplicates = aiExact.duplicates;
  accounting.ai_logs.conflicting_duplicates = aiExact.conflicting.length;
  accounting.ai_logs.retry_duplicates = aiRetries.duplicates;
  accounting.ai_logs.rows_in_tasks = aiRetries.kept.length;
  accounting.ai_logs.tasks = ai.length;
  accounting.manual_logs.exact_duplicates = manualExact.duplicates;
  accounting.manual_logs.conflicting_duplicates = manualExact.conflicting.length;
  accounting.manual_logs.rows_in_tasks = manualExact.kept.length;
  accounting.manual_logs.tasks = manual.length;
  progress(`cleaned: ${ai.length} AI tasks (${stitched.stitchedRows} rows stitched), ${manual.length} manual tasks`);
  const fates = {
    ai_logs: { exactKept: aiExact.kept, inTasks: aiRetries.kept, conflicting: aiExact.conflicting },
    manual_logs: { exactKept: manualExact.kept, inTasks: manualExact.kept, conflicting: manualExact.conflicting },
  };
  return { columns, ai, manual, accounting, clockSkew, mapping, fates };
}

/**
 * Steps 7-8 of cleanRows (durations, teams) over tasks built by tasksOfRows (or kept by a store), and
 * the cleaned data with its full account (reports, quarantine and roster from `parsed`).
 * @example const data = settleTasks(parsed, config, await tasksOfRows(parsed, config))
 */
export function settleTasks(parsed: ParsedInput, config: Config, built: TasksOfRows): CleanedData {
  const { logs: read, roster, asOf } = parsed;
  const { columns, ai: aiTasks, manual: manualTasks, mapping } = built;
  const quarantine = new Quarantine([...roster.quarantine, ...read.quarantine]);
  const reports: FileReport[] = [...roster.files, ...read.reports];
  const accounting = { ...built.accounting, user_monthly_summary: roster.accounting };
  const repairs: Record<string, number> = { clock_skew: built.clockSkew };

  // 7. Durations: unknown or too long counts as a task without a duration
  const maxDurationMs = config.cleaning.maxDurationHours * 3_600_000;
  const aiDropped = applyDurationRules(aiTasks, maxDurationMs);
  const manualDropped = applyDurationRules(manualTasks, maxDurationMs);

  // 8. Teams: roster spelling, blanks filled from the roster
  const teamsFilled = fillTeams(aiTasks, roster, config.timezone) + fillTeams(manualTasks, roster, config.timezone);

  const tasks = table(columns);
  const quarantineByReason = quarantine.countByReason();
  for (const [column, count] of Object.entries(parsed.unreadable)) repairs[`unreadable_${column}`] = count;
  return {
    asOf,
    tasks,
    roster: toRosterTable(roster),
    loadedDates: loadedDates(columns.started_at),
    accounting,
    quarantine,
    quarantineByReason,
    repairs,
    stitchedFragments: accounting.ai_logs.rows_in_tasks - accounting.ai_logs.tasks,
    durationsDropped: { unknown: aiDropped.unknown + manualDropped.unknown, too_long: aiDropped.too_long + manualDropped.too_long },
    teamsFilled,
    labelMapping: [...mapping.values()].sort((a, b) => compareText(a.canonical, b.canonical) || b.count - a.count || compareText(a.raw, b.raw)),
    files: reports,
    rosterConflicts: roster.conflicts,
  };
}

function rosterZones(roster: Roster): RosterZones {
  const zones: RosterZones = new Map();
  for (const entry of roster.byUserMonth.values()) {
    if (entry.timezone === null) continue;
    let months = zones.get(entry.userId);
    if (!months) zones.set(entry.userId, (months = new Map()));
    months.set(entry.month, entry.timezone);
  }
  return zones;
}

function toRosterTable(roster: Roster): ColumnTable {
  const entries = roster.entries;
  return table({
    user_id: entries.map((entry) => entry.userId),
    team: entries.map((entry) => (entry.team ? roster.teamSpelling.get(teamKey(entry.team)) ?? entry.team : null)),
    month: entries.map((entry) => entry.month),
    timezone: entries.map((entry) => entry.timezone),
    licensed: entries.map((entry) => entry.licensed),
    tasks_total: entries.map((entry) => entry.tasksTotal),
    ai_tasks_total: entries.map((entry) => entry.aiTasksTotal),
  });
}

function loadedDates(starts: Iterable<number>): CleanedData['loadedDates'] {
  let first = Infinity;
  let last = -Infinity;
  for (const start of starts) {
    if (start < first) first = start;
    if (start > last) last = start;
  }
  return Number.isFinite(first) ? { first: dateOf(first, 'UTC'), last: dateOf(last, 'UTC') } : null;
}
