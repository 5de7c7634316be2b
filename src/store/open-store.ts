import { existsSync } from 'node:fs';
import { constants } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isSystemError, outputError, systemErrorText, UptakeError } from '../errors.js';
import { expectOutputsApart } from '../ingest/outputs-apart.js';
import { expectValue } from '../util/expect-value.js';
import { someNames } from '../util/some-names.js';
import { expectFileKinds } from '../util/file-kind.js';
import { followLinks } from '../util/follow-links.js';
import { loadDuckDB } from '../util/load-duckdb.js';
import { ROW_STATE } from './find-region.js';
import { notWritableError, rebuildCommand, type StoreColumnType, type StoreEngine } from './store-engine.js';
import { makeFolder } from '../util/make-folder.js';

/**
 * The cleaning contract's version the store's rows were cleaned under: bump it with any change to
 * CONTRACT.md section 2 (or to how a file's rows are parsed), and every store asks for a rebuild.
 */
export const CONTRACT_VERSION = '2026-12-07';
/** The layout of the store's tables. */
export const STORE_FORMAT = '7';

/**
 * What brings a store of an earlier format to this one without a rebuild (a rebuild reads every input file
 * again, which a large store's history may not fit in memory for): the statements by the format they start
 * from, in order; `{text}` is the engine's text type. Each statement can run twice (a run that stopped half-way).
 */
const MIGRATIONS: Record<string, string[]> = {
  // 7: the ledger keeps each file's stamp (util/hash-file.ts); a file without one is hashed once more
  '6': ['ALTER TABLE store_files ADD COLUMN IF NOT EXISTS stamp {text}'],
};

/**
 * Where `uptake run` keeps its store without `--store` or the config's `store`.
 * @example defaultStorePath('output') // 'output/.uptake/store.duckdb'
 */
export const defaultStorePath = (outDir: string) => join(outDir, '.uptake', 'store.duckdb');

// (a URL's scheme is case-insensitive: POSTGRES:// too)
const POSTGRES_URL = /^postgres(ql)?:\/\//i;
// A location that starts with a scheme other than PostgreSQL's (`mysql://`, `s3://`, `md:`, `postgres:` without
// `//`) is no store uptake keeps; DuckDB would take some as its own (an extension it downloads, a cloud service,
// `duckdb:` stripped from the file's name), and a password in it would show in messages and a folder's name.
// Two letters at least: `C:\\store.duckdb` is a file.
const OTHER_SCHEME = /^([a-z][a-z0-9+.-]+):/i;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * The store `uptake run` uses: `--store` when given (false: `--no-store`, none), else the config's `store`
 * (null: none; the name of a set environment variable: its value), else `<outDir>/.uptake/store.duckdb`.
 * @example runStoreLocation(undefined, config, process.env, 'output') // 'output/.uptake/store.duckdb'
 */
export function runStoreLocation(option: string | false | undefined, config: { store?: string | null }, env: Record<string, string | undefined>, outDir: string): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return option;
  if (config.store === null) return undefined;
  if (config.store === undefined) return defaultStorePath(outDir);
  if (!ENV_NAME.test(config.store)) return config.store;
  const value = env[config.store];
  if (!value) throw new UptakeError('config', `store: expected a file path, a postgres:// URL or the name of a set environment variable, got \`${config.store}\` (not set)`);
  return value;
}

