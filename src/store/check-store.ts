// `uptake store check`: whether the store's tables still add up to each other, as every run leaves them. A run trusts
// them: rows deleted, copied or moved by hand or by another tool would give reports that differ from a full recompute
// without a word. Values changed in place, with every count kept, are not seen (that would need a checksum of every row).
import type { Config } from '../config/schema.js';
import { QUARTER_HOUR_MS } from '../columns/index.js';
import { readMeta } from './open-store.js';
import { ROW_STATE } from './find-region.js';
import { emptyAccount, isStoreAccount, ROW_TALLY, tallyRows, type StoreAccount } from './row-index.js';
import { factsHash, quarterWeeks, storedFacts } from './store-report.js';
import { isoWeekOf } from '../util/iso-week.js';
import { blobKey, type StoreEngine, type StoreValue } from './store-engine.js';
import { someNames } from '../util/some-names.js';
import { formatCount } from '../metrics/column-catalog.js';

/** What `uptake store check` found. */
export interface StoreCheckResult {
  store: string;
  /** What was compared, one line each, whether it held or not. */
  checked: string[];
  /** Tables that do not add up: the store was changed outside uptake, and a rebuild recomputes it. */
  problems: string[];
  /** Kept values missing or damaged beside the store: the next run reads or computes them again by itself. */
  repairable: string[];
}

const SOURCES = ['ai_logs', 'manual_logs'] as const;
const SOURCE_NAMES = { ai_logs: 'AI', manual_logs: 'manual' } as const;
const ACCOUNT_FIELDS = ['exact_duplicates', 'retry_duplicates', 'rows_in_tasks', 'conflicting_duplicates', 'tasks'] as const;

/**
 * Compares what the store's tables say of each other: the account kept in store_meta with its rows and tasks, the
 * ledger's rows per log file with store_rows, each week's facts row with the tasks that start in that week (report
 * zone; only when `config` has the facts' settings the store was kept under), and the kept blobs with their keys.
 * With `blobs` (the default) reads every blob once (the parsed rows of each kept file: about the size of the input).
 * @example (await checkStore(engine, config)).problems // [] when the store is as the last run left it
 */
export async function checkStore(engine: StoreEngine, config: Config, options: { blobs?: boolean } = {}): Promise<StoreCheckResult> {
  const result: StoreCheckResult = { store: engine.location, checked: [], problems: [], repairable: [] };
  const meta = await readMeta(engine);
  if (meta.account === undefined) {
    result.checked.push('no run has kept anything in the store yet');
    return result;
  }
  const account = parsedAccount(meta.account);
  if (account === null) result.problems.push("store_meta's account is not the JSON a run writes: its counts cannot be compared");
  else await checkAccount(engine, account, Number(meta.tasks ?? 0), result);
  await checkLedger(engine, result);
  if (meta.facts_hash === factsHash(config)) await checkWeeks(engine, config.timezone, result);
  else result.checked.push("each week's task count: not compared (the store's facts were kept under other settings than this config's, or are pending: the next run computes them)");
  if (options.blobs !== false) await checkBlobs(engine, result);
  return result;
}

// The account as a run writes it, or null for text changed into something else.
function parsedAccount(text: string): StoreAccount | null {
  try {
    const account: unknown = JSON.parse(text);
    return isStoreAccount(account) ? account : null;
  } catch {
    return null;
  }
}

