// KPIs over the store (issue #25 item 3): the store keeps each week's facts (weekFacts: small additive rows per
// KPI), brings up to date only the weeks a run changed, and a report reads every week's facts plus the tasks
// of its report window, never every stored task. The result equals computeMetrics over every task.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import { computeMetricsFrom } from '../metrics/compute-metrics.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { WeekFacts } from '../metrics/kpi.js';
import { resolveWeekOf, type ReportWeek } from '../metrics/resolve-week.js';
import { FACTS_VERSION, concatFacts, reportWindow, weekFacts } from '../metrics/week-facts.js';
import { baselinesFromFacts } from '../metrics/hours-saved.js';
import { dateOf, isoWeekOf, lastDateOfMonth, shiftWeek, weekRange, weekStartMs } from '../util/iso-week.js';
import type { CleanedData } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import type { WeekSettling } from './settle-by-week.js';
import { blobKey, rebuildCommand, type StoreEngine, type StoreValue } from './store-engine.js';
import { QUARTER_HOUR_MS } from '../columns/index.js';
import { UptakeError } from '../errors.js';
import { someNames } from '../util/some-names.js';

/**
 * The store's tasks that start in [from, to) (every task without a range), settled with the run's roster, in a
 * scratch run's order (`data`), and for a range what settling did to each ISO week of it (`weeks`: a week without
 * tasks is not listed; empty without a range).
 */
export type SettledTasks = (range?: { from: number; to: number }, hooks?: { afterRead?: () => void }) => Promise<{ data: CleanedData; weeks: Map<string, WeekSettling> }>;

// The store names the weeks a run changed by the UTC quarter hours of the tasks' starts (start / QUARTER_HOUR_MS):
// since 1980 every zone's offset is whole quarter hours, and a quarter hour lies in one week (see quarterWeeks).

/**
 * The weeks (report zone) a UTC quarter hour lies in: one, or two where an older local mean time puts a midnight
 * inside it (Africa/Monrovia's -0:44:30 until 1972): a week a task of it may start in is never left out.
 * @example quarterWeeks(Date.UTC(2026, 10, 23) / QUARTER_HOUR_MS, 'UTC') // ['2026-W48']
 */
export function quarterWeeks(quarter: number, zone: string): string[] {
  const [first, last] = [isoWeekOf(quarter * QUARTER_HOUR_MS, zone), isoWeekOf((quarter + 1) * QUARTER_HOUR_MS - 1, zone)];
  return first === last ? [first] : [first, last];
}

/**
 * The SHA-256 of a value's JSON, hex: what the store keeps of the settings and the roster it compares between runs.
 * @example jsonHash({ timezone: 'UTC' })
 */
export const jsonHash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The version of what the store keeps of a week's facts among its blobs (KeptFacts): 2 since the blob holds the
 * week's row of store_week_facts too. Another value recomputes every week's facts once (see factsHash).
 */
const KEPT_FACTS_VERSION = 2;

/**
 * A week's facts as kept among the blobs: its row of store_week_facts (the counts the report sums, the week) and its
 * facts. The blob's key is its SHA-256, so the row's values are checked against the blob's (see storedFacts): a row
 * changed by hand or a tool is damaged, never summed as it stands.
 */
type KeptFacts = Record<(typeof COUNT_COLUMNS)[number], number> & { week: string; facts: WeekFacts };
/** The counts of a week's row of store_week_facts that its blob holds too. */
const COUNT_COLUMNS = ['tasks', 'teams_filled', 'durations_unknown', 'durations_too_long'] as const;

/**
 * The settings a week's facts depend on besides its tasks (see weekFacts), and the facts' version: another value
 * recomputes every week's facts (see computeWeekFacts), never a rebuild of the cleaned data.
 * @example factsHash(parseConfig({}))
 */
export function factsHash(config: Config): string {
  return jsonHash({ facts: FACTS_VERSION, kept: KEPT_FACTS_VERSION, timezone: config.timezone, metrics: config.metrics, privacy: config.privacy, people: config.people, licences: config.licences });
}

