import pg from 'pg';
import { UptakeError } from '../../errors.js';
import { quoteIdentifier, type ColumnType, type WarehouseLoadResult, type WarehouseTable } from './tables.js';

export interface PostgresTarget {
  kind: 'postgres';
  /** Connection URL, e.g. postgres://user:password@host:5432/db (the password never shows in errors). */
  url: string;
  /** Schema holding the tables, created when missing. */
  schema: string;
}

const POSTGRES_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'BIGINT',
  double: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  date: 'DATE',
  json: 'JSONB',
};

/** PostgreSQL caps one statement at 65535 parameters. */
const MAX_PARAMETERS = 65_000;
const MAX_ROWS_PER_INSERT = 1_000;

/** The PostgreSQL type of a column type (shared with the tests). */
export function postgresType(type: ColumnType): string {
  return POSTGRES_TYPES[type];
}

/**
 * A connection URL fit for an error message: user, host, port and database, no password.
 * @example redactUrl('postgres://u:secret@db:5432/x') // 'postgres://u@db:5432/x'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return '(an unreadable PostgreSQL URL)';
  }
}

function parameterValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'timestamp') return new Date(Number(value));
  return value;
}

async function loadTable(client: pg.Client, schema: string, table: WarehouseTable): Promise<{ deleted: number; inserted: number }> {
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(table.name)}`;
  const definition = table.columns.map((column) => `${quoteIdentifier(column.name)} ${POSTGRES_TYPES[column.type]}`).join(', ');
  await client.query(`CREATE TABLE IF NOT EXISTS ${qualified} (${definition})`);
  for (const column of table.columns) {
    await client.query(`ALTER TABLE ${qualified} ADD COLUMN IF NOT EXISTS ${quoteIdentifier(column.name)} ${POSTGRES_TYPES[column.type]}`);
  }
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table.name}_${table.replace.column}_idx`)} ON ${qualified} (${quoteIdentifier(table.replace.column)})`,
  );
  const deletion = await client.query(`DELETE FROM ${qualified} WHERE ${quoteIdentifier(table.replace.column)} = ANY($1::text[])`, [table.replace.values]);
  const columnList = table.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const width = table.columns.length;
  const batchSize = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / width)));
  for (let start = 0; start < table.rows.length; start += batchSize) {
    const batch = table.rows.slice(start, start + batchSize);
    const values: unknown[] = [];
    const tuples = batch.map((row, rowIndex) => {
      row.forEach((value, columnIndex) => values.push(parameterValue(value, table.columns[columnIndex].type)));
      return `(${table.columns.map((_, columnIndex) => `$${rowIndex * width + columnIndex + 1}`).join(', ')})`;
    });
    await client.query(`INSERT INTO ${qualified} (${columnList}) VALUES ${tuples.join(', ')}`, values);
  }
  return { deleted: deletion.rowCount ?? 0, inserted: table.rows.length };
}

/**
 * Loads the tables into PostgreSQL in one transaction (parameterised multi-row inserts, quoted
 * identifiers): each table is created if missing and the batch's weeks are replaced.
 * @example await loadPostgres({ kind: 'postgres', url: process.env.UPTAKE_POSTGRES_URL!, schema: 'uptake' }, warehouseTables(load))
 */
export async function loadPostgres(target: PostgresTarget, tables: WarehouseTable[]): Promise<WarehouseLoadResult> {
  const where = `PostgreSQL ${redactUrl(target.url)}`;
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new UptakeError('warehouse', `${where}: expected to connect, got: ${(error as Error).message}`, { cause: error });
  }
  const loaded: WarehouseLoadResult['tables'] = [];
  let current = '';
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(target.schema)}`);
    for (const table of tables) {
      current = table.name;
      loaded.push({ name: table.name, ...(await loadTable(client, target.schema, table)) });
    }
    current = '';
    await client.query('COMMIT');
    const url = new URL(target.url);
    return { target: 'postgres', location: `${url.host}${url.pathname} schema ${target.schema}`, tables: loaded };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const table = current ? ` table ${target.schema}.${current}` : '';
    throw new UptakeError('warehouse', `${where}${table}: expected the load to succeed, got: ${(error as Error).message} (nothing was written)`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
