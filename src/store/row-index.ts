// store_rows, the store's index of every readable log row: what a row is to the cross-row rules and what
// became of it, written and summed here.
import type { LabelMapping, LogFile, LogRows, LogSource, ParsedInput, RowFates, SourceAccounting } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import type { StoreColumnType, StoreEngine, StoreValue } from './store-engine.js';
import { ROW_STATE } from './find-region.js';

/** What became of a row (store_rows.fate). */
export const FATE = { exact: 'exact_duplicate', retry: 'retry_duplicate', task: 'in_task' } as const;

/**
 * Per row: its fate (FATE) and whether it is the kept row of an id whose copies disagree.
 * @example rowFates(built.fates.ai_logs, rows.length).fate[0] // 'in_task'
 */
export function rowFates(fates: RowFates, length: number): { fate: string[]; conflicting: Uint8Array } {
  const fate = new Array<string>(length).fill(FATE.exact);
  for (const row of fates.exactKept) fate[row] = FATE.retry;
  for (const row of fates.inTasks) fate[row] = FATE.task;
  const conflicting = new Uint8Array(length);
  for (const row of fates.conflicting) conflicting[row] = 1;
  return { fate, conflicting };
}

/** store_rows' column types, in order. */
export const STORE_ROW_TYPES = STORE_TABLES.store_rows.map(([, type]) => type);

/** What the region's cleaning says of its rows: which, where from, fate, swap, canonical label. */
export interface RowFacts {
  only: Int32Array;
  fileOf(row: number): string;
  ordinalOf(row: number): number;
  fates: { fate: string[]; conflicting: Uint8Array };
  skewed: Uint8Array;
  mapping: Map<string, LabelMapping>;
}

/**
 * store_rows' columns for the region's cleaned rows (repaired in place by the rules), with their fates.
 * @example await engine.append('store_rows', STORE_ROW_TYPES, storeRowColumns(rows, facts))
 */
export function storeRowColumns(rows: LogRows, facts: RowFacts): StoreValue[][] {
  const picked = Array.from(facts.only);
  const label = (row: number) => rows.strings[rows.label[row]];
  return [
    picked.map((row) => facts.fileOf(row)),
    picked.map((row) => facts.ordinalOf(row)),
    picked.map(() => rows.source),
    picked.map((row) => rows.id.at(row)),
    picked.map((row) => rows.strings[rows.user[row]]),
    picked.map(label),
    picked.map((row) => facts.mapping.get(label(row))!.canonical),
    picked.map((row) => rows.start[row]),
    // the end, or the start of a row without one: what a retry or stitch window reaches from
    picked.map((row) => (Number.isNaN(rows.end[row]) ? rows.start[row] : rows.end[row])),
    picked.map((row) => facts.skewed[row] === 1),
    picked.map((row) => facts.fates.fate[row]),
    picked.map((row) => facts.fates.conflicting[row] === 1),
    picked.map(() => ROW_STATE.kept),
  ];
}

/** run_fresh, the rows of the files a run reads, as the region's search sees them (see findRegion). */
export const FRESH_ROW_COLUMNS: Array<[string, StoreColumnType]> = [['source', 'text'], ['id', 'text'], ['user_id', 'text'], ['task_type', 'text'], ['started_at', 'double']];

/**
 * run_fresh's columns for rows `from` to `to` of a fresh file: the canonical label under the run's mapping, and
 * the start as the clock-skew swap (CONTRACT 2.2) will leave it.
 * @example await engine.append('run_fresh', FRESH_ROW_COLUMNS.map(([, type]) => type), freshRowColumns(rows, mapping, [0, rows.length]))
 */
export function freshRowColumns(rows: LogRows, mapping: Map<string, LabelMapping>, [from, to]: [number, number]): StoreValue[][] {
  const picked = Array.from({ length: to - from }, (_, index) => from + index);
  return [
    picked.map(() => rows.source),
    picked.map((row) => rows.id.at(row)),
    picked.map((row) => rows.strings[rows.user[row]]),
    picked.map((row) => mapping.get(rows.strings[rows.label[row]])!.canonical),
    picked.map((row) => Math.min(rows.start[row], Number.isNaN(rows.end[row]) ? Infinity : rows.end[row])),
  ];
}

/**
 * How many rows carry each raw label in the new state, listed in the order a full read meets them
 * (AI files, then manual files, each in file order, then row order), as countRawLabels lists them: summed
 * over store_file_labels, which holds the input's files (see fileLabelColumns).
 * @example canonicalLabels(await newLabelCounts(engine, logFiles), config.cleaning)
 */
export async function newLabelCounts(engine: StoreEngine, logFiles: LogFile[]): Promise<Map<string, number>> {
  const order = new Map(logFiles.map((file, index) => [file.name, index]));
  const rows = await engine.all('SELECT name, source, label, rows, first FROM store_file_labels');
  const sourceRank = (source: StoreValue) => (source === 'ai_logs' ? 0 : 1);
  rows.sort((a, b) => sourceRank(a.source) - sourceRank(b.source) || order.get(String(a.name))! - order.get(String(b.name))! || Number(a.first) - Number(b.first));
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row.label), (counts.get(String(row.label)) ?? 0) + Number(row.rows));
  return counts;
}

