// store_rows, the store's index of every readable log row: what a row is to the cross-row rules and what
// became of it, written and summed here.
import type { LabelMapping, LogFile, LogRows, LogSource, ParsedInput, RowFates, SourceAccounting } from './clean-slice.js';
import { STORE_TABLES } from './open-store.js';
import { ROW_STATE } from './find-region.js';
import type { StoreEngine, StoreValue } from './store-engine.js';

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
 * store_rows' columns for rows: a fresh file's (`from` to `to`; no fate yet; start and end as the
 * clock-skew swap leaves them), or, with `facts`, the region's cleaned rows (repaired in place by the rules).
 * @example await engine.append('store_rows', STORE_ROW_TYPES, storeRowColumns('ai_logs_a.csv', rows, null, ROW_STATE.fresh))
 */
export function storeRowColumns(file: string | null, rows: LogRows, facts: RowFacts | null, state: number, [from, to] = [0, rows.length]): StoreValue[][] {
  const picked = facts ? Array.from(facts.only) : Array.from({ length: to - from }, (_, index) => from + index);
  const label = (row: number) => rows.strings[rows.label[row]];
  return [
    picked.map((row) => (facts ? facts.fileOf(row) : file)),
    picked.map((row) => (facts ? facts.ordinalOf(row) : row)),
    picked.map(() => rows.source),
    picked.map((row) => rows.id.at(row)),
    picked.map((row) => rows.strings[rows.user[row]]),
    picked.map(label),
    picked.map((row) => (facts ? facts.mapping.get(label(row))!.canonical : null)),
    picked.map((row) => (facts ? rows.start[row] : Math.min(rows.start[row], Number.isNaN(rows.end[row]) ? Infinity : rows.end[row]))),
    picked.map((row) => {
      const end = facts || !(rows.end[row] < rows.start[row]) ? rows.end[row] : rows.start[row];
      return Number.isNaN(end) ? null : end;
    }),
    picked.map((row) => (facts ? facts.skewed[row] === 1 : rows.end[row] < rows.start[row])),
    picked.map((row) => (facts ? facts.fates.fate[row] : null)),
    picked.map((row) => (facts ? facts.fates.conflicting[row] === 1 : false)),
    picked.map(() => state),
  ];
}

/**
 * How many rows carry each raw label in the new state, listed in the order a full read meets them
 * (AI files, then manual files, each in file order, then row order), as countRawLabels lists them.
 * @example canonicalLabels(await newLabelCounts(engine, logFiles), config.cleaning)
 */
export async function newLabelCounts(engine: StoreEngine, logFiles: LogFile[]): Promise<Map<string, number>> {
  const order = new Map(logFiles.map((file, index) => [file.name, index]));
  const rows = await engine.all(`SELECT source, file, label, count(*) AS n, min(ordinal) AS first FROM store_rows WHERE state <> ${ROW_STATE.gone} GROUP BY source, file, label`);
  const sourceRank = (source: StoreValue) => (source === 'ai_logs' ? 0 : 1);
  rows.sort((a, b) => sourceRank(a.source) - sourceRank(b.source) || order.get(String(a.file))! - order.get(String(b.file))! || Number(a.first) - Number(b.first));
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row.label), (counts.get(String(row.label)) ?? 0) + Number(row.n));
  return counts;
}

/**
 * CONTRACT section 2's sum per source: rows read and quarantined per file, the rest per row in store_rows.
 * @example (await storedAccounting(engine, parsed, { ai_logs: 10, manual_logs: 4 })).ai_logs.rows_in_tasks
 */
export async function storedAccounting(engine: StoreEngine, parsed: ParsedInput, tasks: Record<LogSource, number>): Promise<Record<LogSource, SourceAccounting>> {
  const accounting = {} as Record<LogSource, SourceAccounting>;
  for (const source of ['ai_logs', 'manual_logs'] as const) {
    accounting[source] = { rows_read: parsed.logs.counts[source].rowsRead, quarantined: parsed.logs.counts[source].quarantined, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 0, tasks: tasks[source] };
  }
  for (const row of await engine.all('SELECT source, fate, count(*) AS n, sum(CASE WHEN conflicting THEN 1 ELSE 0 END) AS conflicting FROM store_rows GROUP BY source, fate')) {
    const counts = accounting[String(row.source) as LogSource];
    const n = Number(row.n);
    if (row.fate === FATE.exact) counts.exact_duplicates += n;
    else if (row.fate === FATE.retry) counts.retry_duplicates += n;
    else counts.rows_in_tasks += n;
    counts.conflicting_duplicates += Number(row.conflicting);
  }
  return accounting;
}

