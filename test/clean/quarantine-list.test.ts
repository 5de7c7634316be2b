import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLogFile } from '../../src/clean/read-log-file.js';
import { plausibleWindow } from '../../src/clean/quarantine.js';
import { atFile, partOfRecords, Quarantine, QuarantineBuilder, shiftedPart } from '../../src/clean/quarantine-list.js';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER } from '../helpers/clean.js';
import { csv, inputFolder } from '../helpers/input-folder.js';

const NOW = Date.UTC(2026, 11, 4);

// A file of unreadable rows kept each row as an object with its raw and detail strings: 3,000,000 such rows peaked
// at 2.19 GB where as many good rows took 1.46 GB. What a file's reading keeps of a quarantined row is its codes,
// its line and the UTF-8 bytes of its raw text and detail, and nothing per row besides.
describe('a quarantined row is kept in columns', () => {
  test('a file of unreadable starts keeps, per row, its raw and detail bytes and 28 bytes of columns', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `evt-${index},u${index % 50},Legal,email_triage,not-a-time-${index},,completed,0.9,0,prompt ${index}`);
    const dir = inputFolder({ 'ai_logs_1.csv': csv(AI_HEADER, ...rows) });
    try {
      const result = await readLogFile({ path: join(dir, 'ai_logs_1.csv'), name: 'ai_logs_1.csv', gzip: false, kind: 'ai_logs' }, { zones: new Map(), defaultZone: 'UTC', plausible: plausibleWindow(parseConfig({}).cleaning, NOW), onProgress() {} });
      const part = result.quarantine;
      expect([result.quarantined, part.lines.length, part.files.length, part.reasons]).toEqual([5000, 5000, 1, ['invalid_started_at']]);
      const records = new Quarantine([part]).records();
      const text = records.reduce((sum, record) => sum + Buffer.byteLength(record.raw) + Buffer.byteLength(record.detail), 0);
      expect(part.blocks.reduce((sum, block) => sum + block.byteLength, 0)).toBe(text);
      const columns = [part.fileCodes, part.reasonCodes, part.lines, part.block, part.offset, part.rawBytes, part.detailBytes].reduce((sum, array) => sum + array.byteLength, 0);
      expect(columns).toBe(5000 * 32);
      expect(records[4321]).toEqual({ file: join(dir, 'ai_logs_1.csv'), line: 4323, reason: 'invalid_started_at', raw: rows[4321], detail: 'expected `started_at` to be a timestamp, got `not-a-time-4321`' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('records read back as they were pushed: any text, long raw text, shifted lines, another file name, counts by reason in first-seen order', () => {
    const long = `"${'x,"" '.repeat(400_000)}"`;
    const pushed = [
      { file: 'a.csv', line: 2, reason: 'missing_id', raw: ',u1,Legal,=cmd|x', detail: 'expected a non-empty `event_id`' },
      { file: 'a.csv', line: 3, reason: 'parse_error', raw: long, detail: 'a quote never closed' },
      { file: 'a.csv', line: 9, reason: 'missing_id', raw: 'é,漢字,🙂\u0000\r', detail: `got \`${'🙂'.slice(0, 1)}\`` },
      { file: 'b.csv', line: 4, reason: 'invalid_month', raw: '', detail: '' },
    ];
    const built = new QuarantineBuilder();
    for (const record of pushed) built.push(record);
    const part = built.toPart();
    // a lone surrogate (a detail cut inside a pair) is written as UTF-8 writes it, as quarantine.csv always did
    const expected = pushed.map((record) => ({ ...record, detail: Buffer.from(record.detail, 'utf8').toString('utf8') }));
    expect(new Quarantine([part]).records()).toEqual(expected);
    const quarantine = new Quarantine([partOfRecords([{ file: 'r.csv', line: 7, reason: 'invalid_month', raw: 'u1', detail: 'd' }]), shiftedPart(atFile(part, 'c.csv'), 100)]);
    expect(quarantine.length).toBe(5);
    expect([...quarantine].map((record) => [record.file, record.line, record.reason])).toEqual([
      ['r.csv', 7, 'invalid_month'], ['c.csv', 102, 'missing_id'], ['c.csv', 103, 'parse_error'], ['c.csv', 109, 'missing_id'], ['c.csv', 104, 'invalid_month'],
    ]);
    expect(Object.entries(quarantine.countByReason())).toEqual([['invalid_month', 2], ['missing_id', 2], ['parse_error', 1]]);
  });
});
