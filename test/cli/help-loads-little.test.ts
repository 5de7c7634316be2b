import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// `uptake --help` (and `npx uptake --help`) must answer at once: a command's heavy packages (zod for
// the config, DuckDB, Chromium's driver, the notebook kernel) are loaded inside its action, never when
// the command tree is built. A module hook in the real CLI process lists the packages it resolves.
let folder: string;
let hook: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'uptake-help-'));
  const hooks = join(folder, 'hooks.mjs');
  writeFileSync(hooks, `
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const match = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(resolved.url);
  if (match) process.stderr.write('package ' + match[1] + '\\n');
  return resolved;
}
`);
  hook = join(folder, 'register.mjs');
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function packagesLoadedBy(args: string[]): string[] {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, 'dist/cli/main.js', ...args], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return [...new Set(result.stderr.split('\n').filter((line) => line.startsWith('package ')).map((line) => line.slice('package '.length)))].sort();
}

const HEAVY = ['zod', '@duckdb/node-api', 'puppeteer-core', 'arquero', 'vega', 'vega-lite', 'pg', 'exceljs', 'nodemailer', 'croner', 'chokidar', 'zeromq', 'csv-parse', 'execa'];

test.each(['--help', '--version', 'run --help', 'watch --help', 'status --help', 'doctor --help'])(
  '`uptake %s` loads commander and no heavy package',
  (command) => {
    const loaded = packagesLoadedBy(command.split(' '));
    expect(loaded).toContain('commander');
    expect(loaded.filter((name) => HEAVY.includes(name))).toEqual([]);
  },
);

// npx reads the project's whole dependency tree and runs `prepare` (a build) on every call when the
// project's package.json names a bin of its own; without one it finds node_modules/.bin/uptake (linked by
// `npm ci`'s prepare, scripts/link-bin.mjs) and runs it at once. npm's own log shows which path it took.
test('`npx uptake --help` runs the linked bin without reading the tree or building', () => {
  const result = spawnSync('npx', ['--no', '--loglevel', 'silly', 'uptake', '--help'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Usage: uptake');
  expect(result.stderr).not.toMatch(/packumentCache|idealTree|reify|prepare/);
});