/** What of the roster a week's settled tasks depend on: each month's entries (teams are filled per user and month) and the teams' spelling. */
export interface RosterState {
  months: Record<string, string>;
  spelling: string;
}

/**
 * The roster's state as the store compares it between runs.
 * @example rosterState(data.roster.objects(), roster.teamSpelling)
 */
export function rosterState(entries: Array<Record<string, unknown>>, spelling: Map<string, string>): RosterState {
  const byMonth = new Map<string, Array<Record<string, unknown>>>();
  for (const entry of entries) {
    const month = String(entry.month);
    let list = byMonth.get(month);
    if (!list) byMonth.set(month, (list = []));
    list.push(entry);
  }
  return { months: Object.fromEntries([...byMonth].map(([month, list]) => [month, jsonHash(list)])), spelling: jsonHash([...spelling].sort()) };
}

/**
 * The store's facts_hash while the facts of some weeks (facts_pending) are still to be kept: a run keeps its
 * cleaned rows, then its weeks' facts (see keepWeekFacts). An uptake that knows no pending facts reads another
 * hash, and computes every week's facts again.
 * @example pendingFactsHash(config) // 'pending:3f2a…'
 */
export const pendingFactsHash = (config: Config): string => `${PENDING}${factsHash(config)}`;
const PENDING = 'pending:';

/**
 * The weeks whose facts a run must compute again: every week when the facts' settings or the teams' spelling
 * changed (or the store has no facts yet), else the weeks whose tasks the run replaced, the weeks of every
 * roster month that changed, the weeks whose facts a run stopped before keeping (`pending`), and the weeks
 * with stored tasks whose facts row is missing.
 * @example await weeksToRefresh(engine, config, { quarters, before, after, factsHashBefore, pending: [] })
 */
export async function weeksToRefresh(
  engine: StoreEngine,
  config: Config,
  change: { quarters: Set<number>; before: RosterState | null; after: RosterState; factsHashBefore: string | undefined; pending: string[] },
): Promise<Set<string>> {
  const zone = config.timezone;
  const pending = change.factsHashBefore === pendingFactsHash(config);
  const everything = change.before === null || (!pending && change.factsHashBefore !== factsHash(config)) || change.before.spelling !== change.after.spelling;
  const weeks = new Set<string>(pending ? change.pending : []);
  const factWeeks = new Set((await engine.all('SELECT week FROM store_week_facts')).map((row) => String(row.week)));
  if (everything) return new Set([...weeks, ...(await taskWeeksOutside(engine, zone, new Set())), ...factWeeks]);
  for (const quarter of change.quarters) for (const week of quarterWeeks(quarter, zone)) weeks.add(week);
  // A week with tasks and no facts (its row deleted, the table emptied by hand or a tool): computed again, or the
  // report would leave it out of every trend and baseline (or find no week at all) without a word. Only the tasks
  // outside the weeks with facts or refreshed anyway can start in such a week: the others are not looked at.
  for (const week of await taskWeeksOutside(engine, zone, new Set([...factWeeks, ...weeks]))) if (!factWeeks.has(week)) weeks.add(week);
  const months = new Set([...Object.keys(change.before!.months), ...Object.keys(change.after.months)]);
  for (const month of months) {
    if (change.before!.months[month] === change.after.months[month]) continue;
    for (const week of weeksTouchingMonth(month)) weeks.add(week);
  }
  return weeks;
}

