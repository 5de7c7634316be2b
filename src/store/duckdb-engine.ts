import { eventTurns } from '../util/event-turns.js';
import { isAscii } from 'node:buffer';
import { open, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DuckDBBlobValue,
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBTypeId,
  blobValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isUptakeError, UptakeError } from '../errors.js';
import { blobKey, notWritableError, rebuildCommand, statementQueue, type BlobShelf, type StoreColumnType, type StoreEngine, type StoreValue } from './store-engine.js';
import { makeFolder } from '../util/make-folder.js';

const TYPES: Record<StoreColumnType, string> = { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', bytes: 'BLOB' };
/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;
/** Bytes of a DuckDB string (string_t): a 4-byte length, then up to 12 bytes inline, or a 4-byte prefix and a pointer. */
const STRING_BYTES = 16;
const INLINE_BYTES = 12;
/**
 * Long strings whose bytes lie at most this far apart in DuckDB's memory are copied to JavaScript in one call.
 * The bytes between two strings then lie on the page of one of them (the gap is under a page), so the copy
 * never touches memory DuckDB has not mapped; gaps seen in practice are alignment and a row's other strings.
 */
const MAX_STRING_GAP = 256;
const TWO_TO_32 = 4294967296;
/** The typed-array reads and writes below assume DuckDB's layout on a little-endian machine with 1-byte booleans; elsewhere the library converts. */
const TYPED_VECTORS = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 && duckdb.sizeof_bool === 1;
const utf8 = new TextDecoder();

function toDuckDB(value: StoreValue): DuckDBValue {
  return value instanceof Uint8Array ? blobValue(value) : value;
}

function fromDuckDB(value: unknown): StoreValue {
  if (value instanceof DuckDBBlobValue) return value.bytes;
  if (typeof value === 'bigint') return Number(value);
  if (value === undefined) return null;
  return value as StoreValue;
}

function chunkValue(typeId: DuckDBTypeId, value: StoreValue): DuckDBValue {
  if (value === null) return null;
  if (typeId === DuckDBTypeId.BIGINT) return BigInt(value as number);
  return toDuckDB(value);
}

// Reading and writing a vector value by value through the library's objects costs ~10 us a row of 16 columns;
// the store's own types (VARCHAR, BIGINT, DOUBLE, BOOLEAN) are read and written here as whole typed arrays
// instead, with the same values as the library gives. Every other type goes through the library.

/** Bit `row` of a validity mask (64-bit words, little-endian) set: the row is not NULL. */
function isValid(validity: Uint8Array | null, row: number): boolean {
  return validity === null || (validity[row >> 3] & (1 << (row & 7))) !== 0;
}

/** The types read as typed arrays; the rest through the library. */
const TYPED_READS = new Set([DuckDBTypeId.VARCHAR, DuckDBTypeId.BIGINT, DuckDBTypeId.INTEGER, DuckDBTypeId.DOUBLE, DuckDBTypeId.BOOLEAN]);

/**
 * A fetched chunk's column, appended to `target` as store values (NULL as null, BIGINT as number); a text (up to
 * SEEN_LENGTH) already in `seen`, the column's earlier ones, is given as that string: a column's repeated values
 * (teams, users, task types, statuses) are one string each in memory, not one a row.
 */
function readColumn(chunk: DuckDBDataChunk, index: number, typeId: DuckDBTypeId, target: StoreValue[], seen: Map<string, string>): void {
  const rows = chunk.rowCount;
  if (!TYPED_VECTORS || !TYPED_READS.has(typeId)) {
    for (const value of chunk.getColumnValues(index)) target.push(fromDuckDB(value));
    return;
  }
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
  const validity = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8) ?? null;
  if (typeId === DuckDBTypeId.VARCHAR) return readStrings(vector, rows, validity, target, seen);
  const data = duckdb.vector_get_data(vector, rows * (typeId === DuckDBTypeId.BOOLEAN ? 1 : typeId === DuckDBTypeId.INTEGER ? 4 : 8));
  if (typeId === DuckDBTypeId.DOUBLE) {
    const items = new Float64Array(data.buffer, data.byteOffset, rows);
    for (let row = 0; row < rows; row += 1) target.push(isValid(validity, row) ? items[row] : null);
  } else if (typeId === DuckDBTypeId.BIGINT) {
    // the low and high 32 bits: one rounding of the exact sum, the same number as Number(bigint)
    const words = new Int32Array(data.buffer, data.byteOffset, rows * 2);
    for (let row = 0; row < rows; row += 1) target.push(isValid(validity, row) ? words[2 * row + 1] * TWO_TO_32 + (words[2 * row] >>> 0) : null);
  } else if (typeId === DuckDBTypeId.INTEGER) {
    const items = new Int32Array(data.buffer, data.byteOffset, rows);
    for (let row = 0; row < rows; row += 1) target.push(isValid(validity, row) ? items[row] : null);
  } else {
    for (let row = 0; row < rows; row += 1) target.push(isValid(validity, row) ? data[row] !== 0 : null);
  }
}

