import { describe, expect, it } from 'vitest';
import { WarehouseSchema } from '../../../src/config/schema.js';
import { warehouseTargets } from '../../../src/deliver/warehouse/load-warehouse.js';

describe('warehouseTargets', () => {
  it('puts the DuckDB file in the output folder unless configured: runs with different --out share none', () => {
    const unset = WarehouseSchema.parse({});
    expect(warehouseTargets(unset, {}, '/srv/a')).toEqual([{ kind: 'duckdb', path: '/srv/a/uptake.duckdb' }]);
    expect(warehouseTargets(unset, {}, '/srv/b')).toEqual([{ kind: 'duckdb', path: '/srv/b/uptake.duckdb' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ duckdbPath: '/data/history.duckdb' }), {}, '/srv/a')).toEqual([{ kind: 'duckdb', path: '/data/history.duckdb' }]);
    expect(warehouseTargets(WarehouseSchema.parse({ duckdbPath: null }), {}, '/srv/a')).toEqual([]);
  });
});
