import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { connectTestPostgres, dropSchemaAndClose, TEST_POSTGRES_RW_URL, TEST_POSTGRES_URL } from '../helpers/test-postgres.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { openStore } from '../../src/store/open-store.js';
import { redactUrl } from '../../src/util/redact-url.js';
import { storeInfo } from '../../src/store/store-info.js';
import { checkStore } from '../../src/store/check-store.js';
import { parseConfig } from '../../src/config/read-config.js';
import { cleanInput } from '../../src/clean/clean-input.js';
import { cleanThroughStore } from '../../src/store/clean-through-store.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { finishRebuild, rebuildStore } from '../../src/store/rebuild-store.js';
import { config, landInBatches, NOW, outcome, rebuildStoppedByACutFile, tempDir, weekOf } from './land-in-batches.js';
import { CROSS_FILE_LANDINGS, LABEL_CHANGE_LANDINGS, landInSteps } from './land-in-steps.js';

const url = TEST_POSTGRES_URL;
const schema = `uptake_store_test_${randomBytes(5).toString('hex')}`;
/** The store's tables go to a schema of their own, named in the URL as a user would. */
const storeUrl = (inSchema = schema, as = url) => {
  const parsed = new URL(as);
  parsed.searchParams.set('options', `-csearch_path=${inSchema}`);
  return parsed.toString();
};
const scenarioSchemas: string[] = [];
/** A store of its own (a new schema) for one scenario. */
async function scenarioStore(): Promise<string> {
  const name = `${schema}_${scenarioSchemas.length}`;
  scenarioSchemas.push(name);
  await client.query(`CREATE SCHEMA "${name}"`);
  return storeUrl(name);
}
let client: pg.Client;

beforeAll(async () => {
  client = await connectTestPostgres();
  await client.query(`CREATE SCHEMA "${schema}"`);
});

afterAll(async () => {
  for (const name of scenarioSchemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await dropSchemaAndClose(client, schema);
});

/** The server's sessions running a statement that holds `marker`. */
type RunningSessions = () => Promise<Array<{ pid: number }>>;

// A child process that opens the store at `url` (with openStore's `opening`) and runs a statement of two minutes:
// once that has started, `beforeKill`, then the child killed (kill -9), then `afterKill`; its session ends either way.
async function killedDuringStatement(url: string, opening: { rebuild?: boolean }, steps: { beforeKill?: () => Promise<unknown>; afterKill: (running: RunningSessions) => Promise<void> }): Promise<void> {
  const marker = `uptake killed ${randomBytes(4).toString('hex')}`;
  const script = `const { openStore } = await import(${JSON.stringify(new URL('../../dist/store/open-store.js', import.meta.url).href)});
    const engine = await openStore(process.env.STORE_URL, ${JSON.stringify(opening)}); await engine.run("SELECT pg_sleep(120) /* ${marker} */");`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, STORE_URL: url }, stdio: 'ignore' });
  const running: RunningSessions = async () => (await client.query('SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()', [`%${marker}%`])).rows;
  try {
    for (let waited = 0; (await running()).length === 0; waited += 100) {
      if (waited > 20_000) throw new Error('the child never ran its statement');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await steps.beforeKill?.();
    child.kill('SIGKILL');
    await steps.afterKill(running);
  } finally {
    child.kill('SIGKILL');
    for (const { pid } of await running()) await client.query('SELECT pg_terminate_backend($1)', [pid]);
  }
}

