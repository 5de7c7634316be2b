import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, registerGenerate } from '../../src/cli/commands/generate.js';
import { UptakeError } from '../../src/errors.js';

function program(now: Date): Command {
  const root = new Command('uptake').exitOverride();
  registerGenerate(root, { now: () => now });
  return root;
}

describe('uptake generate', () => {
  it('defaults the end week to the last complete ISO week before now', () => {
    expect(lastCompleteWeek(new Date('2026-11-24T22:00:00Z'))).toBe('2026-W47');
    // a Sunday evening: its week is not complete yet
    expect(lastCompleteWeek(new Date('2026-11-22T23:59:00Z'))).toBe('2026-W46');
  });

  it('writes the files, truth.json and README.md, using the injected clock', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'uptake-generate-')), 'set');
    await program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '2', '--seed', '3'], { from: 'user' });
    const names = await readdir(out);
    expect(names).toContain('ai_logs_2026-W47.csv');
    expect(names).toContain('ai_logs_2026-W46.csv');
    expect(names).toContain('README.md');
    const truth = JSON.parse(await readFile(join(out, 'truth.json'), 'utf8'));
    expect(truth.options).toEqual({ users: 12, weeks: 2, seed: 3, end_week: '2026-W47' });
  });

  it('refuses a folder with files unless --force, and rejects a bad week', async () => {
    const out = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    await writeFile(join(out, 'keep.txt'), 'mine');
    const run = (extra: string[]) =>
      program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '1', ...extra], { from: 'user' });
    await expect(run([])).rejects.toThrow(/new or empty folder.*--force/);
    await expect(run(['--end-week', '2026-W60'])).rejects.toThrow(UptakeError);
    await run(['--force']);
    expect(await readdir(out)).not.toContain('keep.txt');
  });
});
