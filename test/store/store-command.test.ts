import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, STORE_FORMAT } from '../../src/store/open-store.js';
import { runCli } from '../helpers/run-cli.js';

// The built CLI as a user runs it.
const uptake = (args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'uptake-store-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STACK_LINE = /^\s+at /m;
const SAMPLE = ['--input', 'data/sample', '--week', '2026-W47', '--json'];

describe('uptake metrics --store and uptake store', () => {
  const store = join(dir, 'store.duckdb');

  it('a second run skips every log file and prints the same document as a run without the store', async () => {
    const scratch = await uptake(['metrics', ...SAMPLE]);
    const first = await uptake(['metrics', ...SAMPLE, '--store', store]);
    const second = await uptake(['metrics', ...SAMPLE, '--store', store]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr).toContain('new store, all 16 log files to read');
    expect(second.stderr).toContain('skipped 16 of 16 log files (unchanged since the last run); 0 to read');
    expect(second.stdout).toBe(scratch.stdout);
    expect(first.stdout).toBe(scratch.stdout);
  });

  it('store info counts the weeks, tasks, quarantine and files the store holds', async () => {
    const validate = JSON.parse((await uptake(['validate', '--input', 'data/sample', '--json', '--quarantine', join(dir, 'q.csv')])).stdout);
    const info = await uptake(['store', 'info', '--store', store, '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.weeks).toEqual({ first: '2026-W40', last: '2026-W47', count: 8 });
    expect(parsed.tasks).toBe(validate.accounting.ai_logs.tasks + validate.accounting.manual_logs.tasks);
    expect(parsed.files.ai_logs).toEqual({ files: 8, rows: validate.accounting.ai_logs.rows_read });
    expect(parsed.files.manual_logs.files).toBe(8);
    expect(parsed.sizeBytes).toBeGreaterThan(0);
    const text = await uptake(['store', 'info', '--store', store]);
    expect(text.stdout).toContain('weeks: 8, 2026-W40 to 2026-W47');
  });

  it('another cleaning config stops with exit 4 naming `uptake store rebuild`; rebuild makes the store usable again', async () => {
    const configFile = join(dir, 'uptake.config.json');
    writeFileSync(configFile, JSON.stringify({ cleaning: { retryWindowSec: 45 } }));
    const refused = await uptake(['metrics', ...SAMPLE, '--store', store, '--config', configFile]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`run \`uptake store rebuild --store ${store}\` (with this run's --input and --config) to recompute it`);
    expect(refused.stderr).not.toMatch(STACK_LINE);
    const rebuilt = await uptake(['store', 'rebuild', '--store', store, '--input', 'data/sample', '--config', configFile]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toContain('recomputed from 16 log files');
    const after = await uptake(['metrics', ...SAMPLE, '--store', store, '--config', configFile]);
    const scratch = await uptake(['metrics', ...SAMPLE, '--config', configFile]);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('skipped 16 of 16');
    expect(after.stdout).toBe(scratch.stdout);
  });

  it('a store of format 6 is brought to this format without a rebuild; its next run takes the hashes its files\' stamps vouch for', async () => {
    const older = join(dir, 'format-6.duckdb');
    const scratch = await uptake(['metrics', ...SAMPLE]);
    expect((await uptake(['metrics', ...SAMPLE, '--store', older])).code).toBe(0);
    // what format 6 was: no stamp column
    const engine = await openStore(older);
    await engine.run('ALTER TABLE store_files DROP COLUMN stamp');
    await engine.run("UPDATE store_meta SET value = '6' WHERE key = 'format'");
    await engine.close();
    const migrated = await uptake(['metrics', ...SAMPLE, '--store', older]);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toContain('skipped 16 of 16 log files');
    expect(migrated.stdout).toBe(scratch.stdout);
    const after = await openStore(older);
    try {
      expect((await after.all("SELECT value FROM store_meta WHERE key = 'format'"))[0].value).toBe(STORE_FORMAT);
      const stamps = await after.all('SELECT name, sha256, stamp FROM store_files ORDER BY name');
      // every sample file (16 log files, 3 roster months) settled long before: each has its stamp
      expect(stamps.length).toBe(19);
      expect(stamps.filter((row) => typeof row.stamp === 'string' && /^\d+:\d+:\d+:\d+:\d+$/.test(row.stamp))).toHaveLength(19);
      // a hash the ledger keeps under a file's stamp is what the next run takes (the file is not read to check it)
      await after.run("UPDATE store_files SET sha256 = 'vouched' WHERE name = 'ai_logs_2026-W47.csv'");
    } finally {
      await after.close();
    }
    const trusted = await uptake(['metrics', ...SAMPLE, '--store', older]);
    expect(trusted.stderr).toContain('skipped 16 of 16 log files');
    expect(trusted.stdout).toBe(scratch.stdout);
  });

  it('a store of another contract version asks for a rebuild (exit 4)', async () => {
    const engine = await openStore(store);
    await engine.run("UPDATE store_meta SET value = '2000-01-01' WHERE key = 'contract'");
    await engine.close();
    const refused = await uptake(['store', 'info', '--store', store]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('cleaned under contract');
    expect(refused.stderr).toContain(`got format ${STORE_FORMAT} and contract 2000-01-01`);
  });

  it('a store a newer uptake wrote (a higher format, a later contract) says so, rather than only asking for the rebuild that would undo it', async () => {
    const newer = join(dir, 'newer.duckdb');
    expect((await uptake(['metrics', ...SAMPLE, '--store', newer])).code).toBe(0);
    const engine = await openStore(newer);
    await engine.run("UPDATE store_meta SET value = '99' WHERE key = 'format'");
    await engine.close();
    for (const args of [['metrics', ...SAMPLE, '--store', newer], ['store', 'info', '--store', newer]]) {
      const refused = await uptake(args);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain(`got format 99 and contract `);
      expect(refused.stderr).toContain(`; a newer uptake wrote it: run that uptake, or \`uptake store rebuild --store ${newer}\` (with this run's --input and --config) to recompute it from every input file for this one\n`);
    }
  });

  it('a store another process has open is exit 10 (busy) with one line', async () => {
    const held = join(dir, 'held.duckdb');
    const engine = await openStore(held);
    try {
      const result = await uptake(['store', 'info', '--store', held]);
      expect(result.code).toBe(10);
      expect(result.stderr).toContain(`expected the store ${held} to be free, but another uptake process has it open`);
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      await engine.close();
    }
  });

  it('an empty --store (a variable not set) is exit 2, not a report without the store, nor a rebuild into memory', async () => {
    for (const args of [['metrics', ...SAMPLE, '--store', ''], ['store', 'rebuild', '--input', 'data/sample', '--store', '']]) {
      const refused = await uptake(args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe('uptake: expected --store to name a file or a postgres:// URL, got an empty value\n');
    }
    expect(existsSync('.rows')).toBe(false);
  });

  it('store info where there is no store is exit 3 and creates nothing', async () => {
    const missing = join(dir, 'none', 'store.duckdb');
    const result = await uptake(['store', 'info', '--store', missing]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`expected a store at ${missing}, found none`);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('store info on a DuckDB file that holds no store is exit 3 and leaves the file as it was (no store tables made in it)', async () => {
    const other = join(dir, 'other.duckdb');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const tables = async () => {
      const instance = await DuckDBInstance.create(other);
      const connection = await instance.connect();
      await connection.run('CREATE TABLE IF NOT EXISTS notes (text VARCHAR)');
      const names = (await connection.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY table_name')).getRows().map((row) => row[0]);
      connection.closeSync();
      instance.closeSync();
      return names;
    };
    expect(await tables()).toEqual(['notes']);
    const result = await uptake(['store', 'info', '--store', other]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`expected a store at ${other}, found a DuckDB file without the store's tables`);
    expect(await tables()).toEqual(['notes']);
  });

  it('--store naming a DuckDB database that is no store (the warehouse file beside .uptake/) is exit 12 for a run and a rebuild, and nothing is written to it or beside it', async () => {
    const warehouse = join(dir, 'foreign', 'uptake.duckdb');
    mkdirSync(join(dir, 'foreign'));
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const tables = async () => {
      const instance = await DuckDBInstance.create(warehouse);
      const connection = await instance.connect();
      await connection.run('CREATE TABLE IF NOT EXISTS uptake_tasks (user_id VARCHAR)');
      await connection.run('CREATE TABLE IF NOT EXISTS metric_harm (team VARCHAR)');
      const names = (await connection.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY table_name')).getRows().map((row) => row[0]);
      connection.closeSync();
      instance.closeSync();
      return names;
    };
    expect(await tables()).toEqual(['metric_harm', 'uptake_tasks']);
    const message = `uptake: expected the store ${warehouse} to be a store or a new file, got a DuckDB database with other tables (metric_harm, uptake_tasks); nothing was written to it: name another --store (the default is <output>/.uptake/store.duckdb)\n`;
    for (const args of [['metrics', ...SAMPLE, '--store', warehouse], ['store', 'rebuild', '--input', 'data/sample', '--store', warehouse]]) {
      const refused = await uptake(args);
      expect(refused.code).toBe(12);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.split('\n').filter((line) => line.startsWith('uptake:')).join('\n') + '\n').toBe(message);
      expect(refused.stderr).not.toMatch(STACK_LINE);
    }
    // (the store's tables had gone into the warehouse, raw user ids and prompts with them, and its .rows folder beside it)
    expect(await tables()).toEqual(['metric_harm', 'uptake_tasks']);
    expect(readdirSync(join(dir, 'foreign'))).toEqual(['uptake.duckdb']);
  });

  it('store info with a config file of other cleaning settings tells what the store holds, says a run with it asks for a rebuild, and exits 4; without a config file it compares nothing', async () => {
    const own = join(dir, 'info-config', 'store.duckdb');
    expect((await uptake(['metrics', ...SAMPLE, '--store', own])).code).toBe(0);
    const configFile = join(dir, 'stitch.config.json');
    writeFileSync(configFile, JSON.stringify({ cleaning: { stitchGapMin: 5 } }));
    const other = await uptake(['store', 'info', '--store', own, '--config', configFile]);
    expect(other.code).toBe(4);
    expect(other.stdout).toContain('weeks: 8, 2026-W40 to 2026-W47');
    expect(other.stdout).toContain("cleaned with other cleaning, timezone or inputLimits settings than this config's: a run with it asks for `uptake store rebuild`");
    expect(other.stderr).toContain(`run \`uptake store rebuild --store ${own}\``);
    const json = await uptake(['store', 'info', '--store', own, '--config', configFile, '--json']);
    expect([json.code, JSON.parse(json.stdout).sameCleaningConfig]).toEqual([4, false]);
    // (no config file: nothing to compare with, the scheduled runs' may not be the defaults)
    const none = await uptake(['store', 'info', '--store', own, '--json']);
    expect([none.code, JSON.parse(none.stdout).sameCleaningConfig]).toEqual([0, null]);
    const defaults = join(dir, 'defaults.config.json');
    writeFileSync(defaults, '{}');
    const same = await uptake(['store', 'info', '--store', own, '--config', defaults, '--json']);
    expect([same.code, JSON.parse(same.stdout).sameCleaningConfig]).toEqual([0, true]);
  });

  it('a store reached through a symbolic link keeps its log, facts and parsed rows beside the file it links to: runs by either name share them, and a link to a file not made yet makes it there', async () => {
    const real = join(dir, 'elsewhere', 'linked.duckdb');
    mkdirSync(join(dir, 'elsewhere'));
    const link = join(dir, 'link.duckdb');
    symlinkSync(real, link);
    const scratch = await uptake(['metrics', ...SAMPLE]);
    const first = await uptake(['metrics', ...SAMPLE, '--store', link]);
    expect([first.code, first.stdout]).toEqual([0, scratch.stdout]);
    expect([existsSync(real), existsSync(`${real}.rows`), existsSync(`${link}.rows`)]).toEqual([true, true, false]);
    for (const name of [real, link]) {
      const again = await uptake(['metrics', ...SAMPLE, '--store', name]);
      expect([again.code, again.stdout]).toEqual([0, scratch.stdout]);
      expect(again.stderr).toContain(`store ${name}: skipped 16 of 16 log files`);
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('link.duckdb'))).toEqual(['link.duckdb']);
  });

  it('a store path that cannot be a file is exit 12 with one line', async () => {
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const result = await uptake(['metrics', ...SAMPLE, '--store', join(notAFolder, 'store.duckdb')]);
    expect(result.code).toBe(12);
    expect(result.stderr).toContain(`expected to open the store ${join(notAFolder, 'store.duckdb')}`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a store file that DuckDB cannot open (cut short, empty, not DuckDB) is exit 12 naming the way out; store rebuild keeps it aside and gives the same report', async () => {
    const damaged = join(dir, 'damaged', 'store.duckdb');
    expect((await uptake(['metrics', ...SAMPLE, '--store', damaged])).code).toBe(0);
    truncateSync(damaged, 100_000);
    const refused = await uptake(['metrics', ...SAMPLE, '--store', damaged]);
    expect(refused.code).toBe(12);
    expect(refused.stderr).toContain(`uptake: expected to open the store ${damaged} (a DuckDB file), got: IO Error: Could not read enough bytes from file`);
    expect(refused.stderr).toContain(`; if the file is damaged, \`uptake store rebuild --store ${damaged}\` (with this run's --input and --config) keeps it aside and cleans every input file into a new store\n`);
    const rebuilt = await uptake(['store', 'rebuild', '--input', 'data/sample', '--store', damaged]);
    expect(rebuilt.code).toBe(0);
    const aside = readdirSync(join(dir, 'damaged')).filter((name) => name.startsWith('store.duckdb.damaged-'));
    expect(aside).toHaveLength(1);
    expect(statSync(join(dir, 'damaged', aside[0])).size).toBe(100_000);
    expect(rebuilt.stderr).toContain(`store rebuild: ${damaged} could not be opened (IO Error: Could not read enough bytes`);
    expect(rebuilt.stderr).toContain(`kept it as ${join(dir, 'damaged', aside[0])}, and a new store takes its place`);
    const after = await uptake(['metrics', ...SAMPLE, '--store', damaged]);
    expect(after.stdout).toBe((await uptake(['metrics', ...SAMPLE])).stdout);
    writeFileSync(join(dir, 'damaged', 'text.duckdb'), 'not a database at all\n'.repeat(5000));
    const text = await uptake(['metrics', ...SAMPLE, '--store', join(dir, 'damaged', 'text.duckdb')]);
    expect(text.code).toBe(12);
    expect(text.stderr).toContain('is not a valid DuckDB database file');
    expect(text.stderr).not.toMatch(STACK_LINE);
  }, 120_000);

  it('a store file that opens but holds a damaged block is exit 12 naming the store and `uptake store rebuild` once a run reads that block; the rebuild gives the same report', async () => {
    const damaged = join(dir, 'damaged-block', 'store.duckdb');
    const scratch = await uptake(['metrics', ...SAMPLE]);
    expect((await uptake(['metrics', ...SAMPLE, '--store', damaged])).code).toBe(0);
    // the blocks of the stored tasks (a report reads its week's): DuckDB's file header is three 4 KB blocks, then its blocks
    const engine = await openStore(damaged);
    const [{ block_size: blockSize }] = await engine.all('SELECT block_size FROM pragma_database_size()');
    const blocks = await engine.all("SELECT DISTINCT block_id FROM pragma_storage_info('store_tasks') WHERE block_id >= 0");
    await engine.close();
    expect(blocks.length).toBeGreaterThan(0);
    const handle = openSync(damaged, 'r+');
    for (const { block_id: block } of blocks) writeSync(handle, Buffer.alloc(64, 0xa5), 0, 64, 3 * 4096 + Number(block) * Number(blockSize) + 1000);
    closeSync(handle);
    for (const args of [['metrics', ...SAMPLE, '--store', damaged], ['store', 'info', '--store', damaged]]) {
      const refused = await uptake(args);
      if (refused.code === 0) continue;
      expect(refused.code).toBe(12);
      expect(refused.stderr).toContain(`uptake: ${damaged}: expected the store to read back as DuckDB wrote it, but it is damaged: IO Error: Corrupt database file`);
      expect(refused.stderr).toContain(`\`uptake store rebuild --store ${damaged}\` (with this run's --input and --config)`);
      expect(refused.stderr).not.toContain('unexpected failure');
    }
    expect((await uptake(['metrics', ...SAMPLE, '--store', damaged])).code).toBe(12);
    expect((await uptake(['store', 'rebuild', '--input', 'data/sample', '--store', damaged])).code).toBe(0);
    const after = await uptake(['metrics', ...SAMPLE, '--store', damaged]);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(scratch.stdout);
  }, 120_000);

  it('a store, or its write-ahead log, that is a named pipe is exit 12 at once (DuckDB would wait on it forever)', async () => {
    const pipes = join(dir, 'pipes');
    mkdirSync(pipes);
    execFileSync('mkfifo', [join(pipes, 'fifo.duckdb'), join(pipes, 'logged.duckdb.wal')]);
    const asStore = await uptake(['metrics', ...SAMPLE, '--store', join(pipes, 'fifo.duckdb')]);
    expect(asStore.code).toBe(12);
    expect(asStore.stderr).toBe(`uptake: ${join(pipes, 'fifo.duckdb')}: expected the store, a DuckDB file, got a named pipe (FIFO); move it away or name another path\n`);
    const asLog = await uptake(['metrics', ...SAMPLE, '--store', join(pipes, 'logged.duckdb')]);
    expect(asLog.code).toBe(12);
    expect(asLog.stderr).toContain(`${join(pipes, 'logged.duckdb.wal')}: expected the store's write-ahead log, a regular file, got a named pipe (FIFO)`);
  }, 60_000);
});
