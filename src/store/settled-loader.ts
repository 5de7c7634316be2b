// A run's tasks by week, from the store and the region in memory, in a scratch run's order and settled with the run's roster.
import type { Config } from '../config/schema.js';
import { passThroughColumns, settleTasks, taskTableOfValues, taskValuesOf, type KeptFileResult, type ParsedInput } from './clean-slice.js';
import { IN_REGION } from './find-region.js';
import { storedAccounting } from './row-index.js';
import { settleByWeek } from './settle-by-week.js';
import { STORE_TABLES } from './open-store.js';
import type { StoreEngine, StoreValue } from './store-engine.js';
import type { SettledTasks } from './store-report.js';
import type { RegionInput, CleanedRegion } from './clean-region.js';
import { storedTaskList, tasksStartingIn, inScratchOrder, type TaskList } from './task-lists.js';
import { fillTemp } from './fill-temp.js';

/**
 * The run's data from the store: the stored tasks that start in a range (or all), in input order, settled
 * (durations, teams) with the run's roster, with the store's account; for a range, what settling did to each
 * week. With `keepLast` (a report follows) the range settled last is kept: a run computes the facts of its
 * newest week last (computeWeekFacts), then reports on a window of the same week, and settles it once.
 * @example const settled = settledLoader(engine, config, parsed, regionInput, cleaned, { metricsOnly: true, keepLast: true }); const { data } = await settled({ from, to })
 */
export function settledLoader(engine: StoreEngine, config: Config, parsed: ParsedInput, input: RegionInput, cleaned: CleanedRegion, options: { metricsOnly: boolean; keepLast: boolean }): SettledTasks {
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

// The tasks a run cleaned (every one, unsettled, in scratch order) that start in a range, as the store would give
// them back: their values into a table of their own (settling it leaves the cleaned tasks as they are).
function builtTaskLoader({ tasks, passThrough }: NonNullable<CleanedRegion['built']>): TaskLoader {
  return async (range, afterRead = () => {}) => {
    afterRead();
    const { picked } = tasksStartingIn(tasks, range);
    return taskTableOfValues(picked.length, (row) => taskValuesOf(tasks.columns, picked[row], passThrough), passThrough);
  };
}

/** store_tasks' columns no KPI reads (see task-table.ts) but metrics.groupBy may name: a run for the metrics only leaves the others in the store. */
const NOT_FOR_METRICS = new Set(['task_id', 'prompt', 'tool_version', 'pass_through']);
