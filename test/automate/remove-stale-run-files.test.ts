import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleRunFiles } from '../../src/automate/remove-stale-run-files.js';
import { guardedRun, removeDeadRunsLeftovers } from '../../src/automate/guarded-run.js';
import { acquireRunLock } from '../../src/automate/run-lock.js';

let dir: string;
let output: string;
let temp: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-stale-'));
  output = join(dir, 'output');
  temp = join(dir, 'tmp');
  for (const folder of [output, temp]) mkdirSync(folder);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const folder = (path: string) => {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'file'), 'x');
};

describe('removeStaleRunFiles', () => {
  it('removes staging folders, puts back a week left only as its .old copy, and removes temp folders of dead pids only', async () => {
    folder(join(output, '2026-W47'));
    folder(join(output, '.2026-W47.0123456789ab.tmp'));
    folder(join(output, '.2026-W46.0123456789ab.old'));
    folder(join(output, '.uptake'));
    writeFileSync(join(output, '.notes.0123456789ab.tmp'), 'a file, not a staging folder');
    folder(join(temp, 'uptake-kernel-111-AbC123'));
    folder(join(temp, 'uptake-chromium-111-xYz789'));
    folder(join(temp, `uptake-kernel-${process.pid}-Live00`));
    folder(join(temp, 'uptake-kernel-AbC123'));
    const removed = await removeStaleRunFiles(output, { tempDir: temp, isAlive: (pid) => pid === process.pid });
    expect(removed.sort()).toEqual(
      [join(output, '.2026-W46.0123456789ab.old'), join(output, '.2026-W47.0123456789ab.tmp'), join(temp, 'uptake-chromium-111-xYz789'), join(temp, 'uptake-kernel-111-AbC123')].sort(),
    );
    expect(readdirSync(output).sort()).toEqual(['.notes.0123456789ab.tmp', '.uptake', '2026-W46', '2026-W47']);
    expect(existsSync(join(output, '2026-W46', 'file'))).toBe(true);
    expect(readdirSync(temp).sort()).toEqual([`uptake-kernel-${process.pid}-Live00`, 'uptake-kernel-AbC123'].sort());
  });

  it('removes the pid-less folders of older versions once untouched for a day, and no other uptake-* folder', async () => {
    const dayAndMinuteAgo = (Date.now() - 24 * 3_600_000 - 60_000) / 1000;
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    for (const name of ['uptake-kernel-Old001', 'uptake-chromium-Old002', 'uptake-kernelspec-Old003', 'uptake-batches-Old006', 'uptake-tests-Old004', 'uptake-bench-1m-seed1', 'uptake-chromium-New005']) {
      folder(join(temp, name));
      const at = name.includes('New') ? hourAgo : dayAndMinuteAgo;
      utimesSync(join(temp, name), at, at);
    }
    folder(join(temp, 'uptake-kernelspec-222-dead00'));
    const removed = await removeStaleRunFiles(output, { tempDir: temp, isAlive: (pid) => pid === process.pid });
    expect(removed.sort()).toEqual(['uptake-batches-Old006', 'uptake-chromium-Old002', 'uptake-kernel-Old001', 'uptake-kernelspec-222-dead00', 'uptake-kernelspec-Old003'].map((name) => join(temp, name)));
    expect(readdirSync(temp).sort()).toEqual(['uptake-bench-1m-seed1', 'uptake-chromium-New005', 'uptake-tests-Old004']);
  });

  it("takes along the folder of a dead run's Chromium singleton socket in TMPDIR, linked from its profile, and no other", async () => {
    folder(join(temp, 'uptake-chromium-111-xYz789', 'profile'));
    folder(join(temp, 'org.chromium.Chromium.AbCdEf'));
    symlinkSync(join(temp, 'org.chromium.Chromium.AbCdEf', 'SingletonSocket'), join(temp, 'uptake-chromium-111-xYz789', 'profile', 'SingletonSocket'));
    folder(join(temp, `uptake-chromium-${process.pid}-Live00`, 'profile'));
    folder(join(temp, 'org.chromium.Chromium.Live01'));
    symlinkSync(join(temp, 'org.chromium.Chromium.Live01', 'SingletonSocket'), join(temp, `uptake-chromium-${process.pid}-Live00`, 'profile', 'SingletonSocket'));
    folder(join(temp, 'org.chromium.Chromium.Other2'));
    const removed = await removeStaleRunFiles(output, { tempDir: temp, isAlive: (pid) => pid === process.pid });
    expect(removed).toEqual([join(temp, 'uptake-chromium-111-xYz789')]);
    expect(readdirSync(temp).sort()).toEqual(['org.chromium.Chromium.Live01', 'org.chromium.Chromium.Other2', `uptake-chromium-${process.pid}-Live00`]);
  });

  it('runs at the start of every guarded run, under its lock', async () => {
    folder(join(output, '.2026-W47.0123456789ab.tmp'));
    const seen = await guardedRun({ outputDir: output, reason: 'manual' }, async () => readdirSync(output).filter((name) => name.startsWith('.2026')));
    expect(seen.value).toEqual([]);
  });

  it('runs as schedule and watch start, under the lock taken for that moment: a staging folder of a run killed with them does not wait for the next run', async () => {
    folder(join(output, '.2026-W49.30837e5e3f12.tmp'));
    const lines: string[] = [];
    const removed = await removeDeadRunsLeftovers({ outputDir: output, reason: 'schedule', name: 'uptake schedule', log: (line) => lines.push(line) });
    expect(removed).toEqual([join(output, '.2026-W49.30837e5e3f12.tmp')]);
    expect(lines).toEqual([`uptake schedule: removed what dead runs left: ${join(output, '.2026-W49.30837e5e3f12.tmp')}`]);
    expect(readdirSync(output)).toEqual(['.uptake']);
    expect(readdirSync(join(output, '.uptake'))).toEqual([]); // the lock is released
  });

  it('leaves the staging folder of a live run that holds the lock alone', async () => {
    const lock = await acquireRunLock(output, { reason: 'manual' });
    try {
      folder(join(output, '.2026-W49.30837e5e3f12.tmp'));
      expect(await removeDeadRunsLeftovers({ outputDir: output, reason: 'watch', name: 'uptake watch', log: () => {} })).toEqual([]);
      expect(existsSync(join(output, '.2026-W49.30837e5e3f12.tmp'))).toBe(true);
    } finally {
      await lock.release();
    }
  });
});
