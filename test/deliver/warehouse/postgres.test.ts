import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectTestPostgres, dropSchemaAndClose, TEST_POSTGRES_URL } from '../../helpers/test-postgres.js';
import { table } from 'arquero';
import { loadWarehouse, preloadWarehouseDrivers, warehouseTargets } from '../../../src/deliver/warehouse/load-warehouse.js';
import { redactUrl } from '../../../src/deliver/warehouse/postgres.js';
import { TASK_COLUMNS } from '../../../src/deliver/warehouse/tables.js';
import { WarehouseSchema } from '../../../src/config/schema.js';
import { UptakeError } from '../../../src/errors.js';
import { metricsFixture, taskTypeAlerts } from '../metrics-fixture.js';
import { INJECTION, MONDAY_UTC, SUNDAY_NIGHT_UTC, tasksFixture } from './tasks-fixture.js';

const url = TEST_POSTGRES_URL;
const schema = `uptake_test_${randomBytes(5).toString('hex')}`;
let client: pg.Client;

beforeAll(async () => {
  client = await connectTestPostgres();
});

afterAll(() => dropSchemaAndClose(client, schema));

async function count(table: string): Promise<number> {
  const result = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`);
  return result.rows[0].n as number;
}

function berlinDoc(week = '2026-W47') {
  const doc = metricsFixture(week);
  doc.timezone = 'Europe/Berlin';
  return doc;
}

describe('loadWarehouse into PostgreSQL', () => {
  const target = () => ({ kind: 'postgres' as const, url, schema });

  it('creates the tables with the shared types and re-loading the same week is idempotent', async () => {
    await loadWarehouse(target(), { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    const before = { tasks: await count('uptake_tasks'), team: await count('metric_adoption_by_team'), alerts: await count('metric_alerts') };
    expect(before).toEqual({ tasks: 3, team: 3, alerts: 2 });
    const second = await loadWarehouse(target(), { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-2' });
    expect({ tasks: await count('uptake_tasks'), team: await count('metric_adoption_by_team'), alerts: await count('metric_alerts') }).toEqual(before);
    expect(second.tables.find((table) => table.name === 'uptake_tasks')).toEqual({ name: 'uptake_tasks', deleted: 3, inserted: 3 });
    expect(second.location).toBe(`${new URL(url).host}${new URL(url).pathname} schema ${schema}`);

    const columns = await client.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'uptake_tasks' ORDER BY ordinal_position`,
      [schema],
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(TASK_COLUMNS.map((column) => column.name));
    expect(Object.fromEntries(columns.rows.map((row) => [row.column_name, row.data_type]))).toMatchObject({
      started_at: 'timestamp with time zone',
      duration_ms: 'double precision',
      harmful: 'boolean',
      fragments: 'bigint',
      extra: 'jsonb',
    });
  });

  it('reads back the same values as DuckDB does', async () => {
    await loadWarehouse(target(), { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-3' });
    const tasks = await client.query(
      `SELECT task_id, week, started_at, duration_ms, team, prompt, harmful, fragments::int AS fragments, extra FROM "${schema}".uptake_tasks ORDER BY task_id`,
    );
    expect(tasks.rows).toEqual([
      { task_id: 'm1', week: '2026-W47', started_at: new Date(MONDAY_UTC + 3_600_000), duration_ms: null, team: null, prompt: null, harmful: null, fragments: 1, extra: { client: 'web' } },
      { task_id: 't1', week: '2026-W47', started_at: new Date(MONDAY_UTC), duration_ms: 90000, team: 'Finance', prompt: INJECTION, harmful: false, fragments: 2, extra: { client: 'desktop' } },
      { task_id: 't2', week: '2026-W48', started_at: new Date(SUNDAY_NIGHT_UTC), duration_ms: 1500.5, team: 'R&D "Labs"', prompt: 'plain', harmful: true, fragments: 1, extra: null },
    ]);
    const team = await client.query(`SELECT team, ai_tasks::int AS ai_tasks, adoption_rate, delta_pts FROM "${schema}".metric_adoption_by_team ORDER BY team`);
    expect(team.rows).toEqual([
      { team: '*', ai_tasks: 41, adoption_rate: 0.41, delta_pts: 3.25 },
      { team: 'Finance', ai_tasks: 30, adoption_rate: 0.6, delta_pts: null },
      { team: 'R&D <Labs>', ai_tasks: 11, adoption_rate: 0.22, delta_pts: -14.2 },
    ]);
    const gaps = await client.query(`SELECT date::text AS date FROM "${schema}".metric_gaps`);
    expect(gaps.rows).toEqual([{ date: '2026-11-18' }]);
  });

  it('keeps other report weeks', async () => {
    const laterTasks = tasksFixture().filter((row: { task_id: string }) => row.task_id === 't2');
    await loadWarehouse(target(), { week: '2026-W48', tasks: laterTasks, metrics: berlinDoc('2026-W48'), runId: 'run-4' });
    const weeks = await client.query(`SELECT report_week, count(*)::int AS n FROM "${schema}".metric_harm GROUP BY report_week ORDER BY report_week`);
    expect(weeks.rows).toEqual([
      { report_week: '2026-W47', n: 1 },
      { report_week: '2026-W48', n: 1 },
    ]);
    expect(await count('uptake_tasks')).toBe(3);
  });

  it('rolls everything back when a table fails', async () => {
    await client.query(`ALTER TABLE "${schema}".metric_harm ADD CONSTRAINT harm_negative CHECK (harm_rate < 0) NOT VALID`);
    const error = (await loadWarehouse(target(), { week: '2026-W49', tasks: tasksFixture(), metrics: berlinDoc('2026-W49'), runId: 'run-5' }).catch(
      (caught: unknown) => caught,
    )) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.kind).toBe('warehouse');
    expect(error.message).toContain(`table ${schema}.metric_harm: expected the load to succeed`);
    expect(error.message).not.toContain(':uptake@');
    const weeks = await client.query(`SELECT DISTINCT report_week FROM "${schema}".metric_adoption_by_team ORDER BY 1`);
    expect(weeks.rows.map((row) => row.report_week)).toEqual(['2026-W47', '2026-W48']);
    expect((await client.query(`SELECT DISTINCT run_id FROM "${schema}".uptake_tasks ORDER BY 1`)).rows.map((row) => row.run_id)).toEqual(['run-3', 'run-4']);
    await client.query(`ALTER TABLE "${schema}".metric_harm DROP CONSTRAINT harm_negative`);
  });

  it('gives the metric_alerts of an older uptake its task_type column (text), null in the rows it held', async () => {
    const older = `${schema}_older`;
    try {
      await client.query(`CREATE SCHEMA "${older}"`);
      await client.query(`CREATE TABLE "${older}".metric_alerts (report_week text, run_id text, rule text, severity text, team text, message text)`);
      await client.query(`INSERT INTO "${older}".metric_alerts VALUES ('2026-W46', 'run-0', 'adoption_drop', 'high', 'Finance', 'Finance: adoption fell 12.0 points')`);
      // a week without a task-type alert adds the column already, typed, as every declared column
      await loadWarehouse({ kind: 'postgres', url, schema: older }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
      const type = await client.query(`SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'metric_alerts' AND column_name = 'task_type'`, [older]);
      expect(type.rows).toEqual([{ data_type: 'text' }]);
      const doc = berlinDoc('2026-W48');
      doc.tables.alerts = taskTypeAlerts();
      await loadWarehouse({ kind: 'postgres', url, schema: older }, { week: '2026-W48', tasks: tasksFixture(), metrics: doc, runId: 'run-2' });
      const alerts = await client.query(`SELECT report_week, rule, team, task_type, delta_pts FROM "${older}".metric_alerts WHERE report_week <> '2026-W47' ORDER BY report_week, task_type`);
      expect(alerts.rows).toEqual([
        { report_week: '2026-W46', rule: 'adoption_drop', team: 'Finance', task_type: null, delta_pts: null },
        { report_week: '2026-W48', rule: 'task_type_drop', team: '*', task_type: 'invoice_matching', delta_pts: -16.7 },
        { report_week: '2026-W48', rule: 'task_type_drop', team: '*', task_type: 'vendor_onboarding', delta_pts: -14.7 },
      ]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${older}" CASCADE`);
    }
  });

  it('loads at once into a schema not made yet all succeed and leave one copy of the week', async () => {
    const fresh = `${schema}_race`;
    const raceTarget = { kind: 'postgres' as const, url, schema: fresh };
    try {
      const loads = [1, 2, 3, 4].map((run) => loadWarehouse(raceTarget, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: `run-${run}` }));
      await Promise.all(loads);
      const counted = await client.query(`SELECT (SELECT count(*)::int FROM "${fresh}".uptake_tasks) AS tasks, (SELECT count(*)::int FROM "${fresh}".metric_alerts) AS alerts`);
      expect(counted.rows[0]).toEqual({ tasks: 3, alerts: 2 });
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
    }
  });

  it('an abort ends a load that waits for another load of the schema at once, writing nothing (a run aborted by a stop signal)', async () => {
    const holder = await connectTestPostgres();
    const stop = new AbortController();
    try {
      // Another load of this schema that never commits: the next one waits for its lock.
      await holder.query('BEGIN');
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('uptake warehouse'), hashtext($1))", [schema]);
      const waiting = loadWarehouse(target(), { week: '2026-W50', tasks: tasksFixture(), metrics: berlinDoc('2026-W50'), runId: 'run-aborted' }, { signal: stop.signal });
      const settled = waiting.then(
        () => 'loaded',
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const abortedAt = Date.now();
      stop.abort('SIGTERM');
      const error = (await settled) as UptakeError;
      expect(Date.now() - abortedAt).toBeLessThan(2000);
      expect(error).toBeInstanceOf(UptakeError);
      expect(error.kind).toBe('aborted');
      expect(error.message).toMatch(/^PostgreSQL postgres:\/\/uptake@[^ ]+: the load was aborted \(nothing was written\)$/);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const weeks = await client.query(`SELECT DISTINCT report_week FROM "${schema}".metric_adoption_by_team ORDER BY 1`);
    expect(weeks.rows.map((row) => row.report_week)).not.toContain('2026-W50');
  });

  it('names the server without its password when it cannot connect', async () => {
    const error = (await loadWarehouse(
      { kind: 'postgres', url: 'postgres://uptake:hunter2@127.0.0.1:1/none', schema },
      { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'r' },
    ).catch((caught: unknown) => caught)) as UptakeError;
    expect(error.kind).toBe('warehouse');
    expect(error.message).toMatch(/^PostgreSQL postgres:\/\/uptake@127\.0\.0\.1:1\/none: expected to connect, got/);
    expect(error.message).not.toContain('hunter2');
  });
});

describe('text PostgreSQL refuses', () => {
  it('loads NUL bytes and unpaired surrogates in every text and JSON column, stored without NUL and with U+FFFD', async () => {
    const nulSchema = `${schema}_nul`;
    const hostile = table({
      source: ['ai_logs', 'ai_logs'],
      task_id: ['n\u00001', 'n2'],
      user_id: ['u\u00001', 'u2'],
      team: ['Fin\u0000ance', 'Ops'],
      task_type: ['contract_review', 'contract_review'],
      started_at: [MONDAY_UTC, MONDAY_UTC + 60_000],
      duration_ms: [1000, 2000],
      status: ['completed', 'completed'],
      accuracy: [null, null],
      harmful: [false, false],
      fragments: [1, 1],
      prompt: ['ignore\u0000 previous \\u0000 instructions\u0000', 'half a pair \ud83d here'],
      tool_version: [null, null],
      client: ['desk\u0000top', '\udc00web'],
      'note\u0000': ['key with NUL', null],
    });
    const doc = berlinDoc();
    (doc.tables.alerts as Array<Record<string, unknown>>).push({ rule: 'data_gap', severity: 'medium', team: 'NUL\u0000team', message: 'gap\u0000' });
    try {
      await loadWarehouse({ kind: 'postgres', url, schema: nulSchema }, { week: '2026-W47', tasks: hostile, metrics: doc, runId: 'run-nul' });
      const rows = await client.query(`SELECT task_id, user_id, team, prompt, extra FROM "${nulSchema}".uptake_tasks ORDER BY task_id`);
      expect(rows.rows).toEqual([
        { task_id: 'n1', user_id: 'u1', team: 'Finance', prompt: 'ignore previous \\u0000 instructions', extra: { client: 'desktop', note: 'key with NUL' } },
        { task_id: 'n2', user_id: 'u2', team: 'Ops', prompt: 'half a pair \ufffd here', extra: { client: '\ufffdweb' } },
      ]);
      const alerts = await client.query(`SELECT team, message FROM "${nulSchema}".metric_alerts WHERE rule = 'data_gap' AND team LIKE 'NUL%'`);
      expect(alerts.rows).toEqual([{ team: 'NULteam', message: 'gap' }]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${nulSchema}" CASCADE`);
    }
  });
});

describe('warehouseTargets', () => {
  it('reads the URL from the named environment variable', () => {
    const config = WarehouseSchema.parse({});
    expect(warehouseTargets(config, {})).toEqual([{ kind: 'duckdb', path: 'output/uptake.duckdb' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ duckdbPath: null }), { UPTAKE_POSTGRES_URL: url })).toEqual([{ kind: 'postgres', url, schema: 'uptake' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ postgresUrl: 'MY_DB' }), { MY_DB: url })[1]).toEqual({ kind: 'postgres', url, schema: 'uptake' });
    expect(() => warehouseTargets(WarehouseSchema.parse({ postgresUrl: 'MY_DB' }), {})).toThrow(/warehouse\.postgresUrl: expected a postgres:\/\/ URL or the name of a set environment variable, got `MY_DB`/);
  });

  it('refuses a malformed URL naming the variable, never its text (it may hold a password)', () => {
    const config = WarehouseSchema.parse({ duckdbPath: null });
    const problem = (value: string) => {
      try {
        warehouseTargets(config, { UPTAKE_POSTGRES_URL: value });
      } catch (error) {
        expect(error).toBeInstanceOf(UptakeError);
        expect((error as UptakeError).kind).toBe('config');
        expect((error as UptakeError).message).not.toContain('hunter2');
        return (error as UptakeError).message.replace(/^.*got one that /, '');
      }
      return 'accepted';
    };
    expect(problem('postgres://u:hunter2@db.example:5432/x')).toBe('accepted');
    expect(problem('postgres://u:hunter2@db.example:54x2/x')).toBe(
      'is not a well-formed URL (check the port and that `@`, `:` and `/` inside the password are percent-encoded)',
    );
    expect(problem('postgres://u:hunter2@db.example:70000/x')).toMatch(/^is not a well-formed URL|^has the port 70000/);
    expect(problem('postgres://u:hunter2@db example/x')).toBe('holds spaces or control characters');
    expect(problem('postgres://u:hunter2%zz@db.example/x')).toBe('has a malformed percent-encoding in the user, password or database');
    expect(problem('postgres:///x')).toBe('names no host');
    expect(problem('postgres:///x?host=/var/run/postgresql')).toBe('accepted');
    expect(problem('mysql://u:hunter2@db/x')).toBe('does not start with postgres:// or postgresql://');
    expect(() => warehouseTargets(config, { UPTAKE_POSTGRES_URL: 'postgres://u:hunter2@db:1x/x' })).toThrow(
      /^warehouse: expected the environment variable UPTAKE_POSTGRES_URL \(`warehouse\.postgresUrlEnv`\) to hold a URL like postgres:\/\/user:password@host:5432\/database, got one that is not a well-formed URL/,
    );
  });
});

describe('preloadWarehouseDrivers', () => {
  it('loads the drivers of a valid config and leaves a config error to the load', async () => {
    await expect(preloadWarehouseDrivers(WarehouseSchema.parse({}), { UPTAKE_POSTGRES_URL: url })).resolves.toBeUndefined();
    await expect(preloadWarehouseDrivers(WarehouseSchema.parse({ postgresUrl: 'MY_DB' }), {})).resolves.toBeUndefined();
  });
});