/** The store's tables: name, then columns in order. */
export const STORE_TABLES: Record<string, Array<[string, StoreColumnType]>> = {
  store_meta: [['key', 'text'], ['value', 'text']],
  // the ledger of ingested files (roster files too), known by name (the input folder may be spelled
  // another way next time) and bytes: what each gave, the ISO weeks (report zone) its rows
  // start in, whether it must be read again, and its stamp when hashed (a later run trusts the hash while the
  // file's stamp is the same: util/hash-file.ts)
  store_files: [['file_order', 'integer'], ['name', 'text'], ['path', 'text'], ['kind', 'text'], ['bytes', 'integer'], ['sha256', 'text'], ['rows', 'integer'], ['quarantined', 'integer'], ['reread', 'boolean'], ['weeks', 'text'], ['stamp', 'text']],
  // what reading each log file gave (result: report, quarantine, counts, pass-through columns), and the key among
  // the engine's blobs (see StoreEngine.blobs) of its parsed rows (steps 2.1-2.2: typed, UTC, quarantine split
  // off) as the rules read them back: their bytes' SHA-256
  store_file_rows: [['name', 'text'], ['result', 'bytes'], ['parts_key', 'text']],
  // per log file, how many of its readable rows carry each raw label and the first of them (row number): the
  // label counts of CONTRACT 2.3 summed over the input's files without a pass over every stored row
  store_file_labels: [['name', 'text'], ['source', 'text'], ['label', 'text'], ['rows', 'integer'], ['first', 'integer']],
  // one row per readable log row: where it is, what the cross-row rules key on (id, user, raw label and the
  // canonical one it was last cleaned under, start and end, or start without an end, after the clock-skew swap: last_at), and its fate
  // (exact_duplicate, retry_duplicate, in_task; conflicting: the kept row of an id whose copies disagree).
  // state: 0 as cleaned, 2 of a file the running run replaces (see findRegion; the rows of the files a run reads are in its table run_fresh until cleaned)
  store_rows: [['file', 'text'], ['ordinal', 'integer'], ['source', 'text'], ['id', 'text'], ['user_id', 'text'], ['label', 'text'], ['task_type', 'text'], ['started_at', 'double'], ['last_at', 'double'], ['skewed', 'boolean'], ['fate', 'text'], ['conflicting', 'boolean'], ['state', 'integer']],
  // the cleaned tasks before the duration and team rules (those run over every task each run, with the
  // run's roster), listed by their first row (file, ordinal); pass-through columns as JSON
  store_tasks: [['source', 'text'], ['file', 'text'], ['ordinal', 'integer'], ['task_id', 'text'], ['user_id', 'text'], ['team', 'text'], ['task_type', 'text'], ['started_at', 'double'], ['duration_ms', 'double'], ['status', 'text'], ['accuracy', 'double'], ['harmful', 'boolean'], ['fragments', 'integer'], ['prompt', 'text'], ['tool_version', 'text'], ['pass_through', 'text']],
  // per ISO week (report zone) holding tasks: the key of its KPI facts among the engine's blobs (weekFacts as
  // JSON: a large value, kept beside the tables as the parsed rows are) and what settling its tasks gave (tasks,
  // teams filled from the roster, durations dropped): a report reads these plus its window's tasks
  store_week_facts: [['week', 'text'], ['facts_key', 'text'], ['tasks', 'integer'], ['teams_filled', 'integer'], ['durations_unknown', 'integer'], ['durations_too_long', 'integer']],
  store_quarantine: [['file', 'text'], ['line', 'integer'], ['reason', 'text'], ['raw', 'text'], ['detail', 'text']],
  store_roster: [['user_id', 'text'], ['team', 'text'], ['month', 'text'], ['timezone', 'text'], ['licensed', 'boolean'], ['tasks_total', 'double'], ['ai_tasks_total', 'double']],
  store_labels: [['raw', 'text'], ['canonical', 'text'], ['count', 'integer'], ['via', 'text']],
};

/**
 * Opens the store at a file path (embedded DuckDB, created with its folder) or a postgres:// URL, with
 * its tables. A store of another format or contract version is UptakeError('config') asking for a rebuild,
 * unless `rebuild` (then it is emptied: a DuckDB store's new file is filled beside it, the store left as it was
 * until finishRebuild, see openDuckDBRebuild; a PostgreSQL store's tables are set aside until then, see openPostgres).
 * `mustExist`: a missing file is UptakeError('input'), not a new store.
 * `input`: the folder the store is filled from; a store file that is one of its files, or named like one in it, is
 * UptakeError('usage') (a rebuild sets a damaged store aside: it would have moved an export away).
 * `readOnly` (with mustExist; `uptake store info`): the store is only read: nothing is created or migrated, and
 * a file or a role that may not be written is no error. `orReadOnly` (a run's): a store this user may not write
 * (its file, folder, `.rows` folder or `.wal`; a PostgreSQL role without the right to write its tables) is opened
 * read-only, as `readOnly`, and the engine's `readOnly` says why (a run then answers from it only when nothing
 * would land: see cleanWithStore); where there is no store yet, one it may not make is UptakeError('output').
 * @example const engine = await openStore('output/.uptake/store.duckdb')
 */
