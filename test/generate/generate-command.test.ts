import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCompleteWeek, registerGenerate } from '../../src/cli/commands/generate.js';
import { UptakeError } from '../../src/errors.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

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
    const parent = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    dirs.push(parent);
    const out = join(parent, 'set');
    await program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '2', '--seed', '3'], { from: 'user' });
    const names = await readdir(out);
    expect(names).toContain('ai_logs_2026-W47.csv');
    expect(names).toContain('ai_logs_2026-W46.csv');
    expect(names).toContain('README.md');
    const truth = JSON.parse(await readFile(join(out, 'truth.json'), 'utf8'));
    expect(truth.options).toEqual({ users: 12, weeks: 2, seed: 3, end_week: '2026-W47' });
  });

  it('passes the story options on: truth.json records those that differ from their defaults, README.md the command', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    dirs.push(parent);
    const out = join(parent, 'set');
    const story = ['--idle-seats', '1', '--late-starters', '0', '--lapsed', '2', '--small-team', '0', '--harmful-per-week', '2', '--blind-spots', '2', '--no-gap'];
    await program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '2', '--seed', '3', ...story], { from: 'user' });
    const truth = JSON.parse(await readFile(join(out, 'truth.json'), 'utf8'));
    expect(truth.options).toEqual({ users: 12, weeks: 2, seed: 3, end_week: '2026-W47', idleSeats: 1, lateStarters: 0, smallTeam: 0, harmfulPerWeek: 2, gap: false }); // --lapsed 2 and --blind-spots 2 are the defaults
    expect(truth.story.idle_seats).toEqual([{ user_id: 'u013', team: 'Legal' }]);
    expect(truth.story.lapsed.map((user: { user_id: string }) => user.user_id)).toEqual(['u014', 'u015']);
    expect(truth.story.small_team).toBeNull();
    expect(truth.story.gap).toBeNull();
    expect(truth.story.harmful_planted).toHaveLength(4);
    expect(await readFile(join(out, 'README.md'), 'utf8')).toContain(
      'uptake generate --out <dir> --users 12 --weeks 2 --seed 3 --end-week 2026-W47 --idle-seats 1 --late-starters 0 --small-team 0 --harmful-per-week 2 --no-gap`',
    );
    await expect(program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', join(parent, 'other'), '--idle-seats', 'x'], { from: 'user' })).rejects.toThrow(
      '--idle-seats: expected a whole number, got `x`',
    );
  });

  it('refuses a folder with files unless --force, and rejects a bad week', async () => {
    const out = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    dirs.push(out);
    const run = (extra: string[]) =>
      program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '1', ...extra], { from: 'user' });
    await run([]);
    await writeFile(join(out, 'keep.txt'), 'stale');
    await expect(run([])).rejects.toThrow(/new or empty folder.*--force/);
    await expect(run(['--end-week', '2026-W60'])).rejects.toThrow(UptakeError);
    await run(['--force']);
    expect(await readdir(out)).not.toContain('keep.txt');
    expect(await readdir(out)).toContain('.uptake-generated');
    // an ISO week in any case, as every --week reads it
    await run(['--force', '--end-week', ' 2026-w40']);
    expect(await readdir(out)).toContain('ai_logs_2026-W40.csv');
  });

  it('--force never empties a folder the generator did not write', async () => {
    const out = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    dirs.push(out);
    await writeFile(join(out, 'ai_logs_2026-W47.csv'), 'real export');
    const run = program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '1', '--force'], { from: 'user' });
    await expect(run).rejects.toThrow(`--force replaces only a folder written by \`uptake generate\` (it holds .uptake-generated); \`${out}\` has files and no marker, so it is left alone`);
    expect(await readdir(out)).toEqual(['ai_logs_2026-W47.csv']);
    expect(await readFile(join(out, 'ai_logs_2026-W47.csv'), 'utf8')).toBe('real export');
  });

  it('--force accepts a folder generated before the marker existed (its truth.json is the generator\'s)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'uptake-generate-'));
    dirs.push(out);
    await writeFile(join(out, 'truth.json'), await readFile('data/sample/truth.json'));
    await program(new Date('2026-11-24T22:00:00Z')).parseAsync(['generate', '--out', out, '--users', '12', '--weeks', '1', '--force'], { from: 'user' });
    expect(await readdir(out)).toContain('.uptake-generated');
  });
});
