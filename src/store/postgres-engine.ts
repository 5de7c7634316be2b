import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isUptakeError, UptakeError } from '../errors.js';
import { redactUrl } from '../util/redact-url.js';
import { printable, someNames } from '../util/some-names.js';
import { blobKey, notWritableError, statementQueue, type StoreColumnType, type StoreEngine, type StoreValue } from './store-engine.js';

const TYPES: Record<StoreColumnType, string> = { text: 'TEXT', integer: 'BIGINT', double: 'DOUBLE PRECISION', boolean: 'BOOLEAN', bytes: 'BYTEA' };
/** Rows of an append's COPY stream written at a time. */
const ROWS_PER_CHUNK = 2_000;

// BIGINT comes back as text from pg (it may exceed 2^53); the store's integers (counts, epoch ms) do not.
function fromPostgres(value: unknown): StoreValue {
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return value as StoreValue;
}

/**
 * Opens a PostgreSQL database as the store (tables in the connection's schema: set it with
 * `?options=-csearch_path%3Dname` in the URL). The password never shows in messages. `readOnly` (why, see
 * StoreEngine.readOnly): creates nothing; `orReadOnly`: a role that may not write the store's tables (or create
 * them, where there are none) opens it read-only too.
 * @example const engine = await openPostgresEngine(process.env.UPTAKE_STORE_URL!)
 */