/**
 * store_file_labels' columns for a file's rows: each raw label, its rows and its first row number.
 * @example await engine.append('store_file_labels', FILE_LABEL_TYPES, fileLabelColumns('ai_logs_a.csv', rows))
 */
export function fileLabelColumns(file: string, rows: LogRows): StoreValue[][] {
  const labels = new Map<number, { rows: number; first: number }>();
  for (let row = 0; row < rows.length; row += 1) {
    const entry = labels.get(rows.label[row]);
    if (entry) entry.rows += 1;
    else labels.set(rows.label[row], { rows: 1, first: row });
  }
  const entries = [...labels];
  return [entries.map(() => file), entries.map(() => rows.source), entries.map(([code]) => rows.strings[code]), entries.map(([, entry]) => entry.rows), entries.map(([, entry]) => entry.first)];
}

/** store_file_labels' column types, in order. */
export const FILE_LABEL_TYPES = STORE_TABLES.store_file_labels.map(([, type]) => type);

/**
 * What the store's rows and tasks add up to (CONTRACT section 2's sum, less the rows read and quarantined,
 * which are per file): per source, rows by fate, conflicting ids and tasks; rows the clock-skew swap applied
 * to. Kept in store_meta and brought up to date by each run's region (tally, less what the region replaced).
 */
export interface StoreAccount {
  ai_logs: FateCounts;
  manual_logs: FateCounts;
  skewed: number;
}

interface FateCounts {
  exact_duplicates: number;
  retry_duplicates: number;
  rows_in_tasks: number;
  conflicting_duplicates: number;
  tasks: number;
}

/**
 * Whether a value read back from store_meta is an account as a run writes it (every count a finite number).
 * @example isStoreAccount(JSON.parse(meta.account)) // true
 */
export function isStoreAccount(value: unknown): value is StoreAccount {
  const counts = (part: unknown) => typeof part === 'object' && part !== null && Object.keys(noCounts()).every((field) => Number.isFinite((part as Record<string, unknown>)[field]));
  return typeof value === 'object' && value !== null && counts((value as StoreAccount).ai_logs) && counts((value as StoreAccount).manual_logs) && Number.isFinite((value as StoreAccount).skewed);
}

/** Nothing stored. */
export const emptyAccount = (): StoreAccount => ({ ai_logs: noCounts(), manual_logs: noCounts(), skewed: 0 });
const noCounts = (): FateCounts => ({ exact_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, conflicting_duplicates: 0, tasks: 0 });

/**
 * Adds (sign 1) or takes away (sign -1) rows counted by source and fate (rows: n; conflicting, skewed: how many
 * of them), as a GROUP BY over store_rows gives them or a region's rowFates do.
 * @example tallyRows(account, [{ source: 'ai_logs', fate: 'in_task', n: 10, conflicting: 0, skewed: 1 }], 1)
 */
export function tallyRows(account: StoreAccount, groups: Array<Record<string, StoreValue>>, sign: 1 | -1): void {
  for (const group of groups) {
    const counts = account[String(group.source) as LogSource];
    const n = sign * Number(group.n);
    if (group.fate === FATE.exact) counts.exact_duplicates += n;
    else if (group.fate === FATE.retry) counts.retry_duplicates += n;
    else counts.rows_in_tasks += n;
    counts.conflicting_duplicates += sign * Number(group.conflicting);
    account.skewed += sign * Number(group.skewed);
  }
}

/** SQL: store_rows (alias r) matching `where`, grouped as tallyRows takes them. */
export const ROW_TALLY = (where: string) =>
  `SELECT r.source, r.fate, count(*) AS n, sum(CASE WHEN r.conflicting THEN 1 ELSE 0 END) AS conflicting, sum(CASE WHEN r.skewed THEN 1 ELSE 0 END) AS skewed FROM store_rows r WHERE ${where} GROUP BY r.source, r.fate`;

/**
 * CONTRACT section 2's sum per source: rows read and quarantined per file (the run's read), the rest from the account.
 * @example storedAccounting(parsed, account).ai_logs.rows_in_tasks
 */
export function storedAccounting(parsed: ParsedInput, account: StoreAccount): Record<LogSource, SourceAccounting> {
  const accounting = {} as Record<LogSource, SourceAccounting>;
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    const counts = account[source];
    accounting[source] = {
      rows_read: parsed.logs.counts[source].rowsRead,
      quarantined: parsed.logs.counts[source].quarantined,
      exact_duplicates: counts.exact_duplicates,
      conflicting_duplicates: counts.conflicting_duplicates,
      retry_duplicates: counts.retry_duplicates,
      rows_in_tasks: counts.rows_in_tasks,
      tasks: counts.tasks,
    };
  }
  return accounting;
}
