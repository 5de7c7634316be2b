import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_PATHS } from '../../src/render/browser.js';

describe('npm start and npm test look for Chromium where uptake does', () => {
  // ensure-system.mjs left out /usr/bin/google-chrome-stable: with only Chrome installed (a browser uptake
  // prints with), `npm start` stopped asking for the chromium package, or installed it beside Chrome
  const script = readFileSync('scripts/ensure-system.mjs', 'utf8');
  test.each(CHROMIUM_PATHS)('scripts/ensure-system.mjs knows %s', (path) => {
    expect(script).toContain(`'${path}'`);
  });
});
