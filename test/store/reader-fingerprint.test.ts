import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFingerprint, readerPackages } from '../../src/store/clean-slice.js';

// Stored parsed rows are taken back only while the fingerprint of what read them is the same: the reading
// code, the packages that parse text and times, and the runtime's time-zone database.
describe('readerFingerprint', () => {
  it('names the installed version of each package that parses a file (csv-parse exports no package.json)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
    expect(readerPackages()).toEqual(['csv-parse', 'papaparse', 'luxon'].map((name) => [name, lock.packages[`node_modules/${name}`].version]));
  });

  it('is the same for the same build, and a hex SHA-256', async () => {
    const first = await readerFingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await readerFingerprint()).toBe(first);
  });
});
