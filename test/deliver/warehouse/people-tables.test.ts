import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadWarehouse } from '../../../src/deliver/warehouse/load-warehouse.js';
import { metricTables } from '../../../src/deliver/warehouse/tables.js';
import { computeMetrics } from '../../../src/metrics/compute-metrics.js';
import { makeCleanedData, testConfig } from '../../metrics/make-cleaned-data.js';

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

// No roster at all: every licence figure is null, yet the columns keep their number types
const data = makeCleanedData({ tasks: [{ user_id: 'a', team: 'Legal', started_at: '2026-11-17T09:00:00Z' }], loadedDates: { first: '2026-10-01', last: '2026-11-22' } });
const doc = computeMetrics(data, testConfig(), '2026-W47');

describe('people tables in the warehouse', () => {
  it('types the people columns even when a week has only nulls in them', () => {
    const activation = metricTables(doc, 'run-1').find((table) => table.name === 'metric_activation')!;
    expect(activation.columns.map((column) => `${column.name}:${column.type}`)).toEqual([
      'report_week:text', 'run_id:text', 'grain:text', 'period:text', 'team:text', 'licensed_users:integer', 'new_ai_users:integer',
      'activation_rate:double', 'median_days_to_first_ai_task:double', 'suppressed:boolean', 'not_yet_active_users:integer',
    ]);
  });

  it('types the abandonment rate\'s parts as integers in every adoption table, though a suppressed row holds nulls', () => {
    for (const name of ['metric_adoption_by_team', 'metric_adoption_by_task_type', 'metric_adoption_trend']) {
      const table = metricTables(doc, 'run-1').find((entry) => entry.name === name)!;
      const types = Object.fromEntries(table.columns.map((column) => [column.name, column.type]));
      expect([name, types.abandoned_tasks, types.ai_tasks_any_status]).toEqual([name, 'integer', 'integer']);
    }
  });

  it('loads them into DuckDB, the caveat included', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'uptake-people-'));
    directories.push(directory);
    const path = join(directory, 'uptake.duckdb');
    await loadWarehouse({ kind: 'duckdb', path }, { week: '2026-W47', tasks: data.tasks, metrics: doc, runId: 'run-1' });
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    try {
      const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
      expect(await read("SELECT team, licensed_users, idle_seats, lapsed_users, idle_weeks FROM metric_idle_seats WHERE report_week = '2026-W47' ORDER BY team")).toEqual([
        { team: '*', licensed_users: null, idle_seats: null, lapsed_users: 0n, idle_weeks: 4n },
      ]);
      expect(await read('SELECT caveat FROM metric_people_caveats ORDER BY caveat')).toEqual([
        { caveat: 'no roster for 2026-11: licence figures are blank' },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
