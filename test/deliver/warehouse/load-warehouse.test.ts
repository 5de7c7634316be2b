import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../../src/clean/clean-input.js';
import { RESERVED_TASK_COLUMNS } from '../../../src/clean/task-table.js';
import { parseConfig } from '../../../src/config/read-config.js';
import { WarehouseSchema } from '../../../src/config/schema.js';
import { warehouseTargets } from '../../../src/deliver/warehouse/load-warehouse.js';
import { TASK_COLUMNS, tasksTable } from '../../../src/deliver/warehouse/tables.js';
import { AI_HEADER } from '../../helpers/clean.js';
import { csv, inputFolder } from '../../helpers/input-folder.js';

describe('warehouseTargets', () => {
  it('puts the DuckDB file in the output folder unless configured: runs with different --out share none', () => {
    const unset = WarehouseSchema.parse({});
    expect(warehouseTargets(unset, {}, '/srv/a')).toEqual([{ kind: 'duckdb', path: '/srv/a/uptake.duckdb' }]);
    expect(warehouseTargets(unset, {}, '/srv/b')).toEqual([{ kind: 'duckdb', path: '/srv/b/uptake.duckdb' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ duckdbPath: '/data/history.duckdb' }), {}, '/srv/a')).toEqual([{ kind: 'duckdb', path: '/data/history.duckdb' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ duckdbPath: null }), {}, '/srv/a')).toEqual([]);
  });
});

describe('pass-through columns in uptake_tasks', () => {
  // a file's `week`, `run_id` and `extra` were dropped (uptake_tasks has columns of those names), and of `source`
  // and `x_source` one was kept under `x_source`
  it('keeps every one in `extra`, under a name no column of uptake_tasks or other pass-through column has', async () => {
    const input = inputFolder({
      'ai_logs_1.csv': csv(`${AI_HEADER},source,x_source,week,run_id,extra,client`, 'e1,u1,Finance,report,2026-11-17T09:00:00Z,,done,,,,crm,crm2,W99,r7,{},web'),
    });
    const data = await cleanInput(input, parseConfig({}), { now: Date.UTC(2026, 11, 4) });
    const table = tasksTable(data.tasks, 'UTC', 'run-1');
    const row = Object.fromEntries(table.columns.map((column, index) => [column.name, table.rows[0][index]]));
    expect([row.source, row.week, row.run_id]).toEqual(['ai_logs', '2026-W47', 'run-1']);
    expect(JSON.parse(row.extra as string)).toEqual({ x_x_source: 'crm', x_source: 'crm2', x_week: 'W99', x_run_id: 'r7', x_extra: '{}', client: 'web' });
    for (const column of TASK_COLUMNS) expect([column.name, RESERVED_TASK_COLUMNS.has(column.name)]).toEqual([column.name, true]);
  });
});
