// The same id arriving again in a new file: the new copy meets the stored one, which may lie weeks back, and
// the kept copy (most complete, then first in input order: a new file may sort before the stored ones) moves
// the task, its chain and its week.
import { describe, expect, it } from 'vitest';
import { AI_HEADER, BASE_FILES, MANUAL_HEADER, MINUTE_MS, STORES, aiRow, csv, landing, manualRow, taskOf, tasksById } from './land-in-batches.js';

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: ids arriving again equal the scratch run`, () => {
    it('identical copies, disagreeing copies (start hours apart, status, harmful only in the new copy), a copy of a row weeks old, an id shared by two users', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W40.csv': csv(AI_HEADER, [aiRow({ id: 'o1', user: 'u5', team: 'Finance', type: 'invoice_matching', start: '2026-10-01T10:00:00Z', end: '2026-10-01T10:30:00Z', accuracy: '' })]),
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          aiRow({ id: 'd1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', end: '2026-11-18T10:10:00Z' }),
          aiRow({ id: 'd2', user: 'u2', type: 'invoice_matching', start: '2026-11-18T11:00:00Z', end: '2026-11-18T11:20:00Z', accuracy: '' }),
          aiRow({ id: 'd3', user: 'u3', type: 'invoice_matching', start: '2026-11-18T12:00:00Z', end: '2026-11-18T12:15:00Z' }),
          aiRow({ id: 'd4', user: 'u4', type: 'invoice_matching', start: '2026-11-19T09:00:00Z', end: '2026-11-19T09:20:00Z' }),
          aiRow({ id: 'd4b', user: 'u4', type: 'invoice_matching', start: '2026-11-19T09:25:00Z', end: '2026-11-19T09:30:00Z' }),
          aiRow({ id: 's1', user: 'u1', type: 'report_drafting', start: '2026-11-20T10:00:00Z', end: '2026-11-20T10:05:00Z' }),
          // u4 continues a task of the same type 3 min after s1's end: s1 joins it once s1 is u4's
          aiRow({ id: 's1n', user: 'u4', type: 'report_drafting', start: '2026-11-20T10:08:00Z', end: '2026-11-20T10:15:00Z' }),
        ]),
      });
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 8, exact_duplicates: 0, conflicting_duplicates: 0, tasks: 7 });
      expect(taskOf(data, 'd4')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS });

      // a new file sorting after the stored ones
      ({ data } = await land({
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [
          aiRow({ id: 'd1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', end: '2026-11-18T10:10:00Z' }),
          // more complete than the stored copy: kept, though later in input order
          aiRow({ id: 'd2', user: 'u2', type: 'invoice_matching', start: '2026-11-18T11:00:00Z', end: '2026-11-18T11:20:00Z', status: 'error', accuracy: '0.8' }),
          aiRow({ id: 'd3', user: 'u3', type: 'invoice_matching', start: '2026-11-18T12:00:00Z', end: '2026-11-18T12:15:00Z', harmful: 'true' }),
          aiRow({ id: 'o1', user: 'u5', team: 'Finance', type: 'invoice_matching', start: '2026-10-01T10:00:00Z', end: '2026-10-01T10:30:00Z', accuracy: '' }),
          aiRow({ id: 's1', user: 'u2', type: 'report_drafting', start: '2026-11-20T10:00:00Z', end: '2026-11-20T10:05:00Z' }),
        ]),
      }));
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 13, exact_duplicates: 5, conflicting_duplicates: 3, tasks: 7 });
      expect(taskOf(data, 'd2')).toMatchObject({ status: 'error', accuracy: 0.8 });
      expect(taskOf(data, 'd3')).toMatchObject({ status: 'completed', harmful: true });
      expect(taskOf(data, 's1')).toMatchObject({ user_id: 'u1' });
      expect(taskOf(data, 'o1')).toMatchObject({ started_at: Date.parse('2026-10-01T10:00:00Z') });

      // a new file sorting before the stored week: its copies win the ties, and a more complete copy of the old row moves it to the report week
      ({ data } = await land({
        'ai_logs_2026-W47-early.csv': csv(AI_HEADER, [
          aiRow({ id: 'd4', user: 'u4', type: 'invoice_matching', start: '2026-11-19T13:00:00Z', end: '2026-11-19T13:20:00Z' }),
          aiRow({ id: 's1', user: 'u4', type: 'report_drafting', start: '2026-11-20T10:00:00Z', end: '2026-11-20T10:05:00Z' }),
          aiRow({ id: 'o1', user: 'u5', team: 'Finance', type: 'invoice_matching', start: '2026-11-24T10:00:00Z', end: '2026-11-24T10:30:00Z', accuracy: '0.6' }),
        ]),
      }));
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 16, exact_duplicates: 8, conflicting_duplicates: 5, tasks: 7 });
      expect(taskOf(data, 'd4')).toMatchObject({ started_at: Date.parse('2026-11-19T13:00:00Z'), fragments: 1, duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 'd4b')).toMatchObject({ fragments: 1, duration_ms: 5 * MINUTE_MS });
      expect(taskOf(data, 's1')).toMatchObject({ user_id: 'u4', fragments: 2, duration_ms: 12 * MINUTE_MS });
      expect(tasksById(data).has('s1n')).toBe(false);
      expect(taskOf(data, 'o1')).toMatchObject({ started_at: Date.parse('2026-11-24T10:00:00Z'), accuracy: 0.6 });

      // that file removed again: the stored copies are kept as before
      ({ data } = await land({ 'ai_logs_2026-W47-early.csv': null }));
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 13, exact_duplicates: 5, conflicting_duplicates: 3, tasks: 7 });
      expect(taskOf(data, 'd4')).toMatchObject({ fragments: 2 });
      expect(tasksById(data).has('d4b')).toBe(false);
      expect(taskOf(data, 's1n')).toMatchObject({ fragments: 1 });
    });

    it('a more complete copy of a stored row gives it an end, so that another stored row continues it', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W46.csv': csv(AI_HEADER, [aiRow({ id: 'e1', user: 'u1', type: 'invoice_matching', start: '2026-11-10T10:00:00Z', accuracy: '', harmful: '', prompt: '' })]),
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [aiRow({ id: 'e2', user: 'u1', type: 'invoice_matching', start: '2026-11-10T10:25:00Z', end: '2026-11-10T10:30:00Z' })]),
      });
      expect(taskOf(data, 'e1')).toMatchObject({ fragments: 1, duration_ms: null });
      expect(taskOf(data, 'e2')).toMatchObject({ fragments: 1 });

      // the same id with a duration (one field more), in another dialect, later in the input
      ({ data } = await land({ 'ai_logs_2026-W49.csv': csv('id,user,task,timestamp,duration_min,status', ['e1,u1,invoice_matching,2026-11-10T10:00:00Z,20,success']) }));
      expect(taskOf(data, 'e1')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS });
      expect(tasksById(data).has('e2')).toBe(false);
      expect(data.accounting.ai_logs).toMatchObject({ exact_duplicates: 1, conflicting_duplicates: 0 });

      // and gone again with that file
      ({ data } = await land({ 'ai_logs_2026-W49.csv': null }));
      expect(taskOf(data, 'e2')).toMatchObject({ fragments: 1 });
    });

    it('manual logs: copies across files, unknown and too long durations settled by a later or an earlier file', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [aiRow({ id: 'a1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', end: '2026-11-18T10:10:00Z' })]),
        'manual_logs_2026-W47.csv': csv(MANUAL_HEADER, [
          manualRow({ id: 'm1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T09:00:00Z', end: '2026-11-18T09:45:00Z' }),
          manualRow({ id: 'm2', user: 'u2', type: 'invoice_matching', start: '2026-11-18T10:00:00Z' }),
          manualRow({ id: 'm3', user: 'u3', type: 'invoice_matching', start: '2026-11-18T08:00:00Z', end: '2026-11-18T17:30:00Z' }),
        ]),
      });
      expect(taskOf(data, 'manual:m2')).toMatchObject({ duration_ms: null });
      expect(taskOf(data, 'manual:m3')).toMatchObject({ duration_ms: null });
      expect(data.durationsDropped).toEqual({ unknown: 1, too_long: 1 });

      ({ data } = await land({
        'manual_logs_2026-W48.csv': csv(MANUAL_HEADER, [
          manualRow({ id: 'm1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T09:00:00Z', end: '2026-11-18T09:45:00Z' }),
          manualRow({ id: 'm2', user: 'u2', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', end: '2026-11-18T10:20:00Z' }),
          manualRow({ id: 'm3', user: 'u3', type: 'invoice_matching', start: '2026-11-18T08:00:00Z', end: '2026-11-18T08:30:00Z' }),
          manualRow({ id: 'm4', user: 'u4', type: 'invoice_matching', start: '2026-11-25T08:00:00Z', end: '2026-11-25T08:30:00Z' }),
        ]),
      }));
      expect(data.accounting.manual_logs).toMatchObject({ rows_read: 9, exact_duplicates: 3, conflicting_duplicates: 1, tasks: 6 });
      expect(taskOf(data, 'manual:m2')).toMatchObject({ duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 'manual:m3')).toMatchObject({ duration_ms: null });
      expect(data.durationsDropped).toEqual({ unknown: 0, too_long: 1 });

      ({ data } = await land({
        'manual_logs_2026-W46.csv': csv(MANUAL_HEADER, [manualRow({ id: 'm3', user: 'u3', type: 'invoice_matching', start: '2026-11-18T08:00:00Z', end: '2026-11-18T08:30:00Z' })]),
      }));
      expect(data.accounting.manual_logs).toMatchObject({ rows_read: 10, exact_duplicates: 4, conflicting_duplicates: 1, tasks: 6 });
      expect(taskOf(data, 'manual:m3')).toMatchObject({ duration_ms: 30 * MINUTE_MS });
      expect(data.durationsDropped).toEqual({ unknown: 0, too_long: 0 });
    });
  });
}
