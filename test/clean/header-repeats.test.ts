import { expect, test } from 'vitest';
import { readLogChunk } from '../../src/clean/read-log-file.js';
import { plausibleWindow } from '../../src/clean/quarantine.js';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER } from '../helpers/clean.js';

const options = { zones: new Map(), defaultZone: 'UTC', plausible: plausibleWindow(parseConfig({}).cleaning, Date.UTC(2026, 11, 4)), onProgress() {} };
const row = (index: number) => `e${index},u1,Finance,report,2026-11-16T09:00:00Z,,done,0.5,,prompt ${index}`;
const chunkOf = (lines: string[]) => ({ bytes: Buffer.from(`${lines.join('\n')}\n`), index: 0, newline: '\n' as const, last: true as const });

// A file of one header repeated 1,000,000 times (exports joined with cat) held each repeat's fields and resolved
// each again: 97 MB of text took 1.25 GB and 82 s to read. The repeats of the header in force hold its fields.
test('repeats of the header in force hold its fields once; a header in another order, and rows, read as before', async () => {
  const reordered = AI_HEADER.split(',').reverse().join(',');
  const lines = [AI_HEADER, row(1), AI_HEADER, AI_HEADER, row(2), AI_HEADER, reordered, reordered, row(3).split(',').reverse().join(',')];
  const result = await readLogChunk({ path: 'ai_logs_1.csv', name: 'ai_logs_1.csv', gzip: false, kind: 'ai_logs' }, chunkOf(lines), undefined, options);
  expect(result.repeats.map((repeat) => repeat.line)).toEqual([3, 4, 6, 7, 8]);
  expect(result.repeats[0].fields).toBe(result.firstHeader);
  expect(result.repeats[1].fields).toBe(result.firstHeader);
  expect(result.repeats[2].fields).toBe(result.firstHeader);
  expect(result.repeats[4].fields).toBe(result.repeats[3].fields);
  expect(result.lastHeader).toEqual(reordered.split(','));
  expect([result.rowsRead, result.quarantined, result.rows.length]).toEqual([3, 0, 3]);
});

test('a header with a digit in a column name, repeated, is a quarantined row as before (README: Headers)', async () => {
  const header = `${AI_HEADER},region2`;
  const result = await readLogChunk({ path: 'ai_logs_1.csv', name: 'ai_logs_1.csv', gzip: false, kind: 'ai_logs' }, chunkOf([header, `${row(1)},x`, header]), undefined, options);
  expect([result.repeats, result.rowsRead, result.quarantined]).toEqual([[], 2, 1]);
});
