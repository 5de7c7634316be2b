import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, type Option } from 'commander';
import { registrations } from '../../src/cli/commands/index.js';
import { rejectBlankValues } from '../../src/cli/reject-blank-values.js';
import { UptakeError } from '../../src/errors.js';
import { csv, inputFolder } from '../helpers/input-folder.js';
import { tempFolder } from '../helpers/special-files.js';
import { runCli } from '../helpers/run-cli.js';


// The built CLI as cron runs it, from a folder of its own.
const uptake = (args: string[], cwd: string) => runCli(args, { cwd });

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function program(): Command {
  const root = new Command('uptake').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  for (const register of registrations) register(root);
  rejectBlankValues(root);
  return root;
}

// Every command path with its value options: `run`, `kernel install`, ...
function valueOptions(command: Command, path: string[] = []): Array<{ path: string[]; option: Option }> {
  const own = (command.options as Option[]).filter((option) => option.required || option.optional).map((option) => ({ path, option }));
  return [...own, ...command.commands.flatMap((sub) => valueOptions(sub, [...path, sub.name()]))];
}

describe('an empty or blank option value is refused, naming the option', () => {
  test('every value option of every command refuses "" and "  " with a usage error before its command runs', async () => {
    const options = valueOptions(program());
    // Sanity: the commands' path options are all there (a registration that moved would pass vacuously).
    expect(options.map(({ path, option }) => `${path.join(' ')} ${option.long}`)).toEqual(
      expect.arrayContaining(['metrics --input', 'run --out', 'validate --quarantine', 'execute --out', 'watch --ledger', 'store info --store', 'generate --out', 'doctor --out']),
    );
    for (const { path, option } of options) {
      for (const value of ['', '  ']) {
        const failure = await program()
          .parseAsync(['node', 'uptake', ...path, option.long!, value])
          .then(() => null, (error: unknown) => error);
        expect(failure, `${path.join(' ')} ${option.long} '${value}'`).toBeInstanceOf(UptakeError);
        expect((failure as UptakeError).exitCode).toBe(2);
        expect((failure as UptakeError).message).toMatch(new RegExp(`^expected ${option.long} to .+, got (an empty value|only white space \\("  "\\))$`));
      }
    }
  });

  test('arguments too: `watch ""` and `execute ""`', async () => {
    for (const path of [['watch'], ['execute'], ['ask']]) {
      const failure = await program().parseAsync(['node', 'uptake', ...path, '']).then(() => null, (error: unknown) => error);
      expect(failure).toBeInstanceOf(UptakeError);
      expect((failure as UptakeError).message).toMatch(/^expected (DIR|NOTEBOOK|QUESTION) to .+, got an empty value$/);
    }
  });

  test('a value option keeps its own parsing once the value is not blank', async () => {
    const root = program();
    const generate = root.commands.find((command) => command.name() === 'generate')!;
    generate.action(() => {});
    await root.parseAsync(['node', 'uptake', 'generate', '--out', 'x', '--users', '12']);
    expect(generate.opts().users).toBe(12);
    const failure = await program().parseAsync(['node', 'uptake', 'generate', '--out', 'x', '--users', 'twelve']).then(() => null, (error: unknown) => error);
    expect((failure as Error).message).toBe('--users: expected a whole number, got `twelve`');
  });

  test('the built CLI: an unset variable in a cron line is exit 2, never the sample data nor the current folder', async () => {
    const { dir, remove } = tempFolder('uptake-blank-');
    cleanups.push(remove);
    const input = inputFolder({ 'ai_logs_2026-W47.csv': csv('event_id,user_id,team,task_type,started_at,duration_sec,status', 'e1,u1,Finance,invoice_matching,2026-11-17T09:00:00Z,60,success') });
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    const metrics = await uptake(['metrics', '--input', '', '--json'], cwd);
    expect(metrics).toEqual({ code: 2, stdout: '', stderr: 'uptake: expected --input to name a folder, got an empty value\n' });
    const run = await uptake(['run', '--input', input, '--out', '', '--no-deliver'], cwd);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'uptake: expected --out to name a folder, got an empty value\n' });
    const validate = await uptake(['validate', '--input', input, '--quarantine', ''], cwd);
    expect(validate).toEqual({ code: 2, stdout: '', stderr: 'uptake: expected --quarantine to name a file, got an empty value\n' });
    expect(readdirSync(cwd)).toEqual([]);
  });
});
