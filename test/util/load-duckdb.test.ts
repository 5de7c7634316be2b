import { describe, expect, it } from 'vitest';
import { loadDuckDB } from '../../src/util/load-duckdb.js';

describe('loadDuckDB', () => {
  it('tells DuckDB\'s allocator to give freed pages back at once, unless the environment says otherwise', async () => {
    const before = process.env.DUCKDB_JE_MALLOC_CONF;
    try {
      delete process.env.DUCKDB_JE_MALLOC_CONF;
      await loadDuckDB();
      expect(process.env.DUCKDB_JE_MALLOC_CONF).toBe('dirty_decay_ms:0,muzzy_decay_ms:0');
      process.env.DUCKDB_JE_MALLOC_CONF = 'dirty_decay_ms:5000';
      await loadDuckDB();
      expect(process.env.DUCKDB_JE_MALLOC_CONF).toBe('dirty_decay_ms:5000');
    } finally {
      if (before === undefined) delete process.env.DUCKDB_JE_MALLOC_CONF;
      else process.env.DUCKDB_JE_MALLOC_CONF = before;
    }
  });
});