export async function openPostgresEngine(url: string, options: { readOnly?: string | null; orReadOnly?: boolean; rebuild?: AsideTables; storeTables?: string[] } = {}): Promise<StoreEngine> {
  try {
    new URL(url);
  } catch {
    throw new UptakeError('config', 'expected --store to be a file path or a well-formed postgres:// URL, got a postgres:// URL that does not parse');
  }
  const location = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig });
  // a connection lost between statements (the server restarted, a network drop, an administrator's
  // pg_terminate_backend) is an 'error' event: without a listener Node stops on it with a stack trace; the next
  // statement tells it (see lostConnection)
  let lost: Error | null = null;
  client.on('error', (error) => {
    lost ??= error;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    // (pg's words for a server that asks for a password the URL, PGPASSWORD and ~/.pgpass did not give)
    const reason = /client password must be a string/i.test((error as Error).message) ? 'the server asked for a password, and none was given (in the URL, PGPASSWORD or ~/.pgpass)' : (error as Error).message;
    throw new UptakeError('warehouse', `store ${location}: expected to connect to PostgreSQL, got: ${reason}`, { cause: error });
  }
  // a run killed (kill -9) mid-statement leaves its session running that statement, holding the store's lock
  // below: the server looks for the gone client every second and ends the session (PostgreSQL 14 and later)
  await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
  // one uptake process at a time per store (the connection's schema), as DuckDB lets one process open a file: two
  // runs at once would each write the same new rows and tasks. A session lock, gone when the connection ends.
  let free: boolean;
  try {
    const result = await client.query("SELECT pg_try_advisory_lock(hashtext('uptake store'), hashtext(coalesce(current_schema(), ''))) AS free");
    free = result.rows[0].free === true;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new UptakeError('warehouse', `store ${location}: expected to take the store's lock, got: ${(error as Error).message}`, { cause: error });
  }
  if (!free) {
    await client.end().catch(() => undefined);
    throw new UptakeError('busy', `expected the store ${location} to be free, but another uptake process has it open; try again when it ends`);
  }
  // the store's schema: the first of the search_path that exists (PostgreSQL's current_schema); none when the
  // URL names one not made yet (uptake makes tables, not schemas)
  const [{ schema }] = (await client.query('SELECT current_schema() AS schema')).rows as Array<{ schema: string | null }>;
  if (schema === null) {
    await client.end().catch(() => undefined);
    throw new UptakeError('warehouse', `store ${location}: expected the schema the URL's search_path names to exist, found none; create it first (CREATE SCHEMA name)`);
  }
  let readOnly = options.readOnly ?? null;
  if (readOnly === null && options.orReadOnly) {
    try {
      readOnly = await whyOnlyRead(client, schema);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new UptakeError('warehouse', `store ${location}: expected to read the role's rights on the store's tables, got: ${(error as Error).message}`, { cause: error });
    }
  }
  // a rebuild stopped before it finished (a kill, a lost connection) left the store's tables set aside: they are the
  // store, put back in place of what the rebuild had filled
  const aside = { tables: options.rebuild?.tables ?? options.storeTables ?? [] };
  try {
    if ((await relationsSetAside(client)).length > 0) {
      if (readOnly !== null) {
        throw new UptakeError(
          'output',
          `store ${location}: expected a store, found one whose rebuild stopped before it finished (its tables as they were, set aside as ${ASIDE}*); the next command that writes the store (\`uptake run\`, or \`uptake store rebuild\` to try the rebuild again) puts them back first`,
        );
      }
      await putBack(client, aside);
    }
    if (options.rebuild) await setAside(client, aside);
  } catch (error) {
    await client.end().catch(() => undefined);
    if (isUptakeError(error)) throw error;
    throw new UptakeError('warehouse', `store ${location}: expected to ${options.rebuild ? "set the store's tables aside for the rebuild" : "put back the store's tables a stopped rebuild set aside"}, got: ${(error as Error).message}`, { cause: error });
  }
  // (while a rebuild fills new tables, the blobs the tables set aside name are kept: see finishRebuild)
  let rebuilding = options.rebuild !== undefined;
  // the blobs' table, this engine's own (DuckDB keeps them as files): created with the connection when missing
  // from the store's schema (CREATE TABLE IF NOT EXISTS asks for the right to create even when it is there); a
  // store only read makes none
  try {
    const [{ present }] = (await client.query("SELECT to_regclass(format('%I.store_blobs', current_schema())) IS NOT NULL AS present")).rows;
    if (!present && readOnly === null) await client.query('CREATE TABLE IF NOT EXISTS store_blobs (key TEXT PRIMARY KEY, data BYTEA NOT NULL)');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new UptakeError('warehouse', `store ${location}: expected to create the table store_blobs, got: ${(error as Error).message}`, { cause: error });
  }
  // one query at a time, in the order asked for (the client would queue them too, but that is deprecated): an
  // append's inserts one after another, then whatever was asked for during it
  const queue = statementQueue();
  const inTurn = <T>(statement: () => Promise<T>): Promise<T> =>
    queue(statement).catch((error: unknown) => {
      // (a statement that writes a store the role may only read: a path of the run that should not have asked)
      if (readOnly !== null && (error as { code?: unknown }).code === INSUFFICIENT_PRIVILEGE) throw notWritableError(location, readOnly, 'what this run cleaned');
      throw lostConnection(location, error, lost);
    });
  const query = (text: string, values?: unknown[]) => inTurn(() => client.query(text, values));
  return {
    kind: 'postgres',
    location,
    readOnly,
    sqlType: (type) => TYPES[type],
    // (pg_class lists a table whatever the role may do with it; information_schema only those it has a right on)
    // (the schema by its name as it is: a cast of the text to regnamespace would fold a mixed-case name to lower case)
    tableNames: async () =>
      (await query("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')")).rows.map((row: { relname: string }) => row.relname),
    async run(sql, params) {
      await query(sql, params);
    },
    async all(sql, params) {
      const result = await query(sql, params);
      return result.rows.map((row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, fromPostgres(value)])));
    },
    async columns(sql, params) {
      const result = await inTurn(() => client.query({ text: sql, values: params, rowMode: 'array' }));
      return Object.fromEntries(result.fields.map((field, index) => [field.name, (result.rows as unknown[][]).map((row) => fromPostgres(row[index]))]));
    },
    append: (table, types, columns) =>
      inTurn(async () => {
        const rows = columns[0]?.length ?? 0;
        if (rows === 0) return;
        // one COPY: PostgreSQL parses the rows as a stream, where INSERTs of unnested arrays took about 2.5 s per
        // 200,000 rows (the region of a file changed in the middle of the history)
        await pipeline(Readable.from(copyText(types, columns, rows)), client.query(copyFrom(`COPY ${identifier(table)} FROM STDIN`)));
      }),
    blobs: {
      async put(bytes) {
        const key = blobKey(bytes);
        await query('INSERT INTO store_blobs (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = excluded.data', [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
        return key;
      },
      async get(key) {
        const result = await query('SELECT data FROM store_blobs WHERE key = $1', [key]);
        return result.rows.length === 0 ? null : (fromPostgres(result.rows[0].data) as Uint8Array);
      },
      async keepOnly(keys) {
        if (rebuilding) return;
        await query('DELETE FROM store_blobs WHERE NOT (key = ANY($1::text[]))', [[...keys]]);
      },
    },
    // (a rebuild's tables take the store's place: those set aside go, in one transaction)
    ...(options.rebuild && {
      async finishRebuild() {
        await inTurn(() => dropAside(client));
        rebuilding = false;
      },
    }),
    checkpointSoon() {},
    releaseCache() {},
    async index(table, columns, except) {
      const name = [table, ...columns, ...(except ? ['not', except.column, String(except.value)] : [])].join('_');
      const where = except ? ` WHERE ${identifier(except.column)} <> ${Number(except.value)}` : '';
      // (looked up first: PostgreSQL asks a CREATE INDEX, even IF NOT EXISTS, to come from the table's owner, and a
      // role that only reads and writes the store's tables opens it too)
      const [{ present }] = (await query('SELECT to_regclass($1) IS NOT NULL AS present', [identifier(name)])).rows as Array<{ present: boolean }>;
      if (present) return;
      try {
        await query(`CREATE INDEX IF NOT EXISTS ${identifier(name)} ON ${identifier(table)} (${columns.map(identifier).join(', ')})${where}`);
      } catch (error) {
        // (a role that may not create it goes without: its statements are slower, not wrong)
        if ((error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      }
    },
    async sizeBytes() {
      const result = await query(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS size FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'store\\_%' AND pg_table_is_visible(c.oid)",
      );
      return Number(result.rows[0].size);
    },
    async close() {
      // a rebuild that did not finish leaves the store as it was: its tables put back (else the next open does it)
      if (rebuilding) await inTurn(() => putBack(client, aside)).catch(() => undefined);
      await inTurn(() => client.end()).catch(() => undefined);
    },
  };
}

/** The store's tables by name (openStore's STORE_TABLES), which a rebuild sets aside. */
export interface AsideTables {
  tables: string[];
}

/**
 * The prefix of the store's tables and their indexes while a rebuild fills new ones: a rebuild renames them (one
 * transaction), and drops them once it finishes; one that stops before puts them back (at close, or the next
 * open after a kill), so the store is as it was, as a DuckDB store's file is while `<store>.rebuilding` fills.
 */
export const ASIDE = 'uptake_before_rebuild_';

// The tables and indexes in the store's schema that a rebuild set aside.
async function relationsSetAside(client: pg.Client): Promise<Array<{ name: string; kind: string }>> {
  const { rows } = await client.query(
    "SELECT c.relname AS name, c.relkind AS kind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'i') AND starts_with(c.relname, $1)",
    [ASIDE],
  );
  return rows as Array<{ name: string; kind: string }>;
}

// Runs statements in one transaction on the client (outside the engine's queue: at open, or in its turn).
async function inTransaction(client: pg.Client, statements: string[]): Promise<void> {
  await client.query('BEGIN');
  try {
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

// The store's tables and their indexes renamed with ASIDE, in one transaction.
async function setAside(client: pg.Client, { tables }: AsideTables): Promise<void> {
  const { rows } = await client.query(
    "SELECT c.relname AS name, c.relkind AS kind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY($1::text[])",
    [tables],
  );
  const present = (rows as Array<{ name: string }>).map((row) => row.name);
  const indexes = (await client.query('SELECT indexname AS name FROM pg_catalog.pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1::text[])', [present])).rows as Array<{ name: string }>;
  const rename = (what: string, name: string) => `ALTER ${what} ${client.escapeIdentifier(name)} RENAME TO ${client.escapeIdentifier(ASIDE + name)}`;
  await inTransaction(client, [...present.map((name) => rename('TABLE', name)), ...indexes.map(({ name }) => rename('INDEX', name))]);
}

// What a rebuild filled dropped, and the tables it set aside put back with their indexes, in one transaction.
async function putBack(client: pg.Client, { tables }: AsideTables): Promise<void> {
  const aside = await relationsSetAside(client);
  if (aside.length === 0) return;
  const original = (name: string) => client.escapeIdentifier(name.slice(ASIDE.length));
  await inTransaction(client, [
    ...aside.filter(({ kind }) => kind !== 'i').map(({ name }) => `DROP TABLE IF EXISTS ${original(name)}`),
    // (a store table the rebuild made that was not there before it)
    ...tables.filter((table) => !aside.some(({ name }) => name === ASIDE + table)).map((table) => `DROP TABLE IF EXISTS ${client.escapeIdentifier(table)}`),
    ...aside.map(({ name, kind }) => `ALTER ${kind === 'i' ? 'INDEX' : 'TABLE'} ${client.escapeIdentifier(name)} RENAME TO ${original(name)}`),
  ]);
}

// The tables a finished rebuild set aside, dropped (their indexes with them) in one transaction.
async function dropAside(client: pg.Client): Promise<void> {
  const aside = (await relationsSetAside(client)).filter(({ kind }) => kind !== 'i');
  await inTransaction(client, aside.map(({ name }) => `DROP TABLE IF EXISTS ${client.escapeIdentifier(name)}`));
}

// Why the connection's role may only read the store in `schema`, or null when it may write it: the store's tables
// (store_ and the blobs') it may not insert into, update or delete from; with none there, a schema it may not
// create tables in. (has_table_privilege with a list is true when any one is held: each is asked apart.)
async function whyOnlyRead(client: pg.Client, schema: string): Promise<string | null> {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname LIKE 'store\\_%'
       AND NOT (has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE'))
     ORDER BY c.relname`,
  );
  if (rows.length > 0) return `its role may not insert into, update or delete from ${rows.length === 1 ? 'the table' : 'the tables'} ${someNames(rows.map((row: { name: string }) => row.name))}`;
  const [{ tables }] = (await client.query("SELECT count(*)::int AS tables FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname LIKE 'store\\_%'")).rows;
  const [{ create }] = (await client.query('SELECT has_schema_privilege(current_schema(), $1) AS create', ['CREATE'])).rows;
  return tables === 0 && create !== true ? `its role may not create tables in the schema ${printable(schema)}` : null;
}

// SQLSTATE of a statement the role may not run (e.g. CREATE INDEX on a table another role owns)
const INSUFFICIENT_PRIVILEGE = '42501';

// SQLSTATE classes and codes of a connection that is gone: 08 (connection exception), 57P01-57P03 (the server shut
// down, crashed or is starting); node's own for a socket that broke
const CONNECTION_GONE = /^(08|57P0[123]$)|^(ECONNRESET|EPIPE|ETIMEDOUT|ECONNREFUSED)$/;

/**
 * A statement's failure because the connection to the store's server is gone, as the person running uptake
 * should read it: exit 8 naming the store, and that the store keeps what the last run to commit wrote; anything else as it is.
 * @example lostConnection('postgres://uptake@db:5432/uptake', new Error('Connection terminated unexpectedly'), null).exitCode // 8
 */
export function lostConnection(location: string, error: unknown, lost: Error | null): unknown {
  if (isUptakeError(error)) return error;
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  const message = (error as Error | undefined)?.message ?? String(error);
  if (lost === null && !CONNECTION_GONE.test(code) && !/Connection terminated|not queryable/i.test(message)) return error;
  return new UptakeError(
    'warehouse',
    `store ${location}: expected the connection to PostgreSQL to last the run, got: ${(lost ?? (error as Error)).message}; the store keeps what the last run to commit wrote: run again once the server is reachable`,
    { cause: error },
  );
}

/**
 * Rows given as columns in COPY's text format, some rows a chunk: a tab between values, a line a row, NULL as
 * `\N`, a backslash, tab, line feed or carriage return in a text escaped with a backslash, bytes as `\\x` and
 * their hex digits. A number is written as JavaScript writes it (the shortest text that reads back as the same
 * double; NaN and the infinities as PostgreSQL spells them).
 * @example [...copyText(['text', 'integer'], [['a\tb', null], [1, 2]], 2)].join('') // 'a\\tb\t1\n\\N\t2\n'
 */
export function* copyText(types: StoreColumnType[], columns: Array<ArrayLike<StoreValue>>, rows: number): Generator<string> {
  const write = types.map((type) => COPY_VALUE[type]);
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (let row = start; row < Math.min(rows, start + ROWS_PER_CHUNK); row += 1) {
      for (let column = 0; column < columns.length; column += 1) {
        const value = columns[column][row];
        chunk += (column === 0 ? '' : '\t') + (value === null || value === undefined ? '\\N' : write[column](value));
      }
      chunk += '\n';
    }
    yield chunk;
  }
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const COPY_SPECIAL = /[\\\t\n\r]/g;
const copyNumber = (value: StoreValue) => (Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : String(value));
const COPY_VALUE: Record<StoreColumnType, (value: StoreValue) => string> = {
  text: (value) => String(value).replace(COPY_SPECIAL, (character) => COPY_ESCAPES[character]),
  integer: copyNumber,
  double: copyNumber,
  boolean: (value) => (value ? 't' : 'f'),
  bytes: (value) => `\\\\x${Buffer.from((value as Uint8Array).buffer, (value as Uint8Array).byteOffset, (value as Uint8Array).byteLength).toString('hex')}`,
};

// A table or column name of the store's own making, as SQL (never input: a name of another shape is a bug).
function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`expected a store table or column name, got ${JSON.stringify(name)}`);
  return name;
}