export async function openStore(
  location: string,
  options: { rebuild?: boolean; mustExist?: boolean; readOnly?: boolean; orReadOnly?: boolean; input?: string; onProgress?: (message: string) => void } = {},
): Promise<StoreEngine> {
  // (`--store "$STORE"` with STORE unset: DuckDB would take '' for a database in memory, kept nowhere)
  expectValue(location, 'the store', 'be a file path or a postgres:// URL', 'config');
  const scheme = POSTGRES_URL.test(location) ? null : OTHER_SCHEME.exec(location);
  if (scheme) {
    throw new UptakeError('config', `expected the store to be a file path or a postgres:// URL, got a location starting \`${scheme[1]}:\`; a file whose name starts so: write it as ./${scheme[1]}:...`);
  }
  if (options.input !== undefined && !POSTGRES_URL.test(location)) {
    await expectOutputsApart([location, `${location}.wal`].map((path) => ({ path, by: 'the store' })), { folder: options.input });
  }
  if (options.mustExist && !POSTGRES_URL.test(location) && !existsSync(location)) {
    throw new UptakeError('input', `expected a store at ${location}, found none: \`uptake run\` (or \`uptake store rebuild\`) creates it`);
  }
  const opening: StoreAccess = { readOnly: options.readOnly === true ? 'opened to be read only' : null, orReadOnly: options.orReadOnly === true && options.rebuild !== true };
  const progress = options.onProgress ?? (() => {});
  const engine = POSTGRES_URL.test(location) ? await openPostgres(location, opening, options.rebuild === true) : options.rebuild ? await openDuckDBRebuild(location, progress, opening) : await openDuckDB(location, false, progress, opening);
  const readOnly = engine.readOnly !== null;
  try {
    const whole = !options.rebuild && (await hasEveryTable(engine));
    // (a database or DuckDB file without the store's tables holds no store: one to be read is not made there)
    if (options.mustExist && !whole) {
      const found = engine.kind === 'postgres' ? 'none' : "a DuckDB file without the store's tables";
      throw new UptakeError('input', `expected a store at ${engine.location}, found ${found}: \`uptake run\` (or \`uptake store rebuild\`) creates it`);
    }
    if (!whole && engine.kind === 'duckdb') await expectNoOtherDatabase(engine);
    if (!whole && readOnly && opening.readOnly === null) throw notWritableError(engine.location, engine.readOnly, 'a new store (there is none there yet)');
    if (options.rebuild) await emptyStore(engine);
    else if (!readOnly) await createTables(engine, whole);
    let meta = await readMeta(engine);
    const migratable = meta.format !== undefined && MIGRATIONS[meta.format] !== undefined && meta.contract === CONTRACT_VERSION;
    if (migratable && !readOnly) meta = await migrate(engine, meta.format);
    const stale = !(migratable && readOnly) && ((meta.format !== undefined && meta.format !== STORE_FORMAT) || (meta.contract !== undefined && meta.contract !== CONTRACT_VERSION));
    if (stale) {
      // (contract versions are dates: a later one, or a higher format, is a newer uptake's, which a rebuild here would undo)
      const newer = Number(meta.format) > Number(STORE_FORMAT) || (meta.contract !== undefined && meta.contract > CONTRACT_VERSION);
      const rebuild = rebuildCommand(engine.location);
      throw new UptakeError(
        'config',
        `${engine.location}: expected a store of format ${STORE_FORMAT} cleaned under contract ${CONTRACT_VERSION}, got format ${meta.format} and contract ${meta.contract}; ` +
          (newer ? `a newer uptake wrote it: run that uptake, or ${rebuild} to recompute it from every input file for this one` : `run ${rebuild} to recompute it from every input file`),
      );
    }
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/**
 * Empties an open store: its tables dropped and made again in one transaction (a run stopped part-way leaves
 * the store whole or empty, never a ledger without its settings), then its blobs gone (a rebuild's new store,
 * see openStore's `rebuild`).
 * @example await emptyStore(engine)
 */
export async function emptyStore(engine: StoreEngine): Promise<void> {
  await engine.run('BEGIN TRANSACTION');
  try {
    for (const table of Object.keys(STORE_TABLES)) await engine.run(`DROP TABLE IF EXISTS ${table}`);
    await createTables(engine);
    await engine.run('COMMIT');
  } catch (error) {
    await engine.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await engine.blobs.keepOnly(new Set());
}

// `--store output/uptake.duckdb` (the warehouse beside `.uptake/`) or another program's DuckDB file: a file whose
// tables are none of the store's holds another database. The store's tables (raw user ids and prompts among them)
// went into it, and its `.rows` folder beside it: refused before anything is written.
async function expectNoOtherDatabase(engine: StoreEngine): Promise<void> {
  const tables = await engine.tableNames();
  if (tables.length === 0 || tables.some((table) => table in STORE_TABLES)) return;
  throw new UptakeError(
    'output',
    `expected the store ${engine.location} to be a store or a new file, got a DuckDB database with other tables (${someNames([...tables].sort())}); nothing was written to it: name another --store (the default is <output>/.uptake/store.duckdb)`,
  );
}

// Whether the store's every table is there (in the connection's schema): then a store opens without creating
// them again (CREATE TABLE IF NOT EXISTS asks a PostgreSQL role for the right to create, even for tables there).
async function hasEveryTable(engine: StoreEngine): Promise<boolean> {
  const present = new Set(await engine.tableNames());
  return Object.keys(STORE_TABLES).every((table) => present.has(table));
}

// The store's tables (unless `present`: all there already) and the indexes a run's statements use (each made when missing).
async function createTables(engine: StoreEngine, present = false): Promise<void> {
  for (const [table, columns] of present ? [] : Object.entries(STORE_TABLES)) {
    await engine.run(`CREATE TABLE IF NOT EXISTS ${table} (${columns.map(([name, type]) => `${name} ${engine.sqlType(type)}`).join(', ')})`);
  }
  // what a run's statements look up besides the region's pairs: a week's tasks and the region's rows by their
  // start, and the rows of files gone or changed (a state other than kept)
  await engine.index('store_tasks', ['started_at']);
  await engine.index('store_rows', ['started_at']);
  await engine.index('store_rows', ['state'], { column: 'state', value: ROW_STATE.kept });
}

// Brings the store from `format` to STORE_FORMAT, one format's statements after another.
async function migrate(engine: StoreEngine, format: string): Promise<Record<string, string>> {
  for (let from = format; MIGRATIONS[from]; from = String(Number(from) + 1)) {
    for (const statement of MIGRATIONS[from]) await engine.run(statement.replaceAll('{text}', engine.sqlType('text')));
    await engine.run(`UPDATE store_meta SET value = $1 WHERE key = 'format'`, [String(Number(from) + 1)]);
  }
  return readMeta(engine);
}

/**
 * The store's key-value settings (format, contract, config hash, reader and zones fingerprints, clock, tasks).
 * @example (await readMeta(engine)).contract // '2026-12-05'
 */
export async function readMeta(engine: StoreEngine): Promise<Record<string, string>> {
  const rows = await engine.all('SELECT key, value FROM store_meta');
  return Object.fromEntries(rows.map((row) => [String(row.key), String(row.value)]));
}

/**
 * A store_meta value a run wrote as JSON, read back (undefined when the store has none): a value that is not JSON of
 * the shape `expected` checks (changed by hand or another tool) is UptakeError('output') naming the key and asking
 * for a rebuild, never a crash half-way through a run.
 * @example metaJson(engine, meta, 'facts_pending', (value): value is string[] => Array.isArray(value)) // ['2026-W46']
 */
export function metaJson<T>(engine: StoreEngine, meta: Record<string, string>, key: string, expected: (value: unknown) => value is T): T | undefined {
  const text = meta[key];
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (expected(value)) return value;
  throw new UptakeError('output', `${engine.location}: expected store_meta's \`${key}\` to be what a run writes, got ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} (changed outside uptake); run ${rebuildCommand(engine.location)} to recompute the store`);
}

/** How a store is opened: read-only (and why), or when this user may not write it (`orReadOnly`). */
interface StoreAccess {
  readOnly: string | null;
  orReadOnly: boolean;
}

async function openDuckDB(shown: string, rebuild: boolean, progress: (message: string) => void, opening: StoreAccess): Promise<StoreEngine> {
  // (the native module alone first: a missing binding is an environment error, not a crash)
  await loadDuckDB();
  const { openDuckDBEngine, diskRefused } = await import('./duckdb-engine.js');
  // a store reached through a symbolic link is the file at its end: its log, blobs and temp folder sit beside that
  // file whichever name a run gives (messages keep the name given)
  const path = await followLinks(shown);
  await expectFileKinds(
    [
      { path, expected: 'the store, a DuckDB file' },
      { path: `${path}.wal`, expected: "the store's write-ahead log, a regular file" },
      { path: `${path}.rows`, expected: "the store's folder of parsed rows and facts", folder: true },
    ],
    'output',
  );
  const notWritable = opening.readOnly === null ? await whyNotWritable(path) : null;
  // (where there is no store yet, there is none DuckDB could open read-only; a rebuild writes every table)
  if (notWritable !== null && (!opening.orReadOnly || !existsSync(path))) {
    throw notWritableError(shown, notWritable, !existsSync(path) ? 'a new store (there is none there yet)' : rebuild ? 'every input file, cleaned anew' : 'what this run cleans');
  }
  const readOnlyBecause = opening.readOnly ?? notWritable;
  const readOnly = readOnlyBecause !== null;
  const failure = (error: unknown, hint: string) => {
    const message = (error as Error).message.split('\n')[0];
    // DuckDB lets one process at a time write a file: another run (or `uptake store`) holds it
    if (/Could not set lock/i.test(message)) return new UptakeError('busy', `expected the store ${shown} to be free, but another uptake process has it open; try again when it ends`, { cause: error });
    return new UptakeError('output', `expected to open the store ${shown} (a DuckDB file), got: ${message}${hint}`, { cause: error });
  };
  try {
    // (a store only read is never made: its folder neither)
    if (!readOnly) await makeFolder(dirname(path));
  } catch (error) {
    throw failure(error, '');
  }
  try {
    const engine = await openDuckDBEngine(path, shown, { readOnly: readOnlyBecause });
    // (the store's lock is this process's: a rebuild's new file beside it is one a killed rebuild left)
    if (!readOnly) await removeRebuilding(path).catch(() => undefined);
    return engine;
  } catch (error) {
    const plain = failure(error, '');
    // a lock, a full or read-only disk or a permission says nothing of the file: it stays where it is
    const message = (error as Error).message;
    if (plain.kind === 'busy' || !existsSync(path) || diskRefused(message) || /Permission denied/i.test(message)) throw plain;
    if (!rebuild) {
      throw failure(error, `; if the file is damaged, ${rebuildCommand(shown)} keeps it aside and cleans every input file into a new store`);
    }
    // a rebuild recomputes everything the store held: the file that cannot be opened is kept aside, not lost
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(path, aside);
      if (existsSync(`${path}.wal`)) await rename(`${path}.wal`, `${aside}.wal`);
    } catch (cause) {
      throw outputError(path, cause);
    }
    progress(`store rebuild: ${shown} could not be opened (${message.split('\n')[0]}); kept it as ${aside}, and a new store takes its place`);
    try {
      return await openDuckDBEngine(path, shown);
    } catch (again) {
      throw failure(again, '');
    }
  }
}

// A rebuild of a DuckDB store fills a new file beside it (`<store>.rebuilding`, with its blobs in the store's
// `.rows` folder, where none is dropped meanwhile) while the store stays open (no other process takes it, and a
// file it cannot open is set aside as openDuckDB does); finishRebuild closes the new file, renames it over the
// store, one step, then opens it; the blobs it does not name go with keepOnly. A rebuild that stops
// before that (an input file it cannot read, a bad roster, a signal, a kill) leaves the store as it was, and its
// blobs; the new file goes at close, or with the next rebuild.
async function openDuckDBRebuild(shown: string, progress: (message: string) => void, opening: StoreAccess): Promise<StoreEngine> {
  const { openDuckDBEngine } = await import('./duckdb-engine.js');
  const old = await openDuckDB(shown, true, progress, opening);
  const path = await followLinks(shown);
  const fresh = rebuildingFile(path);
  let current: StoreEngine;
  try {
    await expectNoOtherDatabase(old);
    // (a log a killed run left, written into the store's file now: no `.wal` beside it to be read with the new file)
    await old.run('CHECKPOINT');
    current = await openDuckDBEngine(fresh, shown, { blobs: { folder: `${path}.rows`, keepAll: true } });
  } catch (error) {
    await old.close();
    throw error;
  }
  // (which of the two files are open; finished: the new file is the store, open as current)
  let freshOpen = true;
  let oldOpen = true;
  let finished = false;
  return {
    get kind() {
      return current.kind;
    },
    get location() {
      return current.location;
    },
    get readOnly() {
      return current.readOnly;
    },
    get blobs() {
      return current.blobs;
    },
    sqlType: (type) => current.sqlType(type),
    tableNames: () => current.tableNames(),
    run: (sql, params) => current.run(sql, params),
    all: (sql, params) => current.all(sql, params),
    columns: (sql, params) => current.columns(sql, params),
    append: (table, types, columns) => current.append(table, types, columns),
    checkpointSoon: () => current.checkpointSoon(),
    releaseCache: () => current.releaseCache(),
    index: (table, columns, except) => current.index(table, columns, except),
    sizeBytes: () => current.sizeBytes(),
    async finishRebuild() {
      // the new file closed (its log written into it: no `.wal`), then renamed over the store while the store is
      // still open, so that no other process opens the file being replaced; the store, which wrote nothing since
      // its checkpoint, closed after it
      freshOpen = false;
      await current.close();
      try {
        await rename(fresh, path);
      } catch (cause) {
        throw outputError(path, cause);
      }
      oldOpen = false;
      await old.close().catch(() => undefined);
      current = await openDuckDBEngine(path, shown);
      finished = true;
    },
    async close() {
      if (finished) return current.close();
      try {
        if (freshOpen) {
          freshOpen = false;
          await current.close();
        }
      } finally {
        if (oldOpen) {
          oldOpen = false;
          await old.close().catch(() => undefined);
        }
        await removeRebuilding(path);
      }
    },
  };
}

// The new file of a rebuild of the store at `path` (see openDuckDBRebuild), with the log and temp folder DuckDB
// keeps beside it.
async function removeRebuilding(path: string): Promise<void> {
  const fresh = rebuildingFile(path);
  for (const file of [fresh, `${fresh}.wal`, `${fresh}.tmp`]) await rm(file, { recursive: true, force: true });
}

const rebuildingFile = (path: string) => `${path}.rebuilding`;

// A rebuild of a PostgreSQL store sets the store's tables aside (renamed, in one transaction) and fills new ones;
// finishRebuild drops those set aside; a rebuild that stops before puts them back (see postgres-engine.ts's ASIDE).
async function openPostgres(url: string, opening: StoreAccess, rebuild: boolean): Promise<StoreEngine> {
  const { openPostgresEngine } = await import('./postgres-engine.js');
  const tables = Object.keys(STORE_TABLES);
  return openPostgresEngine(url, { ...opening, storeTables: tables, ...(rebuild && { rebuild: { tables } }) });
}

// Why this user may not write a DuckDB store at `path` (its file, or the folder DuckDB writes its log and temp files
// in, or its blobs' folder, log or temp folder where they are; where there is no store yet, the nearest folder that
// exists, in which it would be made), or null. access() tells a read-only file system too, to root as well (who
// may write whatever the permission bits say).
async function whyNotWritable(path: string): Promise<string | null> {
  const folder = dirname(path);
  const nearest = existsSync(path) ? folder : await nearestFolder(folder);
  const entries: Array<[string, string]> = [
    [path, `its file ${path}`],
    [nearest, nearest === folder ? `its folder ${folder}` : `the folder ${nearest}, where it would be made,`],
    [`${path}.rows`, `its folder of parsed rows and facts ${path}.rows`],
    [`${path}.wal`, `its write-ahead log ${path}.wal`],
    [`${path}.tmp`, `its temp folder ${path}.tmp`],
  ];
  for (const [entry, what] of entries) {
    try {
      await access(entry, constants.W_OK);
    } catch (error) {
      // (a path that cannot be a store at all, e.g. below a file, fails as DuckDB opens it, with its own reason)
      if (isSystemError(error) && REFUSED_WRITES.has(error.code)) return `${what} is not writable: ${systemErrorText(error)}`;
    }
  }
  return null;
}

/** The errnos of access() that say this user may not write a path that is there: permissions, a read-only file system. */
const REFUSED_WRITES = new Set(['EACCES', 'EPERM', 'EROFS']);

// The folder itself, or its nearest ancestor that exists.
async function nearestFolder(folder: string): Promise<string> {
  for (let at = folder; ; at = dirname(at)) if (existsSync(at) || dirname(at) === at) return at;
}
