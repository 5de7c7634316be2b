import { describe, expect, it } from 'vitest';
import { runStoreLocation } from '../../src/store/open-store.js';

describe('runStoreLocation: the store `uptake run` uses', () => {
  it('--store wins, --no-store means none, else the config, else <output>/.uptake/store.duckdb', () => {
    expect(runStoreLocation('elsewhere.duckdb', { store: 'config.duckdb' }, {}, 'out')).toBe('elsewhere.duckdb');
    expect(runStoreLocation(false, { store: 'config.duckdb' }, {}, 'out')).toBeUndefined();
    expect(runStoreLocation(undefined, { store: 'config.duckdb' }, {}, 'out')).toBe('config.duckdb');
    expect(runStoreLocation(undefined, { store: null }, {}, 'out')).toBeUndefined();
    expect(runStoreLocation(undefined, {}, {}, 'out')).toBe('out/.uptake/store.duckdb');
  });

  it('the name of an environment variable gives its value (a URL with a password stays out of the config file)', () => {
    const env = { UPTAKE_STORE_URL: 'postgres://u:secret@db:5432/x' };
    expect(runStoreLocation(undefined, { store: 'UPTAKE_STORE_URL' }, env, 'out')).toBe('postgres://u:secret@db:5432/x');
    expect(() => runStoreLocation(undefined, { store: 'UPTAKE_STORE_URL' }, {}, 'out')).toThrow('store: expected a file path, a postgres:// URL or the name of a set environment variable, got `UPTAKE_STORE_URL` (not set)');
  });
});
