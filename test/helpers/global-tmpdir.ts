import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The suite's safety net: every temp folder a test (or a kernel, Chromium or uptake process it starts)
// makes goes into one folder of this run, removed when the run ends. Tests still clean up their own.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'uptake-tests-'));
  // Searchable by other users like the system temp folder, so a test that runs uptake as `nobody` reaches its files.
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
