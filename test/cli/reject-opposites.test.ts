import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { rejectOpposites } from '../../src/cli/reject-opposites.js';
import { runCli } from '../helpers/run-cli.js';

// A command with an option and its opposite, as `uptake run` has `--store FILE` and `--no-store`.
function program(seen: Array<string | boolean | undefined>): Command {
  const root = new Command('uptake').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  root
    .command('run')
    .option('--store <file>')
    .option('--no-store')
    .option('--no-deliver')
    .action((options: { store?: string | boolean }) => void seen.push(options.store));
  rejectOpposites(root);
  return root;
}

describe('an option given with its opposite is refused, not settled by the last one', () => {
  test('--store FILE with --no-store, in either order, is a usage error naming both; each alone is taken', async () => {
    for (const args of [['--store', 's.duckdb', '--no-store'], ['--no-store', '--store=s.duckdb']]) {
      const seen: Array<string | boolean | undefined> = [];
      await expect(program(seen).parseAsync(['run', ...args], { from: 'user' })).rejects.toMatchObject({ kind: 'usage', message: 'expected --store or --no-store, got both; give one of them' });
      expect(seen).toEqual([]);
    }
    const seen: Array<string | boolean | undefined> = [];
    await program(seen).parseAsync(['run', '--store', 's.duckdb', '--no-deliver'], { from: 'user' });
    await program(seen).parseAsync(['run', '--no-store'], { from: 'user' });
    await program(seen).parseAsync(['run'], { from: 'user' });
    expect(seen).toEqual(['s.duckdb', false, undefined]);
  });

  test('uptake run --store FILE --no-store exits 2 before anything is read or made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uptake-opposites-'));
    try {
      const store = join(dir, 'store.duckdb');
      const result = await runCli(['run', '--input', 'data/sample', '--out', join(dir, 'out'), '--store', store, '--no-store', '--no-deliver', '--no-warehouse']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('uptake: expected --store or --no-store, got both; give one of them');
      expect([existsSync(store), existsSync(join(dir, 'out'))]).toEqual([false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
