import { dirname } from 'node:path';
import { expectFileKinds } from '../../util/file-kind.js';
import { duckdbWarehouseFiles } from './load-warehouse.js';
import { followLinks } from '../../util/follow-links.js';
import {
  DuckDBInstance,
  DuckDBTypeId,
  DuckDBDateValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBDataChunk,
  type DuckDBValue,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { UptakeError } from '../../errors.js';
import { quoteIdentifier, type ColumnType, type WarehouseLoadResult, type WarehouseTable } from './tables.js';
import { makeFolder } from '../../util/make-folder.js';

export interface DuckDBTarget {
  kind: 'duckdb';
  /** The database file, created with its folder when missing. */
  path: string;
  /** Schema inside the file (default `main`, so tables read as plain `uptake_tasks`). */
  schema?: string;
}

const DUCKDB_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  integer: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  date: 'DATE',
  json: 'JSON',
};

const DAY_MS = 86_400_000;

/** The DuckDB type of a column type (shared with the tests). */
export function duckdbType(type: ColumnType): string {
  return DUCKDB_TYPES[type];
}

/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

// Data chunks are filled a column at a time: bring each value into the JS form of the column's real type.
function duckdbValue(typeId: DuckDBTypeId, value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return Boolean(value);
    case DuckDBTypeId.INTEGER:
      return Math.round(Number(value));
    case DuckDBTypeId.BIGINT:
      return BigInt(Math.round(Number(value)));
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
      return Number(value);
    case DuckDBTypeId.DATE:
      return new DuckDBDateValue(Math.round(Date.parse(`${String(value)}T00:00:00Z`) / DAY_MS));
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new DuckDBTimestampTZValue(BigInt(Math.round(Number(value))) * 1000n);
    case DuckDBTypeId.TIMESTAMP:
      return new DuckDBTimestampValue(BigInt(Math.round(Number(value))) * 1000n);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

async function existingColumns(connection: DuckDBConnection, schema: string, table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    [schema, table],
  );
  return reader.getRowObjectsJS().map((row) => String(row.column_name));
}

// Create when missing, add columns a newer uptake writes, then replace the batch's weeks.
async function loadTable(connection: DuckDBConnection, schema: string, table: WarehouseTable): Promise<{ deleted: number; inserted: number }> {
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(table.name)}`;
  const definition = table.columns.map((column) => `${quoteIdentifier(column.name)} ${DUCKDB_TYPES[column.type]}`).join(', ');
  await connection.run(`CREATE TABLE IF NOT EXISTS ${qualified} (${definition})`);
  const present = new Set(await existingColumns(connection, schema, table.name));
  for (const column of table.columns) {
    if (!present.has(column.name)) {
      await connection.run(`ALTER TABLE ${qualified} ADD COLUMN ${quoteIdentifier(column.name)} ${DUCKDB_TYPES[column.type]}`);
    }
  }
  let deleted = 0;
  if (table.replace.values.length > 0) {
    const placeholders = table.replace.values.map((_, index) => `$${index + 1}`).join(', ');
    const result = await connection.run(`DELETE FROM ${qualified} WHERE ${quoteIdentifier(table.replace.column)} IN (${placeholders})`, table.replace.values);
    deleted = result.rowsChanged;
  }
  if (table.rows.length === 0) return { deleted, inserted: 0 };
  const order = await existingColumns(connection, schema, table.name);
  const position = new Map(table.columns.map((column, index) => [column.name, index]));
  const appender = await connection.createAppender(table.name, schema);
  try {
    const types = order.map((_, index) => appender.columnType(index));
    const sources = order.map((name) => position.get(name));
    for (let start = 0; start < table.rows.length; start += CHUNK_ROWS) {
      const rows = table.rows.slice(start, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, rows.length);
      types.forEach((type, index) => {
        const source = sources[index];
        chunk.setColumnValues(index, rows.map((row) => (source === undefined ? null : duckdbValue(type.typeId, row[source]))));
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return { deleted, inserted: table.rows.length };
}

/**
 * Loads the tables into a DuckDB file in one transaction: each table is created if missing and the
 * rows of the batch's weeks are replaced, so loading the same week twice leaves the same rows.
 * @example await loadDuckDB({ kind: 'duckdb', path: 'output/uptake.duckdb' }, warehouseTables(load))
 */
export async function loadDuckDB(target: DuckDBTarget, tables: WarehouseTable[]): Promise<WarehouseLoadResult> {
  const schema = target.schema ?? 'main';
  let instance: DuckDBInstance;
  // a warehouse reached through a symbolic link is the file at its end: DuckDB's log sits beside that file
  const file = await followLinks(target.path);
  // (a run checked them before its work too; this is for a file made in the meantime)
  await expectFileKinds(duckdbWarehouseFiles(file), 'output');
  try {
    await makeFolder(dirname(file));
    instance = await DuckDBInstance.create(file);
  } catch (error) {
    throw new UptakeError('warehouse', `expected to open the DuckDB file ${target.path}, got: ${(error as Error).message}`, { cause: error });
  }
  const connection = await instance.connect();
  const loaded: WarehouseLoadResult['tables'] = [];
  let current = '';
  try {
    // `warehouse.duckdbPath` naming the store (output/.uptake/store.duckdb): the metric tables went in beside the
    // store's raw rows, which whoever reads the warehouse could then read (pseudonymized ids or not)
    const store = await connection.runAndReadAll("SELECT 1 FROM information_schema.tables WHERE table_name = 'store_meta'");
    if (store.getRows().length > 0) {
      throw new UptakeError('output', `expected the warehouse ${target.path} to be a DuckDB file of its own, got one holding uptake's store of cleaned data (its store_* tables); nothing was loaded: name another \`warehouse.duckdbPath\`, or, if this is the warehouse and a run once took it for its store, drop its store_* tables`);
    }
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  try {
    await connection.run('BEGIN TRANSACTION');
    if (schema !== 'main') await connection.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    for (const table of tables) {
      current = table.name;
      loaded.push({ name: table.name, ...(await loadTable(connection, schema, table)) });
    }
    current = '';
    await connection.run('COMMIT');
    return { target: 'duckdb', location: target.path, tables: loaded };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    const where = current ? ` table ${schema}.${current}` : '';
    throw new UptakeError('warehouse', `DuckDB ${target.path}${where}: expected the load to succeed, got: ${(error as Error).message} (nothing was written)`, {
      cause: error,
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
