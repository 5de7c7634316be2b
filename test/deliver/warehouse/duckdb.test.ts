import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadWarehouse } from '../../../src/deliver/warehouse/load-warehouse.js';
import { UptakeError } from '../../../src/errors.js';
import { metricsFixture, taskTypeAlerts } from '../metrics-fixture.js';
import { INJECTION, MONDAY_UTC, SUNDAY_NIGHT_UTC, tasksFixture } from './tasks-fixture.js';

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

async function tempFile(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'uptake-duckdb-'));
  directories.push(directory);
  return join(directory, 'nested', 'uptake.duckdb');
}

// One connection for several statements: opening a DuckDB file costs more than the queries.
async function queries(path: string, statements: string[]): Promise<Record<string, unknown>[][]> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const results: Record<string, unknown>[][] = [];
    for (const sql of statements) results.push((await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function query(path: string, sql: string): Promise<Record<string, unknown>[]> {
  return (await queries(path, [sql]))[0];
}

async function counts(path: string): Promise<Record<string, number>> {
  const [tables] = await queries(path, ["SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"]);
  const names = tables.map((row) => String(row.table_name));
  const results = await queries(path, names.map((name) => `SELECT count(*)::INTEGER AS n FROM "${name}"`));
  return Object.fromEntries(names.map((name, index) => [name, Number(results[index][0].n)]));
}

function berlinDoc(week = '2026-W47') {
  const doc = metricsFixture(week);
  doc.timezone = 'Europe/Berlin';
  return doc;
}

describe('loadWarehouse into DuckDB', () => {
  it('creates typed tables and re-loading the same week leaves the same rows', async () => {
    const path = await tempFile();
    const target = { kind: 'duckdb' as const, path };
    const first = await loadWarehouse(target, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    const expected = {
      metric_accuracy_stability: 2,
      metric_adoption_by_task_type: 1,
      metric_adoption_by_team: 3,
      metric_adoption_trend: 2,
      metric_alerts: 2,
      metric_gaps: 1,
      metric_harm: 1,
      metric_logging_coverage: 2,
      metric_power_users: 1,
      metric_time_saved: 2,
      uptake_tasks: 3,
    };
    expect(await counts(path)).toEqual(expected);
    expect(first.tables.find((table) => table.name === 'uptake_tasks')).toEqual({ name: 'uptake_tasks', deleted: 0, inserted: 3 });

    const second = await loadWarehouse(target, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-2' });
    expect(await counts(path)).toEqual(expected);
    expect(second.tables.find((table) => table.name === 'metric_adoption_by_team')).toEqual({ name: 'metric_adoption_by_team', deleted: 3, inserted: 3 });
    expect(await query(path, 'SELECT DISTINCT run_id FROM uptake_tasks')).toEqual([{ run_id: 'run-2' }]);
  });

  it('reads back the values with their types', async () => {
    const path = await tempFile();
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    const tasks = await query(
      path,
      'SELECT task_id, week, epoch_ms(started_at) AS started_ms, duration_ms, team, prompt, harmful, fragments, extra::VARCHAR AS extra FROM uptake_tasks ORDER BY task_id',
    );
    expect(tasks).toEqual([
      { task_id: 'm1', week: '2026-W47', started_ms: BigInt(MONDAY_UTC + 3_600_000), duration_ms: null, team: null, prompt: null, harmful: null, fragments: 1n, extra: '{"client":"web"}' },
      { task_id: 't1', week: '2026-W47', started_ms: BigInt(MONDAY_UTC), duration_ms: 90000, team: 'Finance', prompt: INJECTION, harmful: false, fragments: 2n, extra: '{"client":"desktop"}' },
      { task_id: 't2', week: '2026-W48', started_ms: BigInt(SUNDAY_NIGHT_UTC), duration_ms: 1500.5, team: 'R&D "Labs"', prompt: 'plain', harmful: true, fragments: 1n, extra: null },
    ]);
    expect(await query(path, "SELECT team, ai_tasks, adoption_rate, delta_pts, users, suppressed FROM metric_adoption_by_team WHERE report_week = '2026-W47' ORDER BY team")).toEqual([
      { team: '*', ai_tasks: 41n, adoption_rate: 0.41, delta_pts: 3.25, users: 12n, suppressed: false },
      { team: 'Finance', ai_tasks: 30n, adoption_rate: 0.6, delta_pts: null, users: 6n, suppressed: false },
      { team: 'R&D <Labs>', ai_tasks: 11n, adoption_rate: 0.22, delta_pts: -14.2, users: 6n, suppressed: false },
    ]);
    expect(await query(path, 'SELECT date::VARCHAR AS date, source FROM metric_gaps')).toEqual([{ date: '2026-11-18', source: 'ai_logs' }]);
    expect(await query(path, 'SELECT rule, team, delta_pts, "value", threshold FROM metric_alerts ORDER BY rule')).toEqual([
      { rule: 'adoption_drop', team: 'R&D <Labs>', delta_pts: -14.2, value: null, threshold: null },
      { rule: 'harm_rate', team: '*', delta_pts: null, value: 0.0244, threshold: 0.01 },
    ]);
    const types = await query(
      path,
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE (table_name, column_name) IN (('uptake_tasks','started_at'), ('uptake_tasks','extra'), ('metric_gaps','date'), ('metric_logging_coverage','flagged'), ('metric_harm','harmful'), ('metric_time_saved','hours_saved')) ORDER BY table_name, column_name",
    );
    expect(types).toEqual([
      { table_name: 'metric_gaps', column_name: 'date', data_type: 'DATE' },
      { table_name: 'metric_harm', column_name: 'harmful', data_type: 'BIGINT' },
      { table_name: 'metric_logging_coverage', column_name: 'flagged', data_type: 'BOOLEAN' },
      { table_name: 'metric_time_saved', column_name: 'hours_saved', data_type: 'DOUBLE' },
      { table_name: 'uptake_tasks', column_name: 'extra', data_type: 'JSON' },
      { table_name: 'uptake_tasks', column_name: 'started_at', data_type: 'TIMESTAMP WITH TIME ZONE' },
    ]);
  });

  it('keeps other report weeks and replaces only the weeks in the batch', async () => {
    const path = await tempFile();
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    const laterTasks = tasksFixture().filter((row: { task_id: string }) => row.task_id === 't2');
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W48', tasks: laterTasks, metrics: berlinDoc('2026-W48'), runId: 'run-2' });
    expect(await query(path, 'SELECT report_week, count(*)::INTEGER AS n FROM metric_adoption_by_team GROUP BY report_week ORDER BY report_week')).toEqual([
      { report_week: '2026-W47', n: 3 },
      { report_week: '2026-W48', n: 3 },
    ]);
    // W48 held only t2, and W47's tasks were not in the second batch, so they stay
    expect(await query(path, 'SELECT task_id, run_id FROM uptake_tasks ORDER BY task_id')).toEqual([
      { task_id: 'm1', run_id: 'run-1' },
      { task_id: 't1', run_id: 'run-1' },
      { task_id: 't2', run_id: 'run-2' },
    ]);
  });

  it('adds a column that a newer metrics document carries', async () => {
    const path = await tempFile();
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    const doc = berlinDoc();
    doc.tables.harm = [{ team: '*', ai_tasks: 41, harmful: 1, harm_rate: 1 / 41, reviewed: true }];
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: doc, runId: 'run-2' });
    expect(await query(path, 'SELECT team, reviewed FROM metric_harm')).toEqual([{ team: '*', reviewed: true }]);
  });

  it('gives the metric_alerts of an older uptake its task_type column (text), null in the rows it held', async () => {
    const path = await tempFile();
    await mkdir(dirname(path), { recursive: true });
    await queries(path, [
      'CREATE TABLE metric_alerts (report_week VARCHAR, run_id VARCHAR, rule VARCHAR, severity VARCHAR, team VARCHAR, message VARCHAR)',
      "INSERT INTO metric_alerts VALUES ('2026-W46', 'run-0', 'adoption_drop', 'high', 'Finance', 'Finance: adoption fell 12.0 points')",
    ]);
    // a week without a task-type alert adds the column already, typed, as every declared column
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' });
    expect(await query(path, "SELECT data_type FROM information_schema.columns WHERE table_name = 'metric_alerts' AND column_name = 'task_type'")).toEqual([{ data_type: 'VARCHAR' }]);
    const doc = berlinDoc('2026-W48');
    doc.tables.alerts = taskTypeAlerts();
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W48', tasks: tasksFixture(), metrics: doc, runId: 'run-2' });
    expect(await query(path, "SELECT report_week, rule, team, task_type, delta_pts FROM metric_alerts WHERE report_week <> '2026-W47' ORDER BY report_week, task_type")).toEqual([
      { report_week: '2026-W46', rule: 'adoption_drop', team: 'Finance', task_type: null, delta_pts: null },
      { report_week: '2026-W48', rule: 'task_type_drop', team: '*', task_type: 'invoice_matching', delta_pts: -16.7 },
      { report_week: '2026-W48', rule: 'task_type_drop', team: '*', task_type: 'vendor_onboarding', delta_pts: -14.7 },
    ]);
  });

  it('writes nothing when one table fails, and says which', async () => {
    const path = await tempFile();
    await mkdir(dirname(path), { recursive: true });
    const setup = await DuckDBInstance.create(path);
    const connection = await setup.connect();
    await connection.run('CREATE TABLE metric_harm (report_week VARCHAR, run_id VARCHAR, harm_rate DOUBLE CHECK (harm_rate < 0))');
    connection.closeSync();
    setup.closeSync();
    const error = (await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' }).catch(
      (caught: unknown) => caught,
    )) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.kind).toBe('warehouse');
    expect(error.message).toContain(`DuckDB ${path} table main.metric_harm: expected the load to succeed`);
    expect(await counts(path)).toEqual({ metric_harm: 0 });
  });

  it("refuses uptake's store as the warehouse (warehouse.duckdbPath naming .uptake/store.duckdb): exit 12, nothing loaded", async () => {
    const path = await tempFile();
    await mkdir(dirname(path), { recursive: true });
    await queries(path, ['CREATE TABLE store_meta (key VARCHAR, value VARCHAR)', "INSERT INTO store_meta VALUES ('format', '9')"]);
    const error = (await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'run-1' }).catch(
      (caught: unknown) => caught,
    )) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.exitCode).toBe(12);
    expect(error.message).toBe(
      `expected the warehouse ${path} to be a DuckDB file of its own, got one holding uptake's store of cleaned data (its store_* tables); nothing was loaded: name another \`warehouse.duckdbPath\`, or, if this is the warehouse and a run once took it for its store, drop its store_* tables`,
    );
    expect(await counts(path)).toEqual({ store_meta: 1 });
  });

  it('refuses a metrics document of another week', async () => {
    const path = await tempFile();
    await expect(loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W48', tasks: tasksFixture(), metrics: berlinDoc(), runId: 'r' })).rejects.toThrow(
      'expected the metrics document of 2026-W48, got one for 2026-W47',
    );
  });
});
