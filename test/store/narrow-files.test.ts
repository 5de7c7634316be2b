// Files that change under the store: an old file edited (a status, a row removed), a file removed and
// restored, a file renamed (same bytes; its place in the input order, hence every tie-break, moves), a file
// split in two, a late file of a week long stored.
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AI_HEADER, BASE_FILES, MINUTE_MS, NOW, STORES, aiRow, csv, landing, taskOf, tasksById } from './land-in-batches.js';

const DAY_MS = 86_400_000;

const W46 = {
  y1: aiRow({ id: 'y1', user: 'u1', type: 'invoice_matching', start: '2026-11-15T23:59:50Z', status: 'error', prompt: 'match' }),
  c1: aiRow({ id: 'c1', user: 'u2', type: 'report_drafting', start: '2026-11-12T10:00:00Z', end: '2026-11-12T10:20:00Z' }),
  c2: aiRow({ id: 'c2', user: 'u2', type: 'report_drafting', start: '2026-11-12T10:25:00Z', end: '2026-11-12T10:30:00Z' }),
  bad: aiRow({ id: 'bad', user: 'u3', type: 'report_drafting', start: '2026-11-12T11:00:00Z', status: 'bogus' }),
  c3: aiRow({ id: 'c3', user: 'u2', type: 'report_drafting', start: '2026-11-12T10:35:00Z', end: '2026-11-12T10:50:00Z' }),
};
const W47 = {
  y2: aiRow({ id: 'y2', user: 'u1', type: 'invoice_matching', start: '2026-11-16T00:00:10Z', status: 'abandoned', prompt: 'match' }),
  z1: aiRow({ id: 'z1', user: 'u3', type: 'contract_review', start: '2026-11-18T09:00:00Z', end: '2026-11-18T09:10:00Z' }),
  q1: aiRow({ id: 'q1', user: 'u4', type: 'contract_review', start: '2026-11-19T09:00:00Z', prompt: 'p' }),
};
const W48 = csv(AI_HEADER, [
  // the same id as W47's z1, six hours later (as complete: the first in input order is kept)
  aiRow({ id: 'z1', user: 'u3', type: 'contract_review', start: '2026-11-18T15:00:00Z', end: '2026-11-18T15:10:00Z' }),
  // a retry of W47's q1 at the same instant with the same status (the first in input order is kept)
  aiRow({ id: 'q2', user: 'u4', type: 'contract_review', start: '2026-11-19T09:00:00Z', prompt: 'p' }),
  aiRow({ id: 't1', user: 'u5', type: 'contract_review', start: '2026-11-24T10:00:00Z', end: '2026-11-24T10:10:00Z' }),
]);

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: edited, removed, renamed, split and late files equal the scratch run`, () => {
    it('each change replaces exactly what the file gave, with the input order of the files as they are now', async () => {
      const { land } = landing(await newStore());
      const w47 = csv(AI_HEADER, [W47.y2, W47.z1, W47.q1]);
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W46.csv': csv(AI_HEADER, [W46.y1, W46.c1, W46.c2, W46.bad, W46.c3]),
        'ai_logs_2026-W47.csv': w47,
        'ai_logs_2026-W48.csv': W48,
      });
      const has = (id: string) => tasksById(data).has(id);
      expect(taskOf(data, 'y2')).toMatchObject({ status: 'abandoned' });
      expect(has('y1')).toBe(false);
      expect(taskOf(data, 'c1')).toMatchObject({ fragments: 3, duration_ms: 40 * MINUTE_MS });
      expect(data.quarantine.records().map((record) => [basename(record.file), record.line])).toEqual([['ai_logs_2026-W46.csv', 5]]);
      expect(taskOf(data, 'z1')).toMatchObject({ started_at: Date.parse('2026-11-18T09:00:00Z') });
      expect([has('q1'), has('q2')]).toEqual([true, false]);

      // the stored file's first row now succeeded (Sunday 23:59:50): it wins the attempt across the boundary
      ({ data } = await land({ 'ai_logs_2026-W46.csv': csv(AI_HEADER, [W46.y1.replace(',error,', ',success,'), W46.c1, W46.c2, W46.bad, W46.c3]) }));
      expect(taskOf(data, 'y1')).toMatchObject({ status: 'completed' });
      expect(has('y2')).toBe(false);

      // the middle of a stored chain deleted: the chain breaks, and the quarantined row moves up a line
      ({ data } = await land({ 'ai_logs_2026-W46.csv': csv(AI_HEADER, [W46.y1.replace(',error,', ',success,'), W46.c1, W46.bad, W46.c3]) }));
      expect(taskOf(data, 'c1')).toMatchObject({ fragments: 1, duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 'c3')).toMatchObject({ fragments: 1 });
      expect(data.quarantine.records().map((record) => [basename(record.file), record.line])).toEqual([['ai_logs_2026-W46.csv', 4]]);

      // W47 removed: W48's copy of z1 and its retry q2 remain
      ({ data } = await land({ 'ai_logs_2026-W47.csv': null }));
      expect(taskOf(data, 'z1')).toMatchObject({ started_at: Date.parse('2026-11-18T15:00:00Z') });
      expect([has('q1'), has('q2'), has('y1')]).toEqual([false, true, true]);
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 7, quarantined: 1, exact_duplicates: 0, retry_duplicates: 0 });

      // W47 back, then W48 renamed to sort first: its copy and its retry win the ties now
      ({ data } = await land({ 'ai_logs_2026-W47.csv': w47 }));
      expect(taskOf(data, 'z1')).toMatchObject({ started_at: Date.parse('2026-11-18T09:00:00Z') });
      ({ data } = await land({ 'ai_logs_2026-W48.csv': null, 'ai_logs_2026-W40-resent.csv': W48 }));
      expect(taskOf(data, 'z1')).toMatchObject({ started_at: Date.parse('2026-11-18T15:00:00Z') });
      expect([has('q1'), has('q2')]).toEqual([false, true]);
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 10, exact_duplicates: 1, conflicting_duplicates: 1, retry_duplicates: 2 });

      // W47's rows split into two files at the same place in the input order: the same tasks
      const before = JSON.stringify(data.tasks.objects());
      ({ data } = await land({ 'ai_logs_2026-W47.csv': null, 'ai_logs_2026-W47a.csv': csv(AI_HEADER, [W47.y2]), 'ai_logs_2026-W47b.csv': csv(AI_HEADER, [W47.z1, W47.q1]) }));
      expect(JSON.stringify(data.tasks.objects())).toBe(before);
      expect(data.files.map((file) => basename(file.file)).filter((name) => name.startsWith('ai_logs'))).toEqual(['ai_logs_2026-W40-resent.csv', 'ai_logs_2026-W46.csv', 'ai_logs_2026-W47a.csv', 'ai_logs_2026-W47b.csv']);

      // a late file of week 46, landing last: a row between the broken chain's two parts joins them again
      ({ data } = await land({ 'ai_logs_2026-W46-late.csv': csv(AI_HEADER, [aiRow({ id: 'r9', user: 'u2', type: 'report_drafting', start: '2026-11-12T10:22:00Z', end: '2026-11-12T10:28:00Z' })]) }));
      expect(taskOf(data, 'c1')).toMatchObject({ fragments: 3, duration_ms: 41 * MINUTE_MS });
      expect(has('r9') || has('c3')).toBe(false);
    });

    it('rows past the clock become plausible as it moves on and continue a row of another stored file', async () => {
      const { land } = landing(await newStore());
      const later = NOW + 2 * DAY_MS;
      // NOW is Nov 30 12:00: f0 starts before Dec 1 12:00 (plausible) and ends after (unreadable until later); f1 starts after
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W49a.csv': csv(AI_HEADER, [aiRow({ id: 'f0', user: 'u1', type: 'invoice_matching', start: '2026-12-01T11:50:00Z', end: '2026-12-01T12:05:00Z' })]),
        'ai_logs_2026-W49b.csv': csv(AI_HEADER, [aiRow({ id: 'f1', user: 'u1', type: 'invoice_matching', start: '2026-12-01T12:10:00Z', end: '2026-12-01T12:20:00Z', status: 'error' })]),
        // implausible at every clock (a start before cleaning.earliest, ends that cannot be read): never read again
        'ai_logs_2026-W47-old.csv': csv(AI_HEADER, [
          aiRow({ id: 'o1', user: 'u2', type: 'invoice_matching', start: '1999-11-17T09:00:00Z' }),
          aiRow({ id: 'o2', user: 'u2', type: 'invoice_matching', start: '2026-11-17T09:00:00Z', end: '1970-01-01T00:00:00Z' }),
          aiRow({ id: 'o3', user: 'u2', type: 'invoice_matching', start: '2026-11-17T10:00:00Z', end: 'soon' }),
        ]),
      });
      expect(taskOf(data, 'f0')).toMatchObject({ duration_ms: null, fragments: 1 });
      expect(data.quarantine.records().map((record) => [basename(record.file), record.reason])).toEqual([['ai_logs_2026-W47-old.csv', 'implausible_started_at'], ['ai_logs_2026-W49b.csv', 'implausible_started_at']]);
      ({ data } = await land({}, { clock: later, rereads: 2 }));
      expect(taskOf(data, 'f0')).toMatchObject({ duration_ms: 25 * MINUTE_MS, fragments: 2, status: 'error' });
      expect(data.quarantine.records().map((record) => record.detail)).toEqual(['expected `started_at` at or after 2000-01-01T00:00:00.000Z (cleaning.earliest), got `1999-11-17T09:00:00Z`']);
      expect([taskOf(data, 'o2').duration_ms, taskOf(data, 'o3').duration_ms]).toEqual([null, null]);
      // nothing flagged any more: nothing read
      ({ data } = await land({}, { clock: later }));
      expect(taskOf(data, 'f0')).toMatchObject({ fragments: 2 });
    });

    it('a whole file arriving again under another name, gzipped: every row a duplicate, and the copy carries the rows once the first is gone', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({ ...BASE_FILES, 'ai_logs_2026-W47.csv': csv(AI_HEADER, [W47.y2, W47.z1, W47.q1]), 'ai_logs_2026-W48.csv': W48 });
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 6, exact_duplicates: 1, retry_duplicates: 1, tasks: 4 });
      ({ data } = await land({ 'ai_logs_2026-W48-again.csv.gz': gzipSync(W48) }));
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 9, exact_duplicates: 4, conflicting_duplicates: 1, retry_duplicates: 1, tasks: 4 });
      ({ data } = await land({ 'ai_logs_2026-W47.csv': null, 'ai_logs_2026-W48.csv': null }));
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 3, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, tasks: 3 });
      expect(taskOf(data, 'z1')).toMatchObject({ started_at: Date.parse('2026-11-18T15:00:00Z') });
    });
  });
}