/** Texts a column keeps to give again (a column of unique ids stops adding at this many), up to this length. */
const SEEN_STRINGS = 65_536;
const SEEN_LENGTH = 64;

/** Bytes copied out of DuckDB in one call, and their text when they are all ASCII (a string is then a substring). */
interface StringRun {
  bytes: Uint8Array;
  ascii: string | null;
}

// Short strings are inline in the vector's data; long ones point into DuckDB's memory, where a chunk's strings
// mostly lie one after another: they are copied in runs (one native call a run, not one a string), in pointer order.
function readStrings(vector: ReturnType<typeof duckdb.data_chunk_get_vector>, rows: number, validity: Uint8Array | null, target: StoreValue[], seen: Map<string, string>): void {
  const data = duckdb.vector_get_data(vector, rows * STRING_BYTES);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const longRows: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    if (isValid(validity, row) && view.getUint32(row * STRING_BYTES, true) > INLINE_BYTES) longRows.push(row);
  }
  const pointerOf = (row: number) => view.getUint32(row * STRING_BYTES + 12, true) * TWO_TO_32 + view.getUint32(row * STRING_BYTES + 8, true);
  const runOf = new Int32Array(rows);
  const offsetOf = new Float64Array(rows);
  const runs: StringRun[] = [];
  if (longRows.length > 0) {
    const pointers = new Float64Array(rows);
    for (const row of longRows) pointers[row] = pointerOf(row);
    longRows.sort((a, b) => pointers[a] - pointers[b]);
    let first = longRows[0];
    let end = pointers[first] + view.getUint32(first * STRING_BYTES, true);
    const members: number[] = [];
    const close = () => {
      const start = pointers[first];
      const bytes = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + first * STRING_BYTES + 8, end - start);
      for (const row of members) {
        runOf[row] = runs.length;
        offsetOf[row] = pointers[row] - start;
      }
      runs.push({ bytes, ascii: isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : null });
      members.length = 0;
    };
    for (const row of longRows) {
      const pointer = pointers[row];
      if (pointer > end + MAX_STRING_GAP) {
        close();
        first = row;
        end = pointer;
      }
      members.push(row);
      end = Math.max(end, pointer + view.getUint32(row * STRING_BYTES, true));
    }
    close();
  }
  const once = (text: string) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < SEEN_STRINGS) seen.set(text, text);
    return text;
  };
  let inline: string | undefined;
  for (let row = 0; row < rows; row += 1) {
    if (!isValid(validity, row)) {
      target.push(null);
      continue;
    }
    const length = view.getUint32(row * STRING_BYTES, true);
    if (length > INLINE_BYTES) {
      const run = runs[runOf[row]];
      const offset = offsetOf[row];
      const text = run.ascii !== null ? run.ascii.substring(offset, offset + length) : utf8.decode(run.bytes.subarray(offset, offset + length));
      target.push(text.length <= SEEN_LENGTH ? once(text) : text);
      continue;
    }
    const start = row * STRING_BYTES + 4;
    const bytes = data.subarray(start, start + length);
    inline ??= Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    target.push(once(isAscii(bytes) ? inline.substring(start, start + length) : utf8.decode(bytes)));
  }
}

