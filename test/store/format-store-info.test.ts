import { expect, it } from 'vitest';
import { formatStoreInfo } from '../../src/store/format-store-info.js';
import type { StoreInfo } from '../../src/store/store-info.js';

const EMPTY: StoreInfo = { store: 's.duckdb', engine: 'duckdb', weeks: null, tasks: 0, quarantined: 0, files: {}, sizeBytes: 0, contract: null, lastRunAt: null, sameCleaningConfig: null };

it('a store without weeks says why: no input file kept (a new store, or a rebuild that did not finish), or every kept row quarantined', () => {
  // (a rebuild killed or stopped by a file it could not read leaves the store emptied: it had said no run had used it)
  expect(formatStoreInfo(EMPTY).split('\n')[1]).toBe('weeks: none (no input file kept: a new store, or one an earlier uptake emptied to clean every file again, stopped before its first batch)');
  const quarantined = { ...EMPTY, quarantined: 12, files: { ai_logs: { files: 1, rows: 8 }, manual_logs: { files: 1, rows: 4 } } };
  expect(formatStoreInfo(quarantined).split('\n')[1]).toBe('weeks: none (every row of the kept log files was quarantined)');
  const kept = { ...quarantined, weeks: { first: '2026-W46', last: '2026-W47', count: 2 } };
  expect(formatStoreInfo(kept).split('\n')[1]).toBe('weeks: 2, 2026-W46 to 2026-W47');
});
