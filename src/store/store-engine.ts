import { createHash } from 'node:crypto';
import { UptakeError } from '../errors.js';
import { atMost } from '../util/at-most.js';

/**
 * A blob's key: its bytes' SHA-256, in hexadecimal.
 * @example blobKey(new Uint8Array([97, 98, 99])) // 'ba7816bf…'
 */
export function blobKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The command a message asks for to recompute a store from every input file: a PostgreSQL store's URL is shown
 * without its password, which the command needs again.
 * @example rebuildCommand('output/.uptake/store.duckdb') // '`uptake store rebuild --store output/.uptake/store.duckdb` (with this run\'s --input and --config)'
 */
export function rebuildCommand(location: string): string {
  const withRun = /^postgres(ql)?:\/\//i.test(location) ? "the store's URL with its password, and this run's --input and --config" : "this run's --input and --config";
  return `\`uptake store rebuild --store ${location}\` (with ${withRun})`;
}

/**
 * The error for a run that would write a store opened read-only (see StoreEngine.readOnly): it names the store,
 * why it may not be written, what would have to land in it and what to do instead. Exit 12, as for a store that
 * cannot be written; nothing was written.
 * @example throw notWritableError('st/store.duckdb', 'its folder st is not writable: permission denied (EACCES)', '2 input files new or changed since the store last saw them (ai_logs_2026-W48.csv, manual_logs_2026-W48.csv)')
 */
export function notWritableError(location: string, why: string, toLand: string): UptakeError {
  const remedy = /^postgres(ql)?:\/\//i.test(location)
    ? 'grant the role INSERT, UPDATE and DELETE on the store\'s tables, or leave out --store (`uptake run`: --no-store) to clean every input file without it'
    : 'make it writable for this user (the file, its folder, its .rows folder and .wal), or leave out --store (`uptake run`: --no-store) to clean every input file without it';
  return new UptakeError('output', `expected to write the store ${location}, but uptake may not write it (${why}), and ${toLand} would have to be written into it; nothing was written: ${remedy}`);
}

/** A value a store statement takes or gives: bytes go in as Uint8Array and come back as Uint8Array. */
export type StoreValue = string | number | boolean | null | Uint8Array;

/** A column of a store table, in the few types both engines share. */
export type StoreColumnType = 'text' | 'integer' | 'double' | 'boolean' | 'bytes';

/**
 * The little a store needs from its database; everything engine specific lives behind it, one file per
 * engine (duckdb-engine.ts, postgres-engine.ts). Statements use `$1` placeholders, which both accept. Statements
 * (and appends, blobs aside) run one at a time in the order they are asked for: a caller may ask for the next
 * before the last is done (a COMMIT written while it computes), and awaits it when it needs its outcome.
 */
export interface StoreEngine {
  readonly kind: 'duckdb' | 'postgres';
  /** Where the store is, for messages (a file path, or a PostgreSQL URL without its password). */
  readonly location: string;
  /**
   * null: the store may be written. Else it was opened read-only, and why, for messages (`store info` asks so; a
   * run finds a file, folder or role that may not write it: see openStore's `orReadOnly`): a run then answers from
   * what it holds, and a statement that writes fails.
   */
  readonly readOnly: string | null;
  /** The SQL type of a column type in this engine. */
  sqlType(type: StoreColumnType): string;
  /** The names of the tables in the connection's schema, whatever the connection may do with them. */
  tableNames(): Promise<string[]>;
  run(sql: string, params?: StoreValue[]): Promise<void>;
  all(sql: string, params?: StoreValue[]): Promise<Array<Record<string, StoreValue>>>;
  /** A query's result as columns (by name, in the query's column order): many rows without an object per row. */
  columns(sql: string, params?: StoreValue[]): Promise<Record<string, StoreValue[]>>;
  /** Appends rows given as columns (equal lengths, in the table's column order). */
  append(table: string, types: StoreColumnType[], columns: Array<ArrayLike<StoreValue>>): Promise<void>;
  /**
   * Large values kept by key beside the tables (each log file's parsed rows): DuckDB rewrites a table's
   * last row group at every checkpoint, so one blob per file in a table would be written again on every
   * run; in DuckDB they are files in a folder beside the store file, in PostgreSQL a table of their own.
   */
  readonly blobs: BlobShelf;
  /**
   * The last commit's work may be finished now, on the engine's own threads, instead of at close, and what the
   * engine cached for the run given back (DuckDB writes its log into the store file, on a connection of its own,
   * then evicts its cached blocks; PostgreSQL has nothing left to do). It starts once the statements asked for
   * before it are done; later reads go on beside it, later writes wait for it within the engine, and close waits
   * for it.
   */
  checkpointSoon(): void;
  /**
   * The run's next steps hold much in JavaScript (a week's tasks, the KPIs): the engine gives back the memory it
   * holds for the run's statements, in turn with them (DuckDB drops the blocks it read and moves what the open
   * transaction wrote to its temp file, from where the commit takes it; PostgreSQL holds nothing in this process).
   */
  releaseCache(): void;
  /**
   * A table the run's statements look rows up in by these columns (with `except`, only its rows whose column
   * differs from the value): the region's pairs, row by row; a range of starts; the rows of replaced files.
   * PostgreSQL indexes it, once (its planner, without an index, scans the whole table: for a temporary table
   * without statistics, for every row it looks up, seconds per statement); DuckDB joins by hash and skips
   * blocks by their minimum and maximum, and needs nothing (an index would cost every append). Names are the
   * caller's own, never input.
   */
  index(table: string, columns: string[], except?: { column: string; value: number }): Promise<void>;
  /**
   * Only on a store opened for a rebuild (openStore's `rebuild`) that is filled apart from the store it replaces:
   * puts what it was filled with in the store's place, in one step (until then the store is as it was); the
   * engine then is that store's.
   */
  finishRebuild?(): Promise<void>;
  /** Bytes the store takes (the file and its blobs, or the schema's tables). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Values by their bytes' SHA-256 (blobKey): put within a run, read back by a later run. A key names one value
 * only, so a run that fails after a put never changes a value the store's tables name; a key whose value is
 * missing or damaged is read again from its source.
 */
export interface BlobShelf {
  /** Keeps the bytes and gives their key. */
  put(bytes: Uint8Array): Promise<string>;
  /** null when there is no value under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Once the run has committed: drops every value but those of `keys` (of this run, or kept from earlier runs). */
  keepOnly(keys: Set<string>): Promise<void>;
}

/**
 * A queue of statements for one connection: each runs once the one asked for before it is done, whatever became
 * of it (see StoreEngine: a caller may ask for the next before awaiting the last).
 * @example const inTurn = statementQueue(); await inTurn(() => client.query('COMMIT'))
 */
export function statementQueue(): <T>(statement: () => Promise<T>) => Promise<T> {
  return atMost(1);
}
