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
