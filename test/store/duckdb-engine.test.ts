import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UptakeError } from '../../src/errors.js';
import { openDuckDBEngine, storeWriteError } from '../../src/store/duckdb-engine.js';
import type { StoreColumnType, StoreEngine, StoreValue } from '../../src/store/store-engine.js';

const TYPES: StoreColumnType[] = ['text', 'integer', 'double', 'boolean', 'bytes'];
/** More rows than one DuckDB chunk (2,048), so chunk boundaries are crossed. */
const ROWS = 5000;
// strings on both sides of DuckDB's 12-byte inline limit, repeated and unique, ASCII and not, empty and NULL
const TEXTS = ['', 'a', 'abcdefghijkl', 'abcdefghijklm', 'ai_logs_2026-W22.csv', 'héllo', 'naïve café ☕ over twelve bytes', '日本語', '😀', 'tab\there'];

function text(row: number): string | null {
  if (row % 11 === 0) return null;
  if (row % 3 === 0) return `unique long string number ${row}`;
  if (row % 7 === 0) return `u${row}`;
  return TEXTS[row % TEXTS.length];
}
function integer(row: number): number | null {
  return [null, 0, -1, 2 ** 31, -(2 ** 40) + 3, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, row][row % 8];
}
function double(row: number): number | null {
  return [null, 0.1, -0, Number.NaN, 1e300, -Infinity, row / 7][row % 7];
}
function boolean(row: number): boolean | null {
  return [null, true, false][row % 3];
}
function bytes(row: number): Uint8Array | null {
  return row % 5 === 0 ? null : Uint8Array.from({ length: row % 30 }, (_, index) => (row + index) % 256);
}

const columns: StoreValue[][] = [text, integer, double, boolean, bytes].map((valueOf) => Array.from({ length: ROWS }, (_, row) => valueOf(row)));
const asRows = (table: Record<string, StoreValue[]>) => table[Object.keys(table)[0]].map((_, row) => Object.fromEntries(Object.entries(table).map(([name, values]) => [name, values[row]])));

let dir: string;
let engine: StoreEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-duckdb-engine-'));
  engine = await openDuckDBEngine(join(dir, 'store.duckdb'));
  await engine.run('CREATE TABLE t (s VARCHAR, i BIGINT, d DOUBLE, b BOOLEAN, x BLOB)');
  await engine.append('t', TYPES, columns);
});

afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the DuckDB engine: append and columns', () => {
  it('gives back every value appended, with its type, NULLs as null, in order, across chunks', async () => {
    const read = await engine.columns('SELECT s, i, d, b, x FROM t ORDER BY rowid');
    expect(read.s).toEqual(columns[0]);
    expect(read.i).toEqual(columns[1]);
    expect(read.d).toEqual(columns[2]);
    expect(Object.is(read.d[2], -0)).toBe(true);
    expect(read.b).toEqual(columns[3]);
    expect(read.x.map((value) => (value === null ? null : [...(value as Uint8Array)]))).toEqual(columns[4].map((value) => (value === null ? null : [...(value as Uint8Array)])));
    expect(read.x[1]).toBeInstanceOf(Uint8Array);
  });

  it('writes strings DuckDB compares, groups and measures as its own', async () => {
    const [counts] = await engine.all(
      "SELECT count(DISTINCT s) AS distinct_texts, count(*) FILTER (WHERE s = 'abcdefghijkl') AS twelve, count(*) FILTER (WHERE s = 'ai_logs_2026-W22.csv') AS file, sum(strlen(s)) AS bytes, count(*) FILTER (WHERE s IS NULL) AS nulls FROM t",
    );
    const texts = columns[0].filter((value): value is string => value !== null);
    expect(counts).toEqual({
      distinct_texts: new Set(texts).size,
      twelve: texts.filter((value) => value === 'abcdefghijkl').length,
      file: texts.filter((value) => value === 'ai_logs_2026-W22.csv').length,
      bytes: texts.reduce((sum, value) => sum + Buffer.byteLength(value), 0),
      nulls: ROWS - texts.length,
    });
    expect(counts.twelve).toBeGreaterThan(0);
  });

  it('reads what the library reads, from stored (compressed) and sorted data and from expressions', async () => {
    await engine.run('CHECKPOINT');
    const queries = [
      'SELECT * FROM t ORDER BY rowid',
      'SELECT s, i FROM t ORDER BY s, rowid',
      "SELECT range::INTEGER AS small, repeat('xé', (range % 40)::BIGINT) AS grown, range % 3 = 0 AS even, 2.5::DECIMAL(4, 1) AS kept_decimal FROM range(4100)",
      'SELECT count(*) AS n, sum(i) AS total FROM t',
    ];
    for (const sql of queries) {
      const read = await engine.columns(sql);
      const library = await engine.all(sql);
      expect(asRows(read), sql).toEqual(library);
    }
  });

  it('a query that fails part-way through its rows rejects with DuckDB\'s error', async () => {
    await expect(engine.columns("SELECT CASE WHEN range < 5000 THEN range ELSE error('row ' || range || ' is bad') END AS n FROM range(10000)")).rejects.toThrow('row 5000 is bad');
  });

  it('takes values of other JavaScript types through the library, as before: a large integer exactly, a fraction refused', async () => {
    await engine.run('CREATE TABLE big (i BIGINT)');
    await engine.append('big', ['integer'], [[2 ** 60, 1]]);
    expect(await engine.all('SELECT CAST(i AS VARCHAR) AS i FROM big ORDER BY rowid')).toEqual([{ i: '1152921504606846976' }, { i: '1' }]);
    await expect(engine.append('big', ['integer'], [[1.5]])).rejects.toThrow('cannot be converted to a BigInt');
  });
});

