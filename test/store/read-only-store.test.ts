import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { IS_ROOT, mountSmallDisk, NOT_ROOT_REASON, undoneAfterEach } from '../helpers/special-files.js';

// A store uptake may read but not write: `metrics`, `validate` and `ask` answer from it, opened read-only, when every
// input file is as its ledger has it; new input they would have to write into it stops them (exit 12) naming the
// store, why and what to do, and nothing is written. Root writes whatever the permission bits say: as root the
// reader is the user nobody (the store stays root's, made read-only all the same); as anyone else, the test's user.
const READER = IS_ROOT ? { uid: 65534, gid: 65534 } : undefined;
const SAMPLE = resolve('data/sample');
const WEEK = ['--week', '2026-W47'];
const STACK_LINE = /^\s+at /m;
const { folder, later } = undoneAfterEach('uptake-read-only-store-');
const asReader = (args: string[]) => runCli(args, { as: READER });

// A folder other users may enter (mkdtemp makes it the owner's alone).
function sharedFolder(): string {
  const dir = folder();
  chmodSync(dir, 0o755);
  return dir;
}

// What is in a folder, recursively, with each file's size, mtime and SHA-256: equal before and after means nothing was written.
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const info = statSync(path);
      return info.isDirectory() ? `${name}/ ${info.mtimeMs}` : `${name} ${info.size} ${info.mtimeMs} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    });
}

// A folder and what it holds (the store, its blobs' folder) made read-only: files 0444, folders 0555; writable
// again before the test's cleanup removes it.
function makeReadOnly(dir: string): void {
  const chmodAll = (fileMode: number, folderMode: number) => {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) chmodSync(join(dir, name), statSync(join(dir, name)).isDirectory() ? folderMode : fileMode);
    chmodSync(dir, folderMode);
  };
  chmodAll(0o444, 0o555);
  later(() => chmodAll(0o644, 0o755));
}

// An input folder of links to the sample's files but one, plus a new week's file (a copy, its mtime an hour back: settled).
function landingInput(): string {
  const input = sharedFolder();
  for (const name of readdirSync(SAMPLE).filter((name) => /\.csv(\.gz)?$/.test(name) && name !== 'manual_logs_2026-W40.csv')) symlinkSync(join(SAMPLE, name), join(input, name));
  copyFileSync(join(SAMPLE, 'ai_logs_2026-W47.csv'), join(input, 'ai_logs_2026-W48.csv'));
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(join(input, 'ai_logs_2026-W48.csv'), anHourAgo, anHourAgo);
  return input;
}

const remedy = 'nothing was written: make it writable for this user (the file, its folder, its .rows folder and .wal), or leave out --store (`uptake run`: --no-store) to clean every input file without it';

describe('a store uptake may read but not write', () => {
  let scratch: { metrics: string; validate: Record<string, unknown>; ask: string };
  beforeAll(async () => {
    const quarantine = join(sharedFolder(), 'q.csv');
    const [metrics, validate, ask] = await Promise.all([
      runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json']),
      runCli(['validate', '--input', SAMPLE, '--json', '--quarantine', quarantine]),
      runCli(['ask', 'what was the adoption rate by team last week', '--input', SAMPLE, ...WEEK]),
    ]);
    expect([metrics.code, validate.code, ask.code]).toEqual([0, 0, 0]);
    scratch = { metrics: metrics.stdout, validate: JSON.parse(validate.stdout), ask: ask.stdout };
  });

  it('answers metrics, validate and ask from the store, opened read-only, when every input file is as it last saw them; nothing is written', async () => {
    const dir = sharedFolder();
    const store = join(dir, 'store', 'store.duckdb');
    expect((await runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store])).code).toBe(0);
    makeReadOnly(join(dir, 'store'));
    const before = snapshot(join(dir, 'store'));
    expect(before.some((entry) => entry.startsWith('store.duckdb.rows/'))).toBe(true);
    // (quarantine.csv goes where the reader may write)
    const out = join(dir, 'out');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);

    const metrics = await asReader(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store]);
    expect(metrics.code).toBe(0);
    expect(metrics.stdout).toBe(scratch.metrics);
    const why = `its file ${store} is not writable: permission denied (EACCES)`;
    expect(metrics.stderr.split('\n')[0]).toBe(`store ${store}: read-only (${why}); every input file is as the store last saw it: answering from what it holds, keeping nothing`);
    expect(metrics.stderr).toContain('skipped 16 of 16 log files (unchanged since the last run); 0 to read');

    const validate = await asReader(['validate', '--input', SAMPLE, '--json', '--quarantine', join(out, 'q.csv'), '--store', store]);
    expect(validate.code).toBe(0);
    expect({ ...JSON.parse(validate.stdout), quarantine_file: null }).toEqual({ ...scratch.validate, quarantine_file: null });
    expect(readFileSync(join(out, 'q.csv'), 'utf8').split('\n').length).toBeGreaterThan(1);

    const ask = await asReader(['ask', 'what was the adoption rate by team last week', '--input', SAMPLE, ...WEEK, '--store', store]);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toBe(scratch.ask);

    // another metrics setting: every week's facts computed for the run, none kept
    const config = join(out, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ metrics: { groupBy: ['tool_version'] } }));
    const grouped = await asReader(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--config', config, '--store', store]);
    expect(grouped.code).toBe(0);
    expect(grouped.stderr).toContain('store: facts of 8 weeks to compute');
    expect(grouped.stdout).toBe((await runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--config', config])).stdout);
    expect(Object.keys(JSON.parse(grouped.stdout).tables)).toContain('adoption_by_tool_version');

    // no log, temp folder, blob or ledger change: the store as it was
    expect(snapshot(join(dir, 'store'))).toEqual(before);
  });

  it('new or changed input it would have to write stops metrics, validate and ask with exit 12 naming the store, why and what to do; nothing is written', async () => {
    const dir = sharedFolder();
    const store = join(dir, 'store', 'store.duckdb');
    expect((await runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store])).code).toBe(0);
    makeReadOnly(join(dir, 'store'));
    const before = snapshot(join(dir, 'store'));
    const input = landingInput();
    const expected =
      `uptake: expected to write the store ${store}, but uptake may not write it (its file ${store} is not writable: permission denied (EACCES)), and the changes from ` +
      `1 file new in the input since the store last saw it (ai_logs_2026-W48.csv) and 1 file gone from the input (manual_logs_2026-W40.csv) would have to be written into it; ${remedy}`;
    for (const args of [
      ['metrics', '--input', input, '--json'],
      ['validate', '--input', input, '--json', '--quarantine', '/dev/null'],
      ['ask', 'what was the adoption rate last week', '--input', input],
    ]) {
      const result = await asReader([...args, '--store', store]);
      expect([args[0], result.code, result.stdout]).toEqual([args[0], 12, '']);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(expected);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stderr).not.toMatch(/IO Error|read-only mode/);
    }
    expect(snapshot(join(dir, 'store'))).toEqual(before);
    // without --store, as the message says, it answers
    const without = await asReader(['metrics', '--input', input, '--json']);
    expect(without.code).toBe(0);
  });

  it('a store to be made in a folder it may not write in stops with exit 12 naming the folder, and makes nothing', async () => {
    const dir = sharedFolder();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    makeReadOnly(locked);
    const store = join(locked, 'new', 'store.duckdb');
    const result = await asReader(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store]);
    expect(result.code).toBe(12);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `uptake: expected to write the store ${store}, but uptake may not write it (the folder ${locked}, where it would be made, is not writable: permission denied (EACCES)), and a new store (there is none there yet) would have to be written into it; ${remedy}`,
    );
    expect(existsSync(join(locked, 'new'))).toBe(false);
  });

  it.skipIf(!IS_ROOT)(`a store on a read-only file system answers as root too, and new input stops with EROFS (${NOT_ROOT_REASON})`, async () => {
    const disk = mountSmallDisk(folder(), 'disk', { sizeKb: 32 * 1024 });
    later(disk.unmount);
    const store = join(disk.path, 'store.duckdb');
    expect((await runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store])).code).toBe(0);
    disk.makeReadOnly();
    const before = snapshot(disk.path);
    const metrics = await runCli(['metrics', '--input', SAMPLE, ...WEEK, '--json', '--store', store]);
    expect(metrics.code).toBe(0);
    expect(metrics.stdout).toBe(scratch.metrics);
    const landing = await runCli(['metrics', '--input', landingInput(), '--json', '--store', store]);
    expect(landing.code).toBe(12);
    expect(landing.stderr.trim().split('\n').at(-1)).toContain(`uptake: expected to write the store ${store}, but uptake may not write it (its file ${store} is not writable: read-only file system (EROFS)), and the changes from 1 file new`);
    expect(snapshot(disk.path)).toEqual(before);
  });
});