/** A validity mask of `rows` rows, all valid; clearValid marks NULLs. */
function allValid(rows: number): Uint8Array {
  return new Uint8Array(Math.ceil(rows / 64) * 8).fill(0xff);
}

function clearValid(validity: Uint8Array, row: number): void {
  validity[row >> 3] &= ~(1 << (row & 7));
}

// The JavaScript type each typed column takes; a column holding anything else goes through the library (as before).
const TYPED_WRITES: Partial<Record<DuckDBTypeId, (value: StoreValue) => boolean>> = {
  [DuckDBTypeId.VARCHAR]: (value) => typeof value === 'string',
  [DuckDBTypeId.BIGINT]: (value) => Number.isSafeInteger(value),
  [DuckDBTypeId.DOUBLE]: (value) => typeof value === 'number',
  [DuckDBTypeId.BOOLEAN]: (value) => typeof value === 'boolean',
};

/** Rows [start, start + length) of a column into a new chunk's vector. */
function writeColumn(chunk: DuckDBDataChunk, index: number, type: DuckDBType, column: ArrayLike<StoreValue>, start: number, length: number): void {
  const accepts = TYPED_VECTORS ? TYPED_WRITES[type.typeId] : undefined;
  let typed = accepts !== undefined;
  for (let row = 0; typed && row < length; row += 1) {
    const value = column[start + row];
    if (value !== null && !accepts!(value)) typed = false;
  }
  if (!typed) {
    const values: DuckDBValue[] = new Array(length);
    for (let row = 0; row < length; row += 1) values[row] = chunkValue(type.typeId, column[start + row]);
    chunk.setColumnValues(index, values);
    return;
  }
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
  const validity = allValid(length);
  let nulls = false;
  if (type.typeId === DuckDBTypeId.VARCHAR) {
    nulls = writeStrings(vector, column, start, length, validity);
  } else {
    const width = type.typeId === DuckDBTypeId.BOOLEAN ? 1 : 8;
    const data = new Uint8Array(length * 8);
    const doubles = new Float64Array(data.buffer);
    const words = new Int32Array(data.buffer);
    for (let row = 0; row < length; row += 1) {
      const value = column[start + row];
      if (value === null) {
        clearValid(validity, row);
        nulls = true;
      } else if (type.typeId === DuckDBTypeId.DOUBLE) {
        doubles[row] = value as number;
      } else if (type.typeId === DuckDBTypeId.BIGINT) {
        words[2 * row] = (value as number) % TWO_TO_32;
        words[2 * row + 1] = Math.floor((value as number) / TWO_TO_32);
      } else {
        data[row] = value ? 1 : 0;
      }
    }
    duckdb.copy_data_to_vector(vector, 0, data.buffer, 0, length * width);
  }
  if (nulls) {
    duckdb.vector_ensure_validity_writable(vector);
    duckdb.copy_data_to_vector_validity(vector, 0, validity.buffer as ArrayBuffer, 0, validity.byteLength);
  }
}

