import type { LabelMapping, LogFile, LogRows, LogSource, ParsedInput, RowFates, SourceAccounting } from './clean-slice.js';
import type { StoreColumnType, StoreEngine, StoreValue } from './store-engine.js';
/** What became of a row (store_rows.fate). */
export declare const FATE: {
    readonly exact: "exact_duplicate";
    readonly retry: "retry_duplicate";
    readonly task: "in_task";
};
/**
 * Per row: its fate (FATE) and whether it is the kept row of an id whose copies disagree.
 * @example rowFates(built.fates.ai_logs, rows.length).fate[0] // 'in_task'
 */
export declare function rowFates(fates: RowFates, length: number): {
    fate: string[];
    conflicting: Uint8Array;
};
/** store_rows' column types, in order. */
export declare const STORE_ROW_TYPES: StoreColumnType[];
/** What the region's cleaning says of its rows: which, where from, fate, swap, canonical label. */
export interface RowFacts {
    only: Int32Array;
    fileOf(row: number): string;
    ordinalOf(row: number): number;
    fates: {
        fate: string[];
        conflicting: Uint8Array;
    };
    skewed: Uint8Array;
    mapping: Map<string, LabelMapping>;
}
/**
 * store_rows' columns for the region's cleaned rows (repaired in place by the rules), with their fates.
 * @example await engine.append('store_rows', STORE_ROW_TYPES, storeRowColumns(rows, facts))
 */
export declare function storeRowColumns(rows: LogRows, facts: RowFacts): StoreValue[][];
/** run_fresh, the rows of the files a run reads, as the region's search sees them (see findRegion). */
export declare const FRESH_ROW_COLUMNS: Array<[string, StoreColumnType]>;
/**
 * run_fresh's columns for rows `from` to `to` of a fresh file: the canonical label under the run's mapping, and
 * the start as the clock-skew swap (CONTRACT 2.2) will leave it.
 * @example await engine.append('run_fresh', FRESH_ROW_COLUMNS.map(([, type]) => type), freshRowColumns(rows, mapping, [0, rows.length]))
 */
export declare function freshRowColumns(rows: LogRows, mapping: Map<string, LabelMapping>, [from, to]: [number, number]): StoreValue[][];
/**
 * How many rows carry each raw label in the new state, listed in the order a full read meets them
 * (AI files, then manual files, each in file order, then row order), as countRawLabels lists them: summed
 * over store_file_labels, which holds the input's files (see fileLabelColumns).
 * @example canonicalLabels(await newLabelCounts(engine, logFiles), config.cleaning)
 */
export declare function newLabelCounts(engine: StoreEngine, logFiles: LogFile[]): Promise<Map<string, number>>;
/**
 * store_file_labels' columns for a file's rows: each raw label, its rows and its first row number.
 * @example await engine.append('store_file_labels', FILE_LABEL_TYPES, fileLabelColumns('ai_logs_a.csv', rows))
 */
export declare function fileLabelColumns(file: string, rows: LogRows): StoreValue[][];
/** store_file_labels' column types, in order. */
export declare const FILE_LABEL_TYPES: StoreColumnType[];
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
/** Nothing stored. */
export declare const emptyAccount: () => StoreAccount;
/**
 * Adds (sign 1) or takes away (sign -1) rows counted by source and fate (rows: n; conflicting, skewed: how many
 * of them), as a GROUP BY over store_rows gives them or a region's rowFates do.
 * @example tallyRows(account, [{ source: 'ai_logs', fate: 'in_task', n: 10, conflicting: 0, skewed: 1 }], 1)
 */
export declare function tallyRows(account: StoreAccount, groups: Array<Record<string, StoreValue>>, sign: 1 | -1): void;
/** SQL: store_rows (alias r) matching `where`, grouped as tallyRows takes them. */
export declare const ROW_TALLY: (where: string) => string;
/**
 * CONTRACT section 2's sum per source: rows read and quarantined per file (the run's read), the rest from the account.
 * @example storedAccounting(parsed, account).ai_logs.rows_in_tasks
 */
export declare function storedAccounting(parsed: ParsedInput, account: StoreAccount): Record<LogSource, SourceAccounting>;
export {};
