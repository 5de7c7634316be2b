import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist/cli/main.js');
const SAMPLE = join(process.cwd(), 'data/sample');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-many-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The sample's last week with its AI export cut into files of 4 rows: 331 log files, more than the 256 file
// descriptors the command is given (an input folder of years of daily exports under `ulimit -n 1024`; Node itself
// holds up to a hundred while it loads modules).
function manyFiles(): string {
  const input = join(dir, 'in');
  cpSync(SAMPLE, input, { recursive: true, filter: (path) => !/_logs_/.test(path) || /W47/.test(path) });
  const [header, ...rows] = readFileSync(join(input, 'ai_logs_2026-W47.csv'), 'utf8').trimEnd().split('\n');
  rmSync(join(input, 'ai_logs_2026-W47.csv'));
  for (let start = 0; start < rows.length; start += 4) {
    writeFileSync(join(input, `ai_logs_2026-W47-part${String(start / 4).padStart(4, '0')}.csv`), `${[header, ...rows.slice(start, start + 4)].join('\n')}\n`);
  }
  // settled long ago: no input-settle wait
  const past = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(input)) utimesSync(join(input, name), past, past);
  return input;
}

const uptake = (args: string[], openFiles?: number) =>
  openFiles === undefined
    ? execa('node', [CLI, ...args], { reject: false })
    : execa('bash', ['-c', `ulimit -n ${openFiles} && exec node "$@"`, 'uptake', CLI, ...args], { reject: false });

describe('an input folder of more log files than the process may hold open', () => {
  it('`uptake metrics --store` reads it (the files are hashed a few at a time) and prints the metrics of a run without a store', async () => {
    const input = manyFiles();
    expect(readdirSync(input).filter((name) => name.startsWith('ai_logs_')).length).toBe(331);
    const scratch = await uptake(['metrics', '--input', input, '--week', 'latest', '--json']);
    expect(scratch.exitCode).toBe(0);
    const store = join(dir, 'store.duckdb');
    const first = await uptake(['metrics', '--input', input, '--week', 'latest', '--json', '--store', store], 256);
    expect(first.stderr).not.toContain('EMFILE');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe(scratch.stdout);
    const again = await uptake(['metrics', '--input', input, '--week', 'latest', '--json', '--store', store], 256);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain('skipped 332 of 332 log files');
    expect(again.stdout).toBe(scratch.stdout);
  }, 120_000);
});