// ASCII strings of up to 12 characters are written inline here; each other distinct string of the chunk is
// handed to DuckDB once (it copies the bytes into the vector) and its repeats point at that copy.
function writeStrings(vector: ReturnType<typeof duckdb.data_chunk_get_vector>, column: ArrayLike<StoreValue>, start: number, length: number, validity: Uint8Array): boolean {
  const data = new Uint8Array(length * STRING_BYTES);
  const view = new DataView(data.buffer);
  const firstRowOf = new Map<string, number>();
  const copyOf = new Int32Array(length).fill(-1);
  let nulls = false;
  let assigned = false;
  for (let row = 0; row < length; row += 1) {
    const value = column[start + row] as string | null;
    if (value === null) {
      clearValid(validity, row);
      nulls = true;
      continue;
    }
    if (value.length <= INLINE_BYTES && isAsciiText(value)) {
      view.setUint32(row * STRING_BYTES, value.length, true);
      for (let at = 0; at < value.length; at += 1) data[row * STRING_BYTES + 4 + at] = value.charCodeAt(at);
      continue;
    }
    const first = firstRowOf.get(value);
    if (first === undefined) {
      firstRowOf.set(value, row);
      duckdb.vector_assign_string_element(vector, row, value);
      assigned = true;
    }
    copyOf[row] = first ?? row;
  }
  if (assigned) {
    const written = duckdb.vector_get_data(vector, length * STRING_BYTES);
    for (let row = 0; row < length; row += 1) {
      if (copyOf[row] >= 0) data.set(written.subarray(copyOf[row] * STRING_BYTES, (copyOf[row] + 1) * STRING_BYTES), row * STRING_BYTES);
    }
  }
  duckdb.copy_data_to_vector(vector, 0, data.buffer, 0, data.byteLength);
  return nulls;
}

function isAsciiText(value: string): boolean {
  for (let at = 0; at < value.length; at += 1) if (value.charCodeAt(at) > 0x7f) return false;
  return true;
}

/**
 * Opens (creating when missing) an embedded DuckDB store file, named `shown` in messages (the name a run was
 * given, e.g. a link to `path`); `readOnly` (why, see StoreEngine.readOnly): DuckDB's read-only mode, for a store
 * only read (`store info`, or one this user may not write). The caller loads `@duckdb/node-api` alone first (see
 * openStoreEngine), so a missing native binding is an environment error, not a crash. `blobs`: the blobs are in that
 * folder (not `<path>.rows`) and keepOnly drops none (a rebuild's new file: see openStore's `rebuild`).
 * @example const engine = await openDuckDBEngine('output/.uptake/store.duckdb')
 */
