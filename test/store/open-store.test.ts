import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, runStoreLocation } from '../../src/store/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'uptake-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe('openStore: where a store can be', () => {
  it('a location with another scheme, or an empty one, is a config error (naming only the scheme), and nothing is created; POSTGRES:// is PostgreSQL', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // DuckDB would make a file in a folder named after the URL, password included, or fetch an extension for `postgres:`
      for (const [location, scheme] of [['mysql://u:secret@db/x', 'mysql'], ['postgres:/u:secret@db/x', 'postgres'], ['duckdb:secret.duckdb', 'duckdb'], ['s3://bucket/store.duckdb', 's3']]) {
        const error = await openStore(location).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: 'config', exitCode: 4 });
        expect(String((error as Error).message)).toBe(`expected the store to be a file path or a postgres:// URL, got a location starting \`${scheme}:\`; a file whose name starts so: write it as ./${scheme}:...`);
      }
      expect(readdirSync(dir)).toEqual([]);
      // `--store "$STORE"` with STORE unset: DuckDB took '' for a database in memory (and its blobs went to ./.rows)
      for (const empty of ['', ' ']) {
        const error = await openStore(empty).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: 'config', exitCode: 4 });
        expect(String((error as Error).message)).toBe(`expected the store to be a file path or a postgres:// URL, got ${empty === '' ? 'an empty value' : 'only white space (" ")'}`);
      }
      expect(readdirSync(dir)).toEqual([]);
      const upper = await openStore('POSTGRES://u:secret-password@127.0.0.1:1/none').catch((caught: unknown) => caught);
      expect(upper).toMatchObject({ kind: 'warehouse', exitCode: 8 });
      expect(String((upper as Error).message)).not.toContain('secret-password');
      expect(readdirSync(dir)).toEqual([]);
      const named = await openStore('./duckdb:named.duckdb');
      await named.close();
      expect(existsSync(join(dir, 'duckdb:named.duckdb'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
