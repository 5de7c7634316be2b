import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

// Runs the built CLI as a user would (npm test builds dist first).
const help = (...command: string[]) => spawnSync(process.execPath, ['dist/cli/main.js', ...command, '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe('--help names the exit codes a command can end with', () => {
  // every command taking --store can meet a busy, damaged or unwritable store, or one kept under another config
  const commands = help().match(/Commands: (.*)/)![1].match(/(?<=^| )[a-z]+(?= \[options\]| <| \[command\])/g)!;
  const withStore = commands.filter((command) => help(command).includes('--store <'));

  test('the commands that take --store are the ones expected', () => {
    expect(withStore.sort()).toEqual(['ask', 'metrics', 'run', 'serve', 'validate']);
  });

  test.each(['ask', 'metrics', 'serve', 'validate'])('%s --help lists the store\'s exit codes', (command) => {
    const text = help(command);
    for (const code of ['4 a store kept under another contract version or config', '10 another uptake holds the store', '12 the store cannot be opened, is damaged or cannot be written']) {
      expect(text).toContain(code);
    }
  });

  test('run --help lists its lock and its outputs (its store is one of them)', () => {
    expect(help('run')).toContain('10 another run holds the lock; 12 an output cannot be written');
  });

  test.each(['info', 'rebuild'])('store %s --help lists 10: another uptake process has the store open', (command) => {
    expect(help('store', command)).toContain('10 another uptake process has the store open');
  });

  test('watch --help lists 10: a second watcher of one output folder is refused', () => {
    expect(help('watch')).toContain('10 another uptake watch on this host writes to the same output folder');
  });

  test('watch --help lists 12 and status --help 7 and 12, which they end with (a FIFO run log, a notice no channel took)', () => {
    expect(help('watch')).toContain('12 the output folder or its state (run log, lock, ledger) cannot be written or is not a regular file');
    expect(help('status')).toContain('7 --notify and overdue, but the notice reached no channel');
    expect(help('status')).toContain('12 the run log or run lock is not a regular file');
  });
});
