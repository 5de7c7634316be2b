import pg from 'pg';
import { UptakeError } from '../../errors.js';
import { quoteIdentifier, type ColumnType, type WarehouseLoadResult, type WarehouseTable } from './tables.js';
import { redactUrl } from '../../util/redact-url.js';

export { redactUrl };

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

/** Rows sent per INSERT (as one array per column). */
const ROWS_PER_INSERT = 10_000;

/** The PostgreSQL type of a column type (shared with the tests). */
export function postgresType(type: ColumnType): string {
  return POSTGRES_TYPES[type];
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
  // One array parameter per column, unnested into rows: few parameters, one parse per batch of rows.
  const columnList = table.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const arrays = table.columns.map((column, index) => `$${index + 1}::${POSTGRES_TYPES[column.type]}[]`).join(', ');
  const statement = `INSERT INTO ${qualified} (${columnList}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < table.rows.length; start += ROWS_PER_INSERT) {
    const batch = table.rows.slice(start, start + ROWS_PER_INSERT);
    const columns = table.columns.map((column, columnIndex) => batch.map((row) => parameterValue(row[columnIndex], column.type)));
    await client.query(statement, columns);
  }
  return { deleted: deletion.rowCount ?? 0, inserted: table.rows.length };
}

/**
 * Loads the tables into PostgreSQL in one transaction (parameterised inserts, quoted
 * identifiers; rows go as one array parameter per column through unnest): each table is created if missing and the batch's weeks are replaced.
 * Loads into the same schema take turns (a transaction-level advisory lock), so concurrent runs never duplicate rows.
 * Aborting `effects.signal` ends the load at once, the transaction rolled back (UptakeError `aborted`).
 * @example await loadPostgres({ kind: 'postgres', url: process.env.UPTAKE_POSTGRES_URL!, schema: 'uptake' }, warehouseTables(load))
 */
export async function loadPostgres(target: PostgresTarget, tables: WarehouseTable[], effects: { signal?: AbortSignal } = {}): Promise<WarehouseLoadResult> {
  const where = `PostgreSQL ${redactUrl(target.url)}`;
  const { signal } = effects;
  signal?.throwIfAborted();
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  // A load waits for good for another's lock or for a server that stopped answering: an abort closes
  // the connection, which fails the statement in progress, and the server rolls back what it began.
  let committing = false;
  const onAbort = () => void client.end().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = (error: unknown) =>
    new UptakeError('aborted', `${where}: the load was aborted ${committing ? 'while it committed (the server may have committed it)' : '(nothing was written)'}`, { cause: error });
  try {
    await client.connect();
  } catch (error) {
    signal?.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
    if (signal?.aborted) throw aborted(error);
    throw new UptakeError('warehouse', `${where}: expected to connect, got: ${(error as Error).message}`, { cause: error });
  }
  const loaded: WarehouseLoadResult['tables'] = [];
  let current = '';
  try {
    await client.query('BEGIN');
    // Two loads into one schema at once (runs with different --out, or on two hosts) would each delete
    // nothing the other has not committed and both insert: one at a time, the later one waiting.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('uptake warehouse'), hashtext($1))", [target.schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(target.schema)}`);
    for (const table of tables) {
      current = table.name;
      loaded.push({ name: table.name, ...(await loadTable(client, target.schema, table)) });
    }
    current = '';
    committing = true;
    await client.query('COMMIT');
    const url = new URL(target.url);
    return { target: 'postgres', location: `${url.host}${url.pathname} schema ${target.schema}`, tables: loaded };
  } catch (error) {
    if (signal?.aborted) throw aborted(error);
    await client.query('ROLLBACK').catch(() => undefined);
    const table = current ? ` table ${target.schema}.${current}` : '';
    throw new UptakeError('warehouse', `${where}${table}: expected the load to succeed, got: ${(error as Error).message} (nothing was written)`, {
      cause: error,
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
  }
}