// The account (store_meta) is what every run adds and takes away as it writes rows and tasks: it must equal the
// rows' fates and the tasks counted afresh.
async function checkAccount(engine: StoreEngine, account: StoreAccount, tasks: number, result: StoreCheckResult): Promise<void> {
  const counted = emptyAccount();
  tallyRows(counted, await engine.all(ROW_TALLY(`r.state = ${ROW_STATE.kept}`)), 1);
  for (const row of await engine.all('SELECT source, count(*) AS n FROM store_tasks GROUP BY source')) {
    const source = String(row.source);
    if (source === 'ai_logs' || source === 'manual_logs') counted[source].tasks = Number(row.n);
    else result.problems.push(`store_tasks holds ${formatCount(Number(row.n))} tasks of source \`${source}\`, which is neither ai_logs nor manual_logs`);
  }
  const differences: string[] = [];
  for (const source of SOURCES) {
    for (const field of ACCOUNT_FIELDS) {
      const [kept, found] = [account[source]?.[field], counted[source][field]];
      if (kept !== found) differences.push(`${SOURCE_NAMES[source]} ${field.replace(/_/g, ' ')}: the account says ${formatCount(Number(kept))}, the tables hold ${formatCount(found)}`);
    }
  }
  if (account.skewed !== counted.skewed) differences.push(`rows with start and end swapped: the account says ${formatCount(account.skewed)}, store_rows holds ${formatCount(counted.skewed)}`);
  const total = counted.ai_logs.tasks + counted.manual_logs.tasks;
  if (tasks !== total) differences.push(`tasks: store_meta says ${formatCount(tasks)}, store_tasks holds ${formatCount(total)}`);
  result.checked.push(`the account of rows and tasks (store_meta) against store_rows and store_tasks: ${differences.length === 0 ? 'equal' : `${differences.length} differ`}`);
  result.problems.push(...differences);
}

// Every readable row of a kept log file is in store_rows: the ledger's rows less its quarantined ones.
async function checkLedger(engine: StoreEngine, result: StoreCheckResult): Promise<void> {
  const ledger = await engine.all("SELECT name, rows, quarantined FROM store_files WHERE kind IN ('ai_logs', 'manual_logs')");
  const stored = new Map((await engine.all('SELECT file, count(*) AS n FROM store_rows GROUP BY file')).map((row) => [String(row.file), Number(row.n)]));
  const differ: string[] = [];
  for (const row of ledger) {
    const name = String(row.name);
    const expected = Number(row.rows) - Number(row.quarantined);
    const found = stored.get(name) ?? 0;
    stored.delete(name);
    if (found !== expected) differ.push(`${name}: ${formatCount(expected)} readable rows in the ledger, ${formatCount(found)} in store_rows`);
  }
  const strays = [...stored.keys()];
  result.checked.push(`the ledger's rows of ${formatCount(ledger.length)} log files against store_rows: ${differ.length + strays.length === 0 ? 'equal' : `${differ.length + strays.length} differ`}`);
  result.problems.push(...differ);
  if (strays.length > 0) result.problems.push(`store_rows holds rows of ${strays.length === 1 ? 'a file' : `${strays.length} files`} the ledger does not list: ${someNames(strays)}`);
  const [{ orphans }] = await engine.all('SELECT count(*) AS orphans FROM store_tasks t WHERE NOT EXISTS (SELECT 1 FROM store_files f WHERE f.name = t.file)');
  if (Number(orphans) > 0) result.problems.push(`store_tasks holds ${formatCount(Number(orphans))} tasks listed by a file the ledger does not list`);
}

