import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardChild } from '../../src/util/guard-child.js';
import { eventually, stillRunning } from '../helpers/uptake-process.js';

// The watchdog is a real process running the source built into guard-child (here as vitest compiles
// it): let go, it kills what it guards and removes the guarded folder, as it does when uptake dies.
let temp: string;
let previousTmp: string | undefined;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'uptake-guard-'));
  previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(temp, { recursive: true, force: true });
});

describe('guardChild', () => {
  it('makes uptake-<kind>-<pid>-* in TMPDIR; let go, kills the adopted process group and removes the folder with the Chromium singleton folder its profile links to', async () => {
    const guard = await guardChild({ kind: 'chromium' });
    expect(guard.dir.startsWith(join(temp, `uptake-chromium-${process.pid}-`))).toBe(true);
    mkdirSync(join(guard.dir, 'profile'));
    mkdirSync(join(temp, 'org.chromium.Chromium.Test01'));
    symlinkSync(join(temp, 'org.chromium.Chromium.Test01', 'SingletonSocket'), join(guard.dir, 'profile', 'SingletonSocket'));
    mkdirSync(join(temp, 'org.chromium.Chromium.Other2'));
    const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    guard.adopt(child.pid!);
    // The message reaches the watchdog before it is let go (one IPC channel, in order).
    guard.release();
    expect(await eventually(() => stillRunning([child.pid!]).length === 0)).toBe(true);
    expect(await eventually(() => !existsSync(guard.dir))).toBe(true);
    expect(readdirSync(temp)).toEqual(['org.chromium.Chromium.Other2']);
  });
});
