import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { stopGraceSec } from '../../src/cli/stop-signals.js';

const CLI = join(process.cwd(), 'dist/cli/main.js');

// Node fires a timer of more than 2^31 - 1 ms after 1 ms: a wait that long would be no wait at all.
describe('waits given on the command line', () => {
  it('--stop-grace takes up to 2147483 seconds (a timer\'s longest wait) and refuses more', () => {
    expect(stopGraceSec('2147483')).toBe(2147483);
    expect(() => stopGraceSec('2147484')).toThrow('--stop-grace: expected a number of seconds (0 to 2147483), got `2147484`');
  });

  it('`uptake watch --stable-ms` past a timer\'s longest wait is a usage error (exit 2) before anything is watched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uptake-wait-options-'));
    try {
      const result = await execa('node', [CLI, 'watch', dir, '--stable-ms', '3000000000', '--no-deliver'], { reject: false, timeout: 30_000 });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('--stable-ms: expected a whole number of milliseconds (0 to 2147483647), got `3000000000`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('numbers given on the command line are plain decimal', () => {
  it('numberOption takes digits (and a decimal point unless whole) within its range, and refuses hexadecimal, exponents, Infinity, blanks and words', async () => {
    const { numberOption } = await import('../../src/cli/number-option.js');
    const port = (value: string) => numberOption(value, '--port', 'a whole number from 0 to 65535', { whole: true, max: 65535 });
    expect([port('8787'), port(' 0 '), port('65535')]).toEqual([8787, 0, 65535]);
    for (const value of ['0x50', '1e3', '80.0', '-1', '65536', 'Infinity', '', 'eighty']) expect(() => port(value)).toThrow(`--port: expected a whole number from 0 to 65535, got \`${value}\``);
    const seconds = (value: string) => numberOption(value, '--timeout', 'a number of seconds', { max: 100 });
    expect([seconds('2.5'), seconds('.5'), seconds('3.')]).toEqual([2.5, 0.5, 3]);
    for (const value of ['0x10', '1e1', 'NaN', '+3', '100.5']) expect(() => seconds(value)).toThrow(`--timeout: expected a number of seconds, got \`${value}\``);
  });

  it('`uptake run --timeout abc` and `uptake serve --port 0x50` are usage errors (exit 2), not a run without a time limit or port 80', async () => {
    const run = await execa('node', [CLI, 'run', '--timeout', 'abc', '--no-deliver'], { reject: false, timeout: 30_000 });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('uptake: --timeout: expected a number of seconds (0 to 2147483; 0: no limit), got `abc`');
    const serve = await execa('node', [CLI, 'serve', '--port', '0x50'], { reject: false, timeout: 30_000 });
    expect(serve.exitCode).toBe(2);
    expect(serve.stderr).toBe('uptake: --port: expected a whole number from 0 to 65535, got `0x50`');
  });
});