// Each week's facts row keeps how many tasks it was computed from: the tasks that start in that week now.
async function checkWeeks(engine: StoreEngine, zone: string, result: StoreCheckResult): Promise<void> {
  const perWeek = new Map<string, number>();
  const add = (week: string, n: number) => perWeek.set(week, (perWeek.get(week) ?? 0) + n);
  for (const row of await engine.all(`SELECT floor(started_at / ${QUARTER_HOUR_MS}) AS quarter, count(*) AS n FROM store_tasks GROUP BY 1`)) {
    const quarter = Number(row.quarter);
    const weeks = quarterWeeks(quarter, zone);
    if (weeks.length === 1) {
      add(weeks[0], Number(row.n));
      continue;
    }
    // (a quarter hour holding a midnight of an older local mean time: its tasks placed one by one)
    const starts = await engine.all(`SELECT started_at FROM store_tasks WHERE started_at >= ${quarter * QUARTER_HOUR_MS} AND started_at < ${(quarter + 1) * QUARTER_HOUR_MS}`);
    for (const start of starts) add(isoWeekOf(Number(start.started_at), zone), 1);
  }
  const facts = await engine.all('SELECT week, tasks FROM store_week_facts');
  const differ: string[] = [];
  const seen = new Set<string>();
  for (const row of facts) {
    const week = String(row.week);
    if (seen.has(week)) differ.push(`${week}: more than one facts row`);
    seen.add(week);
    const found = perWeek.get(week) ?? 0;
    if (found !== Number(row.tasks)) differ.push(`${week}: its facts were computed from ${formatCount(Number(row.tasks))} tasks, store_tasks holds ${formatCount(found)}`);
  }
  const without = [...perWeek.keys()].filter((week) => !seen.has(week)).sort();
  result.checked.push(`each week's task count (store_week_facts) against store_tasks, ${formatCount(perWeek.size)} weeks: ${differ.length + without.length === 0 ? 'equal' : `${differ.length + without.length} differ`}`);
  result.problems.push(...differ);
  if (without.length > 0) result.repairable.push(`${without.length === 1 ? 'a week' : `${without.length} weeks`} with tasks and no facts row (${someNames(without)}): the next run computes them`);
}

// The kept blobs are named by their bytes' SHA-256: one missing, or whose bytes are not its key's, is read or computed
// again by the next run (a file's parsed rows from the file, a week's facts from its stored tasks). A week's facts are
// judged as the report judges them (storedFacts: its row's week and counts too).
async function checkBlobs(engine: StoreEngine, result: StoreCheckResult): Promise<void> {
  const partsState = async (row: Record<string, StoreValue>) => {
    const bytes = await engine.blobs.get(String(row.parts_key));
    return bytes === null ? 'missing' : blobKey(bytes) !== String(row.parts_key) ? 'damaged' : 'kept';
  };
  const factsState = async (row: Record<string, StoreValue>) => {
    const facts = await storedFacts(engine, row);
    return typeof facts === 'string' ? facts : 'kept';
  };
  const kinds = [
    { what: "log files' parsed rows", rows: await engine.all('SELECT name, parts_key FROM store_file_rows'), name: 'name', state: partsState, then: 'the next run reads those files again' },
    { what: "weeks' facts", rows: await engine.all('SELECT * FROM store_week_facts'), name: 'week', state: factsState, then: 'the next run computes them again from their stored tasks' },
  ];
  for (const { what, rows, name, state, then } of kinds) {
    const [missing, damaged]: string[][] = [[], []];
    for (const row of rows) {
      const found = await state(row);
      if (found === 'missing') missing.push(String(row[name]));
      else if (found === 'damaged') damaged.push(String(row[name]));
    }
    result.checked.push(`the kept ${what}, ${formatCount(rows.length)}: ${missing.length + damaged.length === 0 ? 'each as kept' : `${missing.length} missing, ${damaged.length} damaged`}`);
    if (missing.length > 0) result.repairable.push(`the ${what} of ${someNames(missing)} missing: ${then}`);
    if (damaged.length > 0) result.repairable.push(`the ${what} of ${someNames(damaged)} damaged: ${then}`);
  }
}

/**
 * The check as `uptake store check` prints it: what was compared, then what differs and what the next run repairs.
 * @example formatStoreCheck(await checkStore(engine, config))
 */
export function formatStoreCheck(check: StoreCheckResult): string {
  const lines = [`store ${check.store}`, ...check.checked.map((line) => `  checked ${line}`)];
  if (check.problems.length > 0) lines.push(`changed outside uptake (${check.problems.length}):`, ...check.problems.map((line) => `  ${line}`));
  if (check.repairable.length > 0) lines.push(`repaired by the next run (${check.repairable.length}):`, ...check.repairable.map((line) => `  ${line}`));
  lines.push(check.problems.length === 0 ? 'the store is as uptake left it' : 'reports from this store may differ from a full recompute');
  return `${lines.join('\n')}\n`;
}