export async function openDuckDBEngine(path: string, shown = path, options: { readOnly?: string | null; blobs?: { folder: string; keepAll: true } } = {}): Promise<StoreEngine> {
  const readOnlyBecause = options.readOnly ?? null;
  const readOnly = readOnlyBecause !== null;
  const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : undefined);
  // (the store's lock is this process's now: what lies in its temp folder is a killed run's)
  if (!readOnly) await removeStaleTemp(path);
  const connection: DuckDBConnection = await instance.connect();
  // evictions (see evict) run on a connection of their own: a SET memory_limit that cannot free enough memory (a
  // transaction's undo, which DuckDB cannot move) fails, and ends the transaction of the connection it ran on
  const housekeeping: DuckDBConnection = await instance.connect();
  // A commit's checkpoint (its log written into the file) waits for checkpointSoon or close, never holds up the
  // COMMIT itself: a commit is durable in the log.
  await connection.run(`SET checkpoint_threshold = '${CHECKPOINT_THRESHOLD}'`);
  // DuckDB's usual memory limit, set back after checkpointSoon's eviction (RESET names it again but leaves the
  // buffer pool at the lowered limit, where the next batch's statements run out of memory)
  const memoryLimit = String((await connection.runAndReadAll("SELECT current_setting('memory_limit') AS limit")).getRows()[0][0]);
  // one connection runs one statement at a time: each waits for the one asked for before it (a commit not awaited,
  // an eviction releaseCache asked for)
  const queue = statementQueue();
  // the housekeeping connection's turns: checkpoints and evictions, one at a time
  const housekeepingTurn = statementQueue();
  // a statement not awaited that failed (a checkpoint on a full disk, a temp folder that is not one) fails the next
  // statement, or close, with its own error
  let failedUnawaited: { error: unknown } | null = null;
  // DuckDB evicts as its memory limit is set: down to MEMORY_AFTER_CHECKPOINT, and back at once (a later
  // statement, or a batch's next run, has DuckDB's usual room); a cache that cannot go back in full is no failure
  const evict = async () => {
    await housekeeping.run(`SET memory_limit = '${MEMORY_AFTER_CHECKPOINT}'`).catch(() => undefined);
    await housekeeping.run(`SET memory_limit = '${memoryLimit}'`);
  };
  const inTurn = <T>(statement: () => Promise<T>): Promise<T> =>
    queue(() => {
      const failed = failedUnawaited;
      failedUnawaited = null;
      return failed ? Promise.reject(failed.error) : statement();
    }).catch((error: unknown) => {
      // (a statement that writes a store opened read-only: a path of the run that should not have asked; see notWritableError)
      if (readOnlyBecause !== null && READ_ONLY_REFUSED.test(String((error as Error | undefined)?.message))) throw notWritableError(shown, readOnlyBecause, 'what this run cleaned');
      throw storeWriteError(path, error);
    });
  // a statement not awaited: its failure is kept within its turn, for the next statement (or close) to tell;
  // after a failure kept, it does not run
  const unawaited = (statement: () => Promise<void>): void => {
    void queue(async () => {
      if (failedUnawaited) return;
      try {
        await statement();
      } catch (error) {
        failedUnawaited = { error };
      }
    });
  };
  return {
    kind: 'duckdb',
    location: shown,
    readOnly: readOnlyBecause,
    sqlType: (type) => TYPES[type],
    tableNames: () =>
      inTurn(async () => (await connection.runAndReadAll('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()')).getRows().map((row) => String(row[0]))),
    async run(sql, params) {
      await inTurn(() => connection.run(sql, params?.map(toDuckDB)));
    },
    all: (sql, params) =>
      inTurn(async () => {
        const reader = await connection.runAndReadAll(sql, params?.map(toDuckDB));
        const names = reader.columnNames();
        return reader.getRows().map((row) => Object.fromEntries(names.map((name, index) => [name, fromDuckDB(row[index])])));
      }),
    // chunk by chunk: DuckDB's copy of a large result is never held whole beside the JavaScript one; DuckDB
    // makes the next chunk while this one is read (a fetched chunk stays valid after later fetches)
    columns: (sql, params) =>
      inTurn(async () => {
        const result = await connection.stream(sql, params?.map(toDuckDB));
        const names = result.columnNames();
        const typeIds = names.map((_, index) => result.columnTypeId(index));
        const columns: StoreValue[][] = names.map(() => []);
        const seen = names.map(() => new Map<string, string>());
        let next = result.fetchChunk();
        for (let chunk = await next; chunk !== null && chunk.rowCount > 0; chunk = await next) {
          next = result.fetchChunk();
          // a read that throws leaves this fetch behind: its failure is not the one to report
          next.catch(() => undefined);
          for (let index = 0; index < names.length; index += 1) readColumn(chunk, index, typeIds[index], columns[index], seen[index]);
        }
        return Object.fromEntries(names.map((name, index) => [name, columns[index]]));
      }),
    append: (table, types, columns) =>
      inTurn(async () => {
        const rows = columns[0]?.length ?? 0;
        const appender = await connection.createAppender(table);
        try {
          const columnTypes = types.map((_, index) => appender.columnType(index));
          // (65,536 rows of text take a second or more: signals are handled between chunks, see eventTurns)
          const turn = eventTurns();
          for (let start = 0; start < rows; start += CHUNK_ROWS) {
            const length = Math.min(CHUNK_ROWS, rows - start);
            const chunk = DuckDBDataChunk.create(columnTypes, length);
            columns.forEach((column, index) => writeColumn(chunk, index, columnTypes[index], column, start, length));
            appender.appendDataChunk(chunk);
            const due = turn();
            if (due) await due;
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }),
    // (a rebuild's new file shares the blobs of the store it replaces, dropping none of them until it takes its place)
    blobs: options.blobs ? { ...blobFolder(options.blobs.folder), keepOnly: async () => {} } : blobFolder(`${path}.rows`),
    checkpointSoon() {
      // once the statements asked for before it are done (the commit), on the housekeeping connection: the run's
      // statements go on meanwhile (DuckDB reads beside a checkpoint; a write waits for it within DuckDB)
      void queue(async () => {
        void housekeepingTurn(async () => {
          if (failedUnawaited) return;
          try {
            await housekeeping.run('CHECKPOINT');
          } catch (error) {
            // a write transaction the caller began meanwhile (the next batch's) keeps DuckDB from checkpointing
            // now: its log waits for the next checkpoint, or close's
            if (!WRITES_ACTIVE.test((error as Error).message)) failedUnawaited = { error };
            return;
          }
          // then the blocks DuckDB keeps cached from the run (what it read and wrote) go back, in turn with the
          // run's statements (a statement running under the lowered limit could run out of memory)
          unawaited(() => housekeepingTurn(evict));
        });
      });
    },
    releaseCache() {
      // (what DuckDB cannot move, e.g. to a full disk, stays in memory: the run goes on)
      unawaited(async () => {
        // (a store only read has no writes to move: its cached blocks are dropped, and its folder is left as it is)
        if (!readOnly) await makeFolder(tempFolderOf(path)).catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          const what = code === 'EEXIST' || code === 'ENOTDIR' ? 'found something else there; remove it and run again' : `could not make it (${(error as Error).message}); make the store's folder writable, or name a store elsewhere`;
          throw new UptakeError('output', `expected ${tempFolderOf(path)} to be the store's temp folder (a directory DuckDB writes to), ${what}`, { file: path, cause: error });
        });
        // (after a checkpoint still running: the housekeeping connection runs one statement at a time)
        await housekeepingTurn(evict);
      });
    },
    // (DuckDB joins the region's pairs by hash and skips blocks by their starts' minimum and maximum: no index
    // to keep up through a run's appends)
    index: async () => {},
    sizeBytes: () =>
      inTurn(async () => {
        // (one checkpoint at a time: after one checkpointSoon started)
        await housekeepingTurn(async () => {});
        // (a store only read keeps its log as it is: counted beside the file)
        if (!readOnly) await connection.run('CHECKPOINT');
        const folder = `${path}.rows`;
        const names = await readdir(folder).catch(() => [] as string[]);
        const sizes = await Promise.all([`${path}.wal`, ...names.map((name) => join(folder, name))].map((file) => stat(file).then((entry) => entry.size, () => 0)));
        return (await stat(path)).size + sizes.reduce((sum, size) => sum + size, 0);
      }),
    async close() {
      try {
        // (the statements asked for, then the checkpoint they may have started, then an eviction after it)
        await queue(async () => {});
        await housekeepingTurn(async () => {});
        await queue(async () => {
          if (failedUnawaited) throw storeWriteError(path, failedUnawaited.error);
        });
      } finally {
        // closing writes the last checkpoint: a full disk then is the store's output failure too; the instance
        // closes even when the connection did not
        let failed: { error: unknown } | undefined;
        for (const close of [() => housekeeping.closeSync(), () => connection.closeSync(), () => instance.closeSync()]) {
          try {
            close();
          } catch (error) {
            failed ??= { error };
          }
        }
        if (failed) throw storeWriteError(path, failed.error);
        // DuckDB removes its temp files as it closes; the folder too, unless it found it there (see removeStaleTemp;
        // a store only read leaves it as it is)
        if (!readOnly) await rmdir(tempFolderOf(path)).catch(() => undefined);
      }
    },
  };
}

