import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { packageVersion } from '../../src/util/package-version.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const installed = (name: string) => (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

describe('packageVersion (the manifest\'s versions)', () => {
  // vega and vega-lite list no ./package.json in their `exports`: require.resolve('vega/package.json') throws,
  // and the manifest said "vega": null, "vega-lite": null
  test.each(['vega', 'vega-lite', 'arquero', 'puppeteer-core', 'tslab'])('%s: the installed version', (name) => {
    expect(packageVersion(name, ROOT)).toBe(installed(name));
  });

  test('vega-lite is 6.4.x, as package.json pins it', () => {
    expect(packageVersion('vega-lite', ROOT)).toMatch(/^6\.4\./);
  });

  test('a package that is not installed has no version', () => {
    expect(packageVersion('no-such-package-uptake-test', ROOT)).toBeNull();
  });
});