// The weeks (quarterWeeks) of the stored tasks that start outside the `covered` weeks (report zone), or of every
// stored task. The covered weeks go to the engine as ranges of start times, consecutive weeks as one: a run that
// only adds a week asks for no task, where every task's quarter hour (about 17,000 for 26 weeks) took 0.2 s to
// place in UTC and 0.6 s in America/New_York.
async function taskWeeksOutside(engine: StoreEngine, zone: string, covered: Set<string>): Promise<Set<string>> {
  const ranges: Array<[number, number]> = [];
  for (const week of [...covered].sort()) {
    const [from, to] = [weekStartMs(week, zone), weekStartMs(shiftWeek(week, 1), zone)];
    const last = ranges.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  const outside = ranges.length === 0 ? '' : `WHERE NOT (${ranges.map(([from, to]) => `(started_at >= ${from} AND started_at < ${to})`).join(' OR ')})`;
  const weeks = new Set<string>();
  for (const row of await engine.all(`SELECT DISTINCT floor(started_at / ${QUARTER_HOUR_MS}) AS quarter FROM store_tasks ${outside}`)) {
    for (const week of quarterWeeks(Number(row.quarter), zone)) weeks.add(week);
  }
  return weeks;
}

// The ISO weeks holding a day of a calendar month (a task's month and week are both in the report zone).
function weeksTouchingMonth(month: string): string[] {
  const weekOf = (date: string) => isoWeekOf(Date.parse(`${date}T12:00:00Z`), 'UTC');
  return weekRange(weekOf(`${month}-01`), weekOf(lastDateOfMonth(month)));
}

const FACT_TYPES = STORE_TABLES.store_week_facts.map(([, type]) => type);
const FACT_COLUMNS = STORE_TABLES.store_week_facts.map(([name]) => name);

/** Weeks' facts to compute above which each week is told as it starts (a weekly run computes one or two). */
const WEEKS_TOLD_ABOVE = 4;

/**
 * A week's facts as computed, before they are kept: its row of store_week_facts by column (the facts put among
 * the blobs) and the facts themselves (for a report before they are kept), both null when the week has no tasks.
 */
export interface ComputedWeekFacts {
  week: string;
  row: Record<string, StoreValue> | null;
  facts: WeekFacts | null;
}

/**
 * Computes the facts of the given weeks from their settled tasks, one week in memory at a time, oldest first (a
 * report on the newest then finds its window settled: see settledLoader's keepLast), and puts each among the
 * blobs by its content's hash. `afterFirstRead` hears when the first week's tasks are read: the run's commit may
 * be written while they are settled and their facts computed. keepWeekFacts keeps them.
 * @example await keepWeekFacts(engine, config, await computeWeekFacts(engine, config, new Set(['2026-W47']), settled, log))
 */
export async function computeWeekFacts(
  engine: StoreEngine,
  config: Config,
  weeks: Set<string>,
  settled: SettledTasks,
  progress: (message: string) => void,
  afterFirstRead: () => void = () => {},
): Promise<ComputedWeekFacts[]> {
  if (weeks.size === 0) {
    afterFirstRead();
    return [];
  }
  progress(`store: facts of ${weeks.size} week${weeks.size === 1 ? '' : 's'} to compute`);
  const sorted = [...weeks].sort();
  const computed: ComputedWeekFacts[] = [];
  for (const [index, week] of sorted.entries()) {
    // (many weeks, after an upgrade or a settings change, take a while: each is told)
    if (sorted.length > WEEKS_TOLD_ABOVE) progress(`store: facts of ${week} (${index + 1} of ${sorted.length})`);
    const range = { from: weekStartMs(week, config.timezone), to: weekStartMs(shiftWeek(week, 1), config.timezone) };
    const { data, weeks: settling } = await settled(range, index === 0 ? { afterRead: afterFirstRead } : {});
    const counts = settling.get(week);
    if (!counts) {
      computed.push({ week, row: null, facts: null });
      continue;
    }
    const facts = factsOfWeek(weekFacts(data.tasks, config), week);
    const kept: KeptFacts = { week, tasks: counts.tasks, teams_filled: counts.teamsFilled, durations_unknown: counts.durationsUnknown, durations_too_long: counts.durationsTooLong, facts };
    // kept by their content's hash: a run that fails leaves the facts the store's rows name as they were (a store
    // only read keeps none: they serve this run's report)
    const key = engine.readOnly === null ? await engine.blobs.put(Buffer.from(JSON.stringify(kept))) : null;
    computed.push({ week, row: { week, facts_key: key, ...Object.fromEntries(COUNT_COLUMNS.map((column) => [column, kept[column]])) }, facts });
  }
  return computed;
}

/**
 * Keeps computed weeks' facts, in one transaction with the store's facts_hash (no week pending any more): a week
 * without tasks loses its facts.
 * @example await keepWeekFacts(engine, config, computed)
 */
export async function keepWeekFacts(engine: StoreEngine, config: Config, computed: ComputedWeekFacts[]): Promise<void> {
  await engine.run('BEGIN TRANSACTION');
  try {
    for (const { week } of computed) await engine.run('DELETE FROM store_week_facts WHERE week = $1', [week]);
    const rows = computed.flatMap(({ row }) => (row ? [row] : []));
    if (rows.length > 0) await engine.append('store_week_facts', FACT_TYPES, FACT_COLUMNS.map((column) => rows.map((row) => row[column])));
    await engine.run("UPDATE store_meta SET value = $1 WHERE key = 'facts_hash'", [factsHash(config)]);
    await engine.run("UPDATE store_meta SET value = '[]' WHERE key = 'facts_pending'");
    await engine.run('COMMIT');
  } catch (error) {
    await engine.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

// The facts of one week's tasks, checked to hold rows of that week only (weekFacts keys every row by its week).
function factsOfWeek(facts: WeekFacts, week: string): WeekFacts {
  for (const [table, rows] of Object.entries(facts)) {
    const other = rows.find((row) => row.week !== week);
    if (other) throw new Error(`facts of ${table}: a row of week ${String(other.week)}, expected ${week}`);
  }
  return facts;
}

/**
 * The report of one week from the store: every week's facts (kept, or `computed` by this run and not kept yet),
 * the report window's settled tasks and the manual baselines by SQL. `base` is the cleaned data without tasks
 * (accounting, quarantine, roster, ...); the data returned holds the window's tasks only. `statementsDone` hears
 * when the report has run its last statement and only computes (by default the engine may then checkpoint: see
 * checkpointSoon). A week the store lacks is blamed on `requested.setting` (default `--week`; see resolveWeek).
 * A week whose kept facts are missing or damaged (a DuckDB store copied without its `.rows` folder) has them
 * computed again from its stored tasks, as a run computes a changed week's, and added to `computed`, for the run
 * to keep with the others (a store only read keeps none).
 * @example const { week, metrics } = await reportFromStore(engine, config, base, { week: 'latest' }, settled, log)
 */
export async function reportFromStore(
  engine: StoreEngine,
  config: Config,
  base: CleanedData,
  requested: { week: string; setting?: string },
  settled: SettledTasks,
  progress: (message: string) => void = () => {},
  statementsDone: () => void = () => engine.checkpointSoon(),
  computed: ComputedWeekFacts[] = [],
): Promise<{ data: CleanedData; week: ReportWeek; metrics: MetricsDocument }> {
  const fresh = new Map(computed.map((week) => [week.week, week]));
  const kept = (await engine.all('SELECT week, facts_key, tasks, teams_filled, durations_unknown, durations_too_long FROM store_week_facts')).filter((row) => !fresh.has(String(row.week)));
  let rows = [...kept, ...computed.flatMap(({ row }) => (row ? [row] : []))].sort((a, b) => (String(a.week) < String(b.week) ? -1 : 1));
  const [span] = await engine.all('SELECT min(started_at) AS first, max(started_at) AS last FROM store_tasks');
  const loadedDates = span.first === null ? null : { first: dateOf(Number(span.first), 'UTC'), last: dateOf(Number(span.last), 'UTC') };
  const report = resolveWeekOf(rows.map((row) => String(row.week)), loadedDates, base.asOf, config, requested.week, requested.setting);
  const window = reportWindow(report, config).sort();
  progress(`report ${report.week}: loading the tasks of ${window.join(' and ')}`);
  const { data: windowData } = await settled({ from: weekStartMs(window[0], config.timezone), to: weekStartMs(shiftWeek(window[window.length - 1], 1), config.timezone) });
  // the statements are done: the run may commit, and the store write its commit into its file, while the facts are read and the KPIs computed
  statementsDone();
  progress(`report ${report.week}: ${windowData.tasks.numRows().toLocaleString('en-US')} tasks loaded; reading the facts of ${rows.length} week${rows.length === 1 ? '' : 's'}`);
  const weeks = new Map<string, WeekFacts>();
  const lost: Array<{ week: string; why: 'missing' | 'damaged' }> = [];
  // (a week with two rows, one copied by hand or a restore run twice, would count its facts twice)
  const twice = new Set(rows.map((row) => String(row.week)).filter((week, index, all) => all[index - 1] === week));
  for (const row of rows) {
    const week = String(row.week);
    if (twice.has(week)) {
      if (!lost.some((entry) => entry.week === week)) lost.push({ week, why: 'damaged' });
      continue;
    }
    const facts = fresh.get(week)?.facts ?? (await storedFacts(engine, row));
    if (typeof facts === 'string') lost.push({ week, why: facts });
    else weeks.set(week, facts);
  }
  if (lost.length > 0) {
    const told = (['missing', 'damaged'] as const).flatMap((why) => {
      const of = lost.filter((entry) => entry.why === why).map((entry) => entry.week);
      return of.length === 0 ? [] : [`${of.length} week${of.length === 1 ? '' : 's'} ${why} beside the store (${someNames(of)})`];
    });
    progress(`store: facts of ${told.join(', and of ')}: computed again from their stored tasks`);
    const lostWeeks = lost.map((entry) => entry.week);
    const again = await computeWeekFacts(engine, config, new Set(lostWeeks), settled, progress);
    for (const week of again) {
      // (a week the store lists holds tasks: none found, its tables are not what its facts were computed from)
      if (!week.facts) throw new UptakeError('output', `${engine.location}: expected the stored tasks of ${week.week}, whose facts are missing or damaged beside the store, found none; run ${rebuildCommand(engine.location)} to recompute them`);
      weeks.set(week.week, week.facts);
    }
    computed.push(...again);
    // (the counts the report sums are the recomputed week's too, not those of a row changed by hand)
    const recomputed = new Map(again.map((week) => [week.week, week.row!]));
    rows = [...new Map(rows.map((row) => [String(row.week), recomputed.get(String(row.week)) ?? row])).values()];
  }
  progress(`report ${report.week}: computing the KPIs`);
  const facts = concatFacts(rows.map((row) => weeks.get(String(row.week))!));
  const sum = (column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);
  const data: CleanedData = {
    ...base,
    tasks: windowData.tasks,
    loadedDates,
    teamsFilled: sum('teams_filled'),
    durationsDropped: { unknown: sum('durations_unknown'), too_long: sum('durations_too_long') },
  };
  const baselines = baselinesFromFacts(facts, report);
  return { data, week: report, metrics: computeMetricsFrom({ facts, window: windowData.tasks, baselines, data }, config, report) };
}

/**
 * A week's kept facts, or why they cannot be taken back: missing, or damaged (bytes that are not the key's, even if
 * they parse; or a row of store_week_facts whose week or counts are not those its facts were kept with); the report
 * then computes them again from the week's stored tasks (`uptake store check` tells the same).
 * @example await storedFacts(engine, (await engine.all("SELECT * FROM store_week_facts WHERE week = '2026-W47'"))[0]) // 'missing' when its blob is gone
 */
export async function storedFacts(engine: StoreEngine, row: Record<string, StoreValue>): Promise<WeekFacts | 'missing' | 'damaged'> {
  const key = String(row.facts_key);
  const bytes = await engine.blobs.get(key);
  if (bytes === null) return 'missing';
  if (blobKey(bytes) !== key) return 'damaged';
  const kept = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as KeptFacts;
  if (kept.week !== String(row.week) || COUNT_COLUMNS.some((column) => kept[column] !== Number(row[column]))) return 'damaged';
  return kept.facts;
}

/** The keys of the weeks' facts among the store's blobs (the blobs a run keeps besides its files' parsed rows). */
export async function factsKeys(engine: StoreEngine): Promise<string[]> {
  return (await engine.all('SELECT facts_key FROM store_week_facts')).map((row) => String(row.facts_key));
}
