import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DuckDBBlobValue,
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBTypeId,
  blobValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { BlobShelf, StoreColumnType, StoreEngine, StoreValue } from './store-engine.js';

const TYPES: Record<StoreColumnType, string> = { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', bytes: 'BLOB' };
/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

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

/**
 * Opens (creating when missing) an embedded DuckDB store file. The caller loads `@duckdb/node-api` alone
 * first (see openStoreEngine), so a missing native binding is an environment error, not a crash.
 * @example const engine = await openDuckDBEngine('output/.uptake/store.duckdb')
 */
export async function openDuckDBEngine(path: string): Promise<StoreEngine> {
  const instance = await DuckDBInstance.create(path);
  const connection: DuckDBConnection = await instance.connect();
  return {
    kind: 'duckdb',
    location: path,
    sqlType: (type) => TYPES[type],
    async run(sql, params) {
      await connection.run(sql, params?.map(toDuckDB));
    },
    async all(sql, params) {
      const reader = await connection.runAndReadAll(sql, params?.map(toDuckDB));
      const names = reader.columnNames();
      return reader.getRows().map((row) => Object.fromEntries(names.map((name, index) => [name, fromDuckDB(row[index])])));
    },
    // chunk by chunk: DuckDB's copy of a large result is never held whole beside the JavaScript one
    async columns(sql, params) {
      const result = await connection.stream(sql, params?.map(toDuckDB));
      const names = result.columnNames();
      const columns: StoreValue[][] = names.map(() => []);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        names.forEach((_, index) => {
          const target = columns[index];
          for (const value of chunk!.getColumnValues(index)) target.push(fromDuckDB(value));
        });
      }
      return Object.fromEntries(names.map((name, index) => [name, columns[index]]));
    },
    async append(table, types, columns) {
      const rows = columns[0]?.length ?? 0;
      const appender = await connection.createAppender(table);
      try {
        const typeIds = types.map((_, index) => appender.columnType(index));
        for (let start = 0; start < rows; start += CHUNK_ROWS) {
          const length = Math.min(CHUNK_ROWS, rows - start);
          const chunk = DuckDBDataChunk.create(typeIds, length);
          columns.forEach((column, index) => {
            const values: DuckDBValue[] = new Array(length);
            for (let row = 0; row < length; row += 1) values[row] = chunkValue(typeIds[index].typeId, column[start + row]);
            chunk.setColumnValues(index, values);
          });
          appender.appendDataChunk(chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    blobs: blobFolder(`${path}.rows`),
    async sizeBytes() {
      await connection.run('CHECKPOINT');
      const folder = `${path}.rows`;
      const names = await readdir(folder).catch(() => [] as string[]);
      const sizes = await Promise.all(names.map((name) => stat(join(folder, name)).then((entry) => entry.size, () => 0)));
      return (await stat(path)).size + sizes.reduce((sum, size) => sum + size, 0);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const BLOB_KEY = /^[0-9a-f]{16,128}$/;

// The store file's blobs, a file per key in a folder beside it (`store.duckdb.rows/`), each written whole
// (beside, then renamed): a run that fails leaves at worst a value no ledger entry names, dropped by the
// next run's keepOnly.
function blobFolder(folder: string): BlobShelf {
  const at = (key: string) => {
    if (!BLOB_KEY.test(key)) throw new RangeError(`expected a blob key of hexadecimal digits, got ${JSON.stringify(key)}`);
    return join(folder, key);
  };
  return {
    async put(key, bytes) {
      await writeFileAtomic(at(key), bytes);
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