/** Opens the store at `path`, gives it to `use` and closes it, whatever `use` does. */
async function withStore(path: string, use: (store: StoreEngine) => Promise<void>): Promise<void> {
  const store = await openDuckDBEngine(path);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

describe('the DuckDB engine: commits and checkpoints', () => {
  it('a COMMIT leaves its rows in the log; checkpointSoon writes them into the file beside the caller\'s statements, then gives back the cache DuckDB kept', async () => {
    const path = join(dir, 'checkpoint.duckdb');
    const store = await openDuckDBEngine(path);
    const wal = `${path}.wal`;
    const logBytes = () => (existsSync(wal) ? statSync(wal).size : 0);
    const cached = async () => Number((await store.all("SELECT coalesce(sum(memory_usage_bytes), 0) AS cached FROM duckdb_memory() WHERE tag = 'BASE_TABLE'"))[0].cached);
    try {
      await store.run('CREATE TABLE c (s VARCHAR, i BIGINT, d DOUBLE, b BOOLEAN, x BLOB)');
      await store.run('CHECKPOINT');
      await store.run('BEGIN TRANSACTION');
      await store.append('c', TYPES, columns);
      // and enough rows that DuckDB's cache of them passes the 32 MB it is evicted down to
      await store.run("INSERT INTO c SELECT 'row number ' || range || ' of many', range, range / 7, range % 2 = 0, NULL FROM range(3000000)");
      await store.run('COMMIT');
      expect(logBytes()).toBeGreaterThan(0);
      expect(await cached()).toBeGreaterThan(32 * 1024 * 1024);
      store.checkpointSoon();
      // reads go on meanwhile, and see every row
      expect(await store.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(await store.all('SELECT count(*) AS n FROM c')).toEqual([{ n: ROWS + 3_000_000 }]);
      // the log goes into the file without a close, and then DuckDB's cache goes back
      await vi.waitFor(() => expect(logBytes()).toBe(0), { timeout: 20_000, interval: 20 });
      await vi.waitFor(async () => expect(await cached()).toBeLessThanOrEqual(32 * 1024 * 1024), { timeout: 20_000, interval: 20 });
      // while the limit for later statements is its usual one
      const [{ memory }] = await store.all("SELECT current_setting('memory_limit') AS memory");
      expect(memory).not.toBe('30.5 MiB');
      // (DuckDB's RESET named the usual limit again but left its buffer pool at 32 MB: a batch's next run ran out of memory)
      await store.run('CREATE TEMP TABLE grouped AS SELECT s, min(i) AS i FROM c GROUP BY s');
      expect(await store.all('SELECT count(*) AS n FROM grouped')).toEqual([{ n: 3_000_000 + new Set(columns[0]).size }]);
    } finally {
      await store.close();
    }
  });

  it('a checkpoint that finds a write transaction open (the next batch began) leaves the log for later, and fails nothing', async () => {
    const path = join(dir, 'checkpoint-open.duckdb');
    await withStore(path, async (store) => {
      await store.run('CREATE TABLE o (i BIGINT)');
      await store.run('INSERT INTO o SELECT range FROM range(1000)');
      await store.run('BEGIN TRANSACTION');
      await store.run('INSERT INTO o SELECT range FROM range(1000, 2000)');
      // (an UPDATE, as a run's of its rows' states: DuckDB checkpoints beside an open transaction's inserts and
      // deletes, not beside its updates)
      await store.run('UPDATE o SET i = i + 2000 WHERE i < 10');
      // its checkpoint starts once the UPDATE is done, while the transaction is still open: DuckDB refuses it
      store.checkpointSoon();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await store.run('COMMIT');
      expect(await store.all('SELECT count(*) AS n, max(i) AS top FROM o')).toEqual([{ n: 2000, top: 2009 }]);
    });
    await withStore(path, async (again) => {
      expect(await again.all('SELECT count(*) AS n, max(i) AS top FROM o')).toEqual([{ n: 2000, top: 2009 }]);
    });
  });

  it('a write asked for while checkpointSoon\'s checkpoint runs waits for it and is kept; close waits for both', async () => {
    const path = join(dir, 'checkpoint-write.duckdb');
    await withStore(path, async (store) => {
      await store.run('CREATE TABLE w (s VARCHAR, i BIGINT)');
      await store.run('BEGIN TRANSACTION');
      await store.run("INSERT INTO w SELECT 'row number ' || range, range FROM range(2000000)");
      await store.run('COMMIT');
      store.checkpointSoon();
      await store.run('BEGIN TRANSACTION');
      await store.run("INSERT INTO w VALUES ('last', -1)");
      await store.run('COMMIT');
      store.checkpointSoon();
    });
    await withStore(path, async (again) => {
      expect(await again.all('SELECT count(*) AS n, min(i) AS low FROM w')).toEqual([{ n: 2_000_001, low: -1 }]);
      expect(existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0).toBe(0);
    });
  });

  it('releaseCache, inside the open transaction: DuckDB drops blocks it read and moves rows appended to its temp file, down to 32 MB; the commit keeps every row', async () => {
    const path = join(dir, 'release.duckdb');
    const store = await openDuckDBEngine(path);
    const used = async () => Number((await store.all("SELECT coalesce(sum(memory_usage_bytes), 0) AS bytes FROM duckdb_memory() WHERE tag IN ('BASE_TABLE', 'IN_MEMORY_TABLE')"))[0].bytes);
    const rows = 400_000;
    try {
      await store.run("CREATE TABLE stored AS SELECT 'stored row ' || range || ' of many' AS s, range AS i FROM range(4000000)");
      await store.run('CHECKPOINT');
      await store.run('BEGIN TRANSACTION');
      expect(await store.all('SELECT count(DISTINCT s) AS n FROM stored')).toEqual([{ n: 4_000_000 }]);
      await store.run('CREATE TABLE fresh (s VARCHAR, i BIGINT)');
      await store.append('fresh', ['text', 'integer'], [Array.from({ length: rows }, (_, row) => `a fresh row, number ${row}, of the new week`), Array.from({ length: rows }, (_, row) => row)]);
      expect(await used()).toBeGreaterThan(48 * 1024 * 1024);
      store.releaseCache();
      expect(await used()).toBeLessThanOrEqual(32 * 1024 * 1024);
      await store.run('COMMIT');
      // (DuckDB's usual limit is back for later statements)
      const [{ memory }] = await store.all("SELECT current_setting('memory_limit') AS memory");
      expect(memory).not.toBe('30.5 MiB');
    } finally {
      await store.close();
    }
    await withStore(path, async (again) => {
      expect(await again.all('SELECT count(*) AS n, sum(i) AS total FROM fresh')).toEqual([{ n: rows, total: ((rows - 1) * rows) / 2 }]);
    });
  });

  it('releaseCache with more of the transaction in memory than DuckDB can move (its undo of updates and deletes): the eviction falls short, and the transaction goes on and commits', async () => {
    const path = join(dir, 'undo.duckdb');
    await withStore(path, async (store) => {
      await store.run("CREATE TABLE t AS SELECT 'row ' || range || ' text text text' AS s, range AS i, 0 AS state FROM range(4000000)");
      await store.run('CHECKPOINT');
      await store.run('BEGIN TRANSACTION');
      await store.run('UPDATE t SET state = 2 WHERE i % 2 = 0');
      await store.run('DELETE FROM t WHERE i % 3 = 0');
      const [{ undo }] = await store.all("SELECT coalesce(sum(memory_usage_bytes), 0) AS undo FROM duckdb_memory() WHERE tag = 'TRANSACTION'");
      expect(Number(undo)).toBeGreaterThan(32 * 1024 * 1024);
      store.releaseCache();
      expect(await store.all('SELECT count(*) AS n, sum(state) AS updated FROM t')).toEqual([{ n: 2_666_666, updated: 2 * 1_333_333 }]);
      await store.run('COMMIT');
    });
  });

  it('the temp files a killed run left beside the store go as the next run opens it, and the folder at close; a file not DuckDB\'s stays', async () => {
    const path = join(dir, 'killed.duckdb');
    const first = await openDuckDBEngine(path);
    await first.close();
    // (a run killed after releaseCache moved its writes there)
    const temp = `${path}.tmp`;
    mkdirSync(temp);
    writeFileSync(join(temp, 'duckdb_temp_storage_S32K-0.tmp'), Buffer.alloc(100_000, 1));
    writeFileSync(join(temp, 'duckdb_temp_block-4611686018427388032.block'), Buffer.alloc(1000, 1));
    const store = await openDuckDBEngine(path);
    expect(readdirSync(temp)).toEqual([]);
    await store.close();
    expect(existsSync(temp)).toBe(false);
    mkdirSync(temp);
    writeFileSync(join(temp, 'notes.txt'), 'mine');
    const again = await openDuckDBEngine(path);
    await again.close();
    expect(readdirSync(temp)).toEqual(['notes.txt']);
  });

  it('a temp folder DuckDB cannot write into keeps the writes in memory and the run goes on; a file in the folder\'s place fails the run as an output failure naming it', async () => {
    const path = join(dir, 'unwritable.duckdb');
    const temp = `${path}.tmp`;
    await withStore(path, async (store) => {
      await store.run("CREATE TABLE stored AS SELECT 'stored row ' || range || ' of many' AS s, range AS i FROM range(4000000)");
      await store.run('CHECKPOINT');
      // DuckDB's temp files cannot be made (as on a full disk): directories stand where each would go
      mkdirSync(temp);
      for (const size of ['DEFAULT', 'S32K', 'S64K', 'S96K', 'S128K', 'S160K', 'S192K']) mkdirSync(join(temp, `duckdb_temp_storage_${size}-0.tmp`));
      await store.run('BEGIN TRANSACTION');
      expect(await store.all('SELECT count(DISTINCT s) AS n FROM stored')).toEqual([{ n: 4_000_000 }]);
      await store.run('CREATE TABLE fresh (s VARCHAR, i BIGINT)');
      for (let part = 0; part < 4; part += 1) {
        await store.append('fresh', ['text', 'integer'], [Array.from({ length: 100_000 }, (_, row) => `a fresh row, number ${row}, of the new week ${part}`), Array.from({ length: 100_000 }, (_, row) => row)]);
      }
      store.releaseCache();
      const [{ kept }] = await store.all("SELECT coalesce(sum(memory_usage_bytes), 0) AS kept FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'");
      expect(Number(kept)).toBeGreaterThan(16 * 1024 * 1024);
      await store.run('COMMIT');
      expect(await store.all('SELECT count(*) AS n FROM fresh')).toEqual([{ n: 400_000 }]);
    });
    rmSync(temp, { recursive: true });
    writeFileSync(temp, 'not a folder');
    await withStore(path, async (again) => {
      await again.run('BEGIN TRANSACTION');
      again.releaseCache();
      await expect(again.run('SELECT 1')).rejects.toMatchObject({ kind: 'output', message: `${path}: expected ${temp} to be the store's temp folder (a directory DuckDB writes to), found something else there; remove it and run again` });
      await again.run('ROLLBACK');
    });
    rmSync(temp);
  });
});

describe('the DuckDB engine: statements in turn', () => {
  it('statements asked for without waiting run in the order asked: a COMMIT not awaited, a failing one, then reads that see them', async () => {
    await withStore(join(dir, 'in-turn.duckdb'), async (store) => {
      await store.run('CREATE TABLE o (s VARCHAR, i BIGINT)');
      await store.run('BEGIN TRANSACTION');
      const appended = store.append('o', ['text', 'integer'], [['a', 'b', 'c'], [1, 2, 3]]);
      const committed = store.run('COMMIT');
      const failed = store.run('INSERT INTO missing VALUES (1)');
      const read = store.all('SELECT count(*) AS n, sum(i) AS total FROM o');
      // the read ran after the commit: a new transaction sees the rows, and ROLLBACK has nothing to undo
      const rolledBack = store.run('ROLLBACK');
      await appended;
      await committed;
      await expect(failed).rejects.toThrow('missing');
      expect(await read).toEqual([{ n: 3, total: 6 }]);
      await expect(rolledBack).rejects.toThrow(/no transaction is active/i);
      expect(await store.all('SELECT s FROM o ORDER BY i')).toEqual([{ s: 'a' }, { s: 'b' }, { s: 'c' }]);
    });
  });
});

describe('the DuckDB engine: a disk that refuses the write', () => {
  it('a full or read-only disk in DuckDB\'s words is exit 12 naming the store and the reason; other failures pass as they are', () => {
    const store = 'out/.uptake/store.duckdb';
    // as DuckDB words a COMMIT on a full disk (seen on a 5 MB tmpfs)
    const full = new Error('TransactionContext Error: Failed to commit: Could not write file "out/.uptake/store.duckdb.wal": No space left on device');
    const error = storeWriteError(store, full) as UptakeError;
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.exitCode).toBe(12);
    expect(error.message).toBe(
      'out/.uptake/store.duckdb: cannot write the store: TransactionContext Error: Failed to commit: Could not write file "out/.uptake/store.duckdb.wal": No space left on device; free some room (or make it writable) and run again: the store keeps what the last finished run wrote',
    );
    const checkpoint = new Error('FATAL Error: Failed to create checkpoint because of error:\nIO Error: Could not write file "x": Read-only file system');
    expect((storeWriteError(store, checkpoint) as UptakeError).message).toContain('cannot write the store: IO Error: Could not write file "x": Read-only file system;');
    const other = new Error('Binder Error: Referenced column "nope" not found');
    expect(storeWriteError(store, other)).toBe(other);
  });
});
