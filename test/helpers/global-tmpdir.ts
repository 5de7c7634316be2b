import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The suite's safety net: every temp folder a test (or a kernel, Chromium or uptake process it starts)
// makes goes into one folder of this run, removed when the run ends. Tests still clean up their own.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