describe('PostgreSQL as the store', () => {
  it('weeks landing one at a time give the from-scratch tables, and the tables are in the URL\'s schema', async () => {
    const { files } = generateDataset({ seed: 5, users: 30, weeks: 4, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    expect(await landInBatches(files, weeks, 1, [], storeUrl())).toEqual(weeks.map((_, index) => ({ read: 2, skipped: 2 * index })));
    const tables = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    expect(tables.rows.map((row) => row.table_name)).toEqual(['store_blobs', 'store_file_labels', 'store_file_rows', 'store_files', 'store_labels', 'store_meta', 'store_quarantine', 'store_roster', 'store_rows', 'store_tasks', 'store_week_facts']);
    const engine = await openStore(storeUrl());
    try {
      const info = await storeInfo(engine, parseConfig({}));
      expect(info.files.ai_logs.files).toBe(4);
      expect(info.sameCleaningConfig).toBe(true);
      expect(info.tasks).toBeGreaterThan(1000);
      expect(info.weeks?.count).toBe(4);
      expect(info.store).not.toContain('uptake:uptake@');
      // `uptake store check` over PostgreSQL: the tables add up, until a task is deleted by hand
      const check = await checkStore(engine, parseConfig({}));
      expect([check.problems, check.repairable]).toEqual([[], []]);
      expect(check.checked).toContain("the ledger's rows of 8 log files against store_rows: equal");
      expect(check.checked).toContain("each week's task count (store_week_facts) against store_tasks, 4 weeks: equal");
      const [{ week, tasks }] = await engine.all('SELECT week, tasks FROM store_week_facts ORDER BY week LIMIT 1');
      await engine.run(`DELETE FROM store_tasks WHERE ctid IN (SELECT ctid FROM store_tasks ORDER BY started_at LIMIT 1)`);
      expect((await checkStore(engine, parseConfig({}), { blobs: false })).problems).toContainEqual(`${String(week)}: its facts were computed from ${Number(tasks).toLocaleString('en-US')} tasks, store_tasks holds ${(Number(tasks) - 1).toLocaleString('en-US')}`);
    } finally {
      await engine.close();
    }
  });

  it('the region of the cross-row rules is found as in DuckDB: stitches, retries and ids across files, a file sorting first', async () => {
    expect(await landInSteps(await scenarioStore(), ...CROSS_FILE_LANDINGS)).toEqual([
      'cleaned all 5 rows (no stored rows to keep)',
      're-cleaned 5 rows in 2 user and task-type pairs; 3 stored rows kept',
      're-cleaned 6 rows in 3 user and task-type pairs; 4 stored rows kept',
    ]);
  });

  it('a label whose canonical form changes, and back, cleans its pairs again from the beginning', async () => {
    expect(await landInSteps(await scenarioStore(), ...LABEL_CHANGE_LANDINGS)).toHaveLength(3);
  });

  it('statements asked for without waiting run in the order asked: an append of many rows, a COMMIT not awaited, then a read', async () => {
    const store = await openStore(await scenarioStore());
    try {
      await store.run('CREATE TABLE o (s TEXT, i BIGINT)');
      await store.run('BEGIN');
      const rows = 25_000;
      const appended = store.append('o', ['text', 'integer'], [Array.from({ length: rows }, (_, row) => `r${row}`), Array.from({ length: rows }, (_, row) => row)]);
      const committed = store.run('COMMIT');
      const read = store.all('SELECT count(*) AS n, max(i) AS last FROM o');
      await appended;
      await committed;
      expect(await read).toEqual([{ n: rows, last: rows - 1 }]);
    } finally {
      await store.close();
    }
  });

  it('an append gives back every value as it went in: texts with tabs, line breaks, backslashes and \\N, doubles to the last bit, NaN and the infinities, bytes, nulls of each type', async () => {
    const store = await openStore(await scenarioStore());
    try {
      await store.run('CREATE TABLE v (n BIGINT, s TEXT, i BIGINT, d DOUBLE PRECISION, b BOOLEAN, x BYTEA)');
      const texts = ['plain', '', 'tab\there', 'line\nfeed', 'carriage\rreturn', 'back\\slash', '\\N', '\\\\x00', 'e\u0301 \u05e9\u05dc\u05d5\u05dd \u{1f600} \u200b', '"quoted", comma', null];
      const doubles = [0.1 + 0.2, 5e-324, 1.7976931348623157e308, -1.5, 1 / 3, Number.NaN, Infinity, -Infinity, 1794702281000, 0, null];
      const integers = [0, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 1794702281000, 42, 7, 8, 9, 10, null];
      const booleans = [true, false, true, false, true, false, true, false, true, false, null];
      const bytes = [new Uint8Array([0, 92, 255, 9, 10]), new Uint8Array([]), ...Array.from({ length: 8 }, (_, index) => new Uint8Array([index])), null];
      const keys = texts.map((_, index) => index);
      await store.append('v', ['integer', 'text', 'integer', 'double', 'boolean', 'bytes'], [keys, texts, integers, doubles, booleans, bytes]);
      const back = await store.columns('SELECT s, i, d, b, x FROM v ORDER BY n');
      expect(back.s).toEqual(texts);
      expect(back.i).toEqual(integers);
      // (Object.is: NaN equals NaN, and every double bit for bit)
      expect(back.d.map((value, index) => Object.is(value, doubles[index]))).toEqual(doubles.map(() => true));
      expect(back.b).toEqual(booleans);
      expect(back.x.map((value) => (value === null ? null : [...(value as Uint8Array)]))).toEqual(bytes.map((value) => (value === null ? null : [...value])));
      // a value PostgreSQL cannot hold (a text with NUL) fails the append with its reason; the connection goes on
      await store.run('BEGIN');
      await expect(store.append('v', ['integer', 'text', 'integer', 'double', 'boolean', 'bytes'], [[99], ['nul\u0000here'], [1], [1], [true], [null]])).rejects.toThrow(/0x00/);
      await store.run('ROLLBACK');
      expect(await store.all('SELECT count(*) AS n FROM v')).toEqual([{ n: texts.length }]);
    } finally {
      await store.close();
    }
  });

  it('a role that reads and writes the store\'s tables but owns none opens it: the indexes it may not create are gone without', async () => {
    const store = await scenarioStore();
    const name = new URL(store).searchParams.get('options')!.replace('-csearch_path=', '');
    await (await openStore(store)).close();
    await client.query(`DROP INDEX "${name}".store_rows_state_not_state_0`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA "${name}" TO uptake_rw; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${name}" TO uptake_rw`);
    // (PostgreSQL asks a CREATE INDEX, even IF NOT EXISTS, to come from the table's owner: this open failed)
    const engine = await openStore(storeUrl(name, TEST_POSTGRES_RW_URL));
    try {
      expect(await engine.all('SELECT count(*) AS n FROM store_tasks')).toEqual([{ n: 0 }]);
      const indexes = await engine.all('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [name]);
      expect(indexes.map((row) => row.indexname)).toEqual(['store_blobs_pkey', 'store_rows_started_at', 'store_tasks_started_at']);
    } finally {
      await engine.close();
    }
    // and its runs land weeks as the owner's do
    const { files } = generateDataset({ seed: 5, users: 12, weeks: 2, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    expect(await landInBatches(files, weeks, 1, [], storeUrl(name, TEST_POSTGRES_RW_URL))).toEqual([{ read: 2, skipped: 0 }, { read: 2, skipped: 2 }]);
  });

  it('store info reads a store with a role that may only read it, and where the schema holds no store it says so (exit 3) and makes none', async () => {
    const store = await scenarioStore();
    const name = new URL(store).searchParams.get('options')!.replace('-csearch_path=', '');
    await expect(openStore(store, { mustExist: true, readOnly: true })).rejects.toMatchObject({ kind: 'input', message: expect.stringContaining('found none: `uptake run`') });
    expect((await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [name])).rows).toEqual([]);
    const { files } = generateDataset({ seed: 5, users: 12, weeks: 2, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    await landInBatches(files, weeks, 1, [], store);
    await client.query(`GRANT USAGE ON SCHEMA "${name}" TO uptake_rw; GRANT SELECT ON ALL TABLES IN SCHEMA "${name}" TO uptake_rw`);
    // (it asked for the right to create the blobs' table, there already, and failed)
    const engine = await openStore(storeUrl(name, TEST_POSTGRES_RW_URL), { mustExist: true, readOnly: true });
    try {
      const info = await storeInfo(engine, parseConfig({}));
      expect([info.weeks?.count, info.files.ai_logs.files, info.sameCleaningConfig]).toEqual([2, 2, true]);
    } finally {
      await engine.close();
    }
  });

  it('a role that may only read the store answers a run from it when every input file is as it last saw them; new input stops the run (exit 12) naming the tables it may not write, and nothing is written', async () => {
    const store = await scenarioStore();
    const name = new URL(store).searchParams.get('options')!.replace('-csearch_path=', '');
    const input = tempDir('uptake-store-input-');
    const { files } = generateDataset({ seed: 5, users: 12, weeks: 2, endWeek: '2026-W47' });
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const owner = await cleanThroughStore(store, input, config, { now: NOW }, { week: '2026-W47' });
    await client.query(`GRANT USAGE ON SCHEMA "${name}" TO uptake_rw; GRANT SELECT ON ALL TABLES IN SCHEMA "${name}" TO uptake_rw`);
    const meta = async () => (await client.query(`SELECT key, value FROM "${name}".store_meta ORDER BY key`)).rows;
    const before = { meta: await meta(), blobs: (await client.query(`SELECT count(*)::int AS n FROM "${name}".store_blobs`)).rows };
    const reader = storeUrl(name, TEST_POSTGRES_RW_URL);
    const lines: string[] = [];
    const read = await cleanThroughStore(reader, input, config, { now: NOW + 60_000, onProgress: (line) => lines.push(line) }, { week: '2026-W47' });
    expect(JSON.stringify(read.report!.metrics)).toBe(JSON.stringify(owner.report!.metrics));
    expect(read.summary).toEqual({ read: 0, skipped: 4, removed: 0 });
    const tables = 'store_blobs, store_file_labels, store_file_rows, store_files, store_labels, store_meta, store_quarantine, store_roster, store_rows, store_tasks, store_week_facts';
    const why = `its role may not insert into, update or delete from the tables ${tables}`;
    expect(lines[0]).toBe(`store ${redactUrl(reader)}: read-only (${why}); every input file is as the store last saw it: answering from what it holds, keeping nothing`);
    // every task, as validate and ask load them
    expect(outcome((await cleanThroughStore(reader, input, config, { now: NOW + 60_000 })).data)).toBe(outcome(await cleanInput(input, config, { now: NOW + 60_000 })));
    writeFileSync(join(input, 'ai_logs_extra.csv'), files.find((file) => file.name.startsWith('ai_logs'))!.content);
    await expect(cleanThroughStore(reader, input, config, { now: NOW + 60_000 }, { week: '2026-W47' })).rejects.toMatchObject({
      kind: 'output',
      message:
        `expected to write the store ${redactUrl(reader)}, but uptake may not write it (${why}), and the changes from 1 file new in the input since the store last saw it (ai_logs_extra.csv) would have to be written into it; ` +
        "nothing was written: grant the role INSERT, UPDATE and DELETE on the store's tables, or leave out --store (`uptake run`: --no-store) to clean every input file without it",
    });
    expect({ meta: await meta(), blobs: (await client.query(`SELECT count(*)::int AS n FROM "${name}".store_blobs`)).rows }).toEqual(before);
  });

  it('a schema whose name has capitals (quoted in the search_path) holds a store that runs land on and store info reads', async () => {
    const name = `${schema}_MiXed`;
    scenarioSchemas.push(name);
    await client.query(`CREATE SCHEMA "${name}"`);
    const store = storeUrl(`"${name}"`);
    const { files } = generateDataset({ seed: 5, users: 12, weeks: 2, endWeek: '2026-W47' });
    const weeks = [...new Set(files.map(weekOf).filter((week) => week !== 'roster'))].sort();
    expect(await landInBatches(files, weeks, 1, [], store)).toEqual([{ read: 2, skipped: 0 }, { read: 2, skipped: 2 }]);
    const tables = await client.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [name]);
    expect(tables.rows).toEqual([{ n: 11 }]);
    // (its tables were looked up by the name folded to lower case: no store there, or an error)
    const engine = await openStore(store, { mustExist: true, readOnly: true });
    try {
      expect((await storeInfo(engine, null)).weeks?.count).toBe(2);
    } finally {
      await engine.close();
    }
  });

  it('a URL whose search_path names a schema not made yet says to create it (uptake makes tables, not schemas)', async () => {
    for (const readOnly of [false, true]) {
      await expect(openStore(storeUrl(`${schema}_never_made`), { mustExist: readOnly, readOnly })).rejects.toMatchObject({
      kind: 'warehouse',
        message: expect.stringContaining("expected the schema the URL's search_path names to exist, found none; create it first (CREATE SCHEMA name)"),
      });
    }
  });

  it('the tables the statements look rows up in are indexed by them: the region\'s pairs (the newest week\'s tasks, without statistics, were checked against every pair: 7 s a week), starts, replaced rows', async () => {
    const store = await openStore(await scenarioStore());
    const definitions = async (table: string) =>
      (await store.all('SELECT indexdef FROM pg_indexes WHERE tablename = $1 AND schemaname IN (current_schema(), pg_my_temp_schema()::regnamespace::text) ORDER BY indexname', [table])).map((row) => String(row.indexdef).replace(/^.* USING /, ''));
    try {
      expect(await definitions('store_tasks')).toEqual(['btree (started_at)']);
      expect(await definitions('store_rows')).toEqual(['btree (started_at)', 'btree (state) WHERE (state <> 0)']);
      await store.run('CREATE TEMP TABLE run_region (source TEXT, user_id TEXT, task_type TEXT, t DOUBLE PRECISION)');
      await store.index('run_region', ['user_id', 'task_type', 'source']);
      // (once: a store opened again keeps its indexes)
      await store.index('run_region', ['user_id', 'task_type', 'source']);
      expect(await definitions('run_region')).toEqual(['btree (user_id, task_type, source)']);
      await expect(store.index('run_region; DROP TABLE store_rows', ['user_id'])).rejects.toThrow(RangeError);
      await expect(store.index('run_region', ['user_id)'])).rejects.toThrow(RangeError);
      await expect(store.index('store_rows', ['state'], { column: 'state) OR (1', value: 0 })).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('a store another uptake process has open is exit 10 (busy), as a DuckDB file is; another schema is another store', async () => {
    const url = await scenarioStore();
    const first = await openStore(url);
    try {
      // two runs at once each wrote the same new week's rows and tasks: the store held every task twice
      const error = await openStore(url).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'busy', exitCode: 10 });
      expect(String((error as Error).message)).toBe(`expected the store ${redactUrl(url)} to be free, but another uptake process has it open; try again when it ends`);
      const other = await openStore(await scenarioStore());
      await other.close();
    } finally {
      await first.close();
    }
    const again = await openStore(url);
    await again.close();
  });

  it('a connection lost during a run (the server ends the session) is exit 8 naming the store, not a crash of the process', async () => {
    const url = await scenarioStore();
    const engine = await openStore(url);
    try {
      await engine.run('BEGIN');
      const [{ pid }] = await engine.all('SELECT pg_backend_pid() AS pid');
      await client.query('SELECT pg_terminate_backend($1)', [pid]);
      // the session ends while the engine waits between statements: the client's 'error' event, which had no listener
      await new Promise((resolve) => setTimeout(resolve, 500));
      const error = await engine.all('SELECT 1').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'warehouse', exitCode: 8 });
      expect(String((error as Error).message)).toContain(`store ${redactUrl(url)}: expected the connection to PostgreSQL to last the run, got: `);
      expect(String((error as Error).message)).toContain('the store keeps what the last run to commit wrote: run again once the server is reachable');
    } finally {
      await engine.close();
    }
  });

  it('a rebuild that fails, or is killed, before it finishes leaves the store as it was, its indexes and blobs too; one that finishes takes its place', async () => {
    const url = await scenarioStore();
    const inSchema = new URL(url).searchParams.get('options')!.replace('-csearch_path=', '');
    const { files } = generateDataset({ seed: 8, users: 20, weeks: 3, endWeek: '2026-W47' });
    const input = tempDir('uptake-pg-rebuild-input-');
    for (const file of files) writeFileSync(join(input, file.name), file.content);
    const logFiles = files.filter((file) => !file.name.startsWith('user_monthly_summary')).length;
    const filled = await openStore(url);
    await cleanWithStore(filled, input, config, { now: NOW });
    await filled.close();
    const relations = async () =>
      (await client.query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'i') ORDER BY c.relname", [inSchema])).rows.map((row) => row.relname as string);
    const blobs = async () => Number((await client.query(`SELECT count(*) AS n FROM "${inSchema}".store_blobs`)).rows[0].n);
    const before = { relations: await relations(), blobs: await blobs() };
    expect(before.relations).toContain('store_tasks_started_at');
    const kept = async () => {
      const engine = await openStore(url);
      try {
        return { files: Number((await engine.all('SELECT count(*) AS files FROM store_files'))[0].files), run: (await cleanWithStore(engine, input, config, { now: NOW })).summary };
      } finally {
        await engine.close();
      }
    };
    // a gzipped log cut short: the rebuild stops with exit 3 in its last batch, and the store is as it was
    await rebuildStoppedByACutFile(url, files, input);
    expect(await relations()).toEqual(before.relations);
    expect(await kept()).toEqual({ files: files.length, run: { read: 0, skipped: logFiles, removed: 0 } });
    expect(await blobs()).toBeGreaterThanOrEqual(before.blobs);
    // a rebuild killed (kill -9) once it has emptied the store: the next command to open it puts the store back
    await killedDuringStatement(url, { rebuild: true }, {
      // (the rebuild had emptied the store: its tables are new and empty)
      beforeKill: async () => expect(Number((await client.query(`SELECT count(*) AS n FROM "${inSchema}".store_files`)).rows[0].n)).toBe(0),
      afterKill: async (running) => {
        for (const started = Date.now(); (await running()).length > 0 && Date.now() - started < 10_000; ) await new Promise((resolve) => setTimeout(resolve, 250));
      },
    });
    // (a command that only reads the store says so, and changes nothing)
    const onlyRead = await openStore(url, { readOnly: true, mustExist: true }).catch((error: unknown) => error);
    expect(onlyRead).toMatchObject({ kind: 'output', exitCode: 12 });
    expect((onlyRead as Error).message).toContain('found one whose rebuild stopped before it finished');
    expect(await kept()).toEqual({ files: files.length, run: { read: 0, skipped: logFiles, removed: 0 } });
    expect(await relations()).toEqual(before.relations);
    // one that finishes, without a file, takes the store's place: no table set aside is left, the indexes are the store's
    const gone = files.find((file) => file.name.startsWith('manual_logs_'))!;
    rmSync(join(input, gone.name));
    const finished = await openStore(url, { rebuild: true });
    try {
      await rebuildStore(finished, input, config, { now: NOW });
      await finishRebuild(finished);
    } finally {
      await finished.close();
    }
    expect(await relations()).toEqual(before.relations);
    expect(await blobs()).toBe(before.blobs - 1);
    expect(await kept()).toEqual({ files: files.length - 1, run: { read: 0, skipped: logFiles - 1, removed: 0 } });
  }, 60_000);

  it('a run killed (kill -9) during a long statement frees the store within seconds, not when the statement ends', async () => {
    const url = await scenarioStore();
    await killedDuringStatement(url, {}, {
      afterKill: async () => {
        const started = Date.now();
        let opened: Awaited<ReturnType<typeof openStore>> | undefined;
        while (!opened && Date.now() - started < 10_000) {
          opened = await openStore(url).catch(() => undefined);
          if (!opened) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(opened).toBeDefined();
        await opened!.close();
      },
    });
  }, 60_000);

  it('an unreachable server is exit 8 without the password', async () => {
    const error = await openStore('postgres://someone:secret-password@127.0.0.1:1/none').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'warehouse' });
    expect(String((error as Error).message)).not.toContain('secret-password');
  });

  it('a URL without the password the server asks for is exit 8 saying so, and a store to rebuild asks for the URL with its password', async () => {
    const parsed = new URL(await scenarioStore());
    const password = parsed.password;
    parsed.password = '';
    const saved = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      const error = await openStore(parsed.toString()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'warehouse', exitCode: 8 });
      expect((error as Error).message).toContain(': expected to connect to PostgreSQL, got: the server asked for a password, and none was given (in the URL, PGPASSWORD or ~/.pgpass)');
    } finally {
      if (saved !== undefined) process.env.PGPASSWORD = saved;
    }
    // a store of another contract: the rebuild it asks for names the URL without its password, and says it needs it
    parsed.password = password;
    const store = await openStore(parsed.toString());
    await store.run("DELETE FROM store_meta WHERE key = 'contract'");
    await store.run("INSERT INTO store_meta (key, value) VALUES ('contract', '2000-01-01')");
    await store.close();
    const stale = await openStore(parsed.toString()).catch((caught: unknown) => caught);
    expect((stale as Error).message).toContain(`run \`uptake store rebuild --store ${redactUrl(parsed.toString())}\` (with the store's URL with its password, and this run's --input and --config)`);
    expect((stale as Error).message).not.toContain(`:${password}@`);
  });
});