/** DuckDB's temp folder for a store file (its default): where releaseCache moves an open transaction's writes. */
const tempFolderOf = (path: string) => `${path}.tmp`;

// A run killed after DuckDB moved some of its writes to the temp folder leaves them there (DuckDB removes only the
// files of a run that closes); the next run to open the store, holding its lock, removes them before any statement.
async function removeStaleTemp(path: string): Promise<void> {
  const folder = tempFolderOf(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  // (best effort: a file that cannot go costs room, and DuckDB writes its own files anew)
  await Promise.allSettled(names.filter((name) => name.startsWith('duckdb_temp_')).map((name) => rm(join(folder, name), { force: true, recursive: true })));
}

// DuckDB's own words for a write the file system refused (its errors carry no errno)
const DISK_REFUSED = /No space left on device|Disk quota exceeded|Read-only file system|File too large/i;

/**
 * Whether a DuckDB error says the file system refused a write (full, over quota, read-only): nothing wrong
 * with the store's file itself.
 * @example diskRefused('IO Error: Could not write file "x.wal": No space left on device') // true
 */
export const diskRefused = (message: string): boolean => DISK_REFUSED.test(message);

// DuckDB's words for a store file whose bytes are not what it wrote (a block or log entry failing its checksum, a
// file cut short): found by the statement that first reads the damaged block, not always as the file opens
const DAMAGED = /Corrupt database file|Corrupt WAL file|Could not read enough bytes from file|is not a valid DuckDB database file/i;

/**
 * A store statement's failure as the person running uptake should read it: a disk that is full or read-only is
 * an output failure (exit 12) naming the store, as for every file uptake writes; a damaged store file is exit 12
 * naming the store and `uptake store rebuild`; anything else as it is.
 * @example storeWriteError('out/.uptake/store.duckdb', new Error('IO Error: Could not write file "x.wal": No space left on device')).exitCode // 12
 */
export function storeWriteError(path: string, error: unknown): unknown {
  const message = (error as Error | undefined)?.message;
  if (isUptakeError(error) || typeof message !== 'string') return error;
  if (DAMAGED.test(message)) {
    const first = message.split('\n').find((line) => DAMAGED.test(line)) ?? message.split('\n')[0];
    return new UptakeError(
      'output',
      `expected the store to read back as DuckDB wrote it, but it is damaged: ${first.trim()}; ${rebuildCommand(path)} cleans every input file into it anew`,
      { file: path, cause: error },
    );
  }
  if (!diskRefused(message)) return error;
  const first = message.split('\n').find(diskRefused) ?? message.split('\n')[0];
  return new UptakeError('output', `cannot write the store: ${first.trim()}; free some room (or make it writable) and run again: the store keeps what the last finished run wrote`, { file: path, cause: error });
}

/** DuckDB's refusal of a statement that writes a database opened read-only. */
const READ_ONLY_REFUSED = /attached in read-only mode|read-only mode!/i;

/** DuckDB's refusal to checkpoint beside a write transaction that is open (not a failure: the log is kept). */
const WRITES_ACTIVE = /Cannot CHECKPOINT: there are other write transactions active/;

/** The memory limit DuckDB's cached blocks are evicted down to (checkpointSoon, releaseCache). */
const MEMORY_AFTER_CHECKPOINT = '32MB';

/** The log size at which DuckDB would checkpoint inside a COMMIT (its default is 16 MB): above any run's log. */
const CHECKPOINT_THRESHOLD = '1TB';

const BLOB_KEY = /^[0-9a-f]{16,128}$/;

// The store file's blobs, a file per key in a folder beside it (`store.duckdb.rows/`), each written whole
// (beside, then renamed) and synced. A run that fails leaves at worst a value no table names (keys are the
// values' hashes), dropped by the next run's keepOnly.
function blobFolder(folder: string): BlobShelf {
  const at = (key: string) => {
    if (!BLOB_KEY.test(key)) throw new RangeError(`expected a blob key of hexadecimal digits, got ${JSON.stringify(key)}`);
    return join(folder, key);
  };
  return {
    // on disk before the run's commit names it: the store's tables are durable, so are their blobs
    async put(bytes) {
      const key = blobKey(bytes);
      await writeFileAtomic(at(key), bytes);
      for (const path of [at(key), folder]) {
        const handle = await open(path, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
      return key;
    },
    async get(key) {
      return readFile(at(key)).then(
        (bytes) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
    },
    async keepOnly(keys) {
      const names = await readdir(folder).catch(() => [] as string[]);
      // a half-written value (a run stopped while writing it) goes too
      await Promise.all(names.filter((name) => !keys.has(name)).map((name) => rm(join(folder, name), { force: true })));
    },
  };
}
