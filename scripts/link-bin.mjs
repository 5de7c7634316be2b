// Links node_modules/.bin/uptake to the built CLI. npm links the bins of dependencies only, not the
// project's own: with this link, the templates (cron, systemd) put node_modules/.bin on PATH and run
// `uptake` directly, and `npx uptake` finds it at once (package.json names no bin of its own: with one,
// npx reads the whole tree and runs `prepare` on every call).
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'cli', 'main.js');
const bin = join(root, 'node_modules', '.bin', 'uptake');
if (existsSync(target) && existsSync(join(root, 'node_modules'))) {
  chmodSync(target, 0o755);
  mkdirSync(dirname(bin), { recursive: true });
  rmSync(bin, { force: true });
  symlinkSync(relative(dirname(bin), target), bin);
}
