// Stitch and retry chains that cross the boundary between a stored file and a new one: the new rows must
// meet stored rows that start long before the new file's first row (a chain reaching back days, a long
// session), and a late row may join or split stored chains.
import { describe, expect, it } from 'vitest';
import { AI_HEADER, BASE_FILES, MINUTE_MS, STORES, aiRow, csv, iso, landing, taskOf, tasksById } from './land-in-batches.js';

const MONDAY = Date.parse('2026-11-23T00:00:00Z');
const HOUR_MS = 60 * MINUTE_MS;

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: chains across a file boundary equal the scratch run`, () => {
    it('a stitch from Sunday 23:55 to Monday 00:03 joins the stored row; a chain of rows reaching back days takes the new row too', async () => {
      const { land } = landing(await newStore());
      // u1: one row ending Sunday 23:55; u2: 80 rows of 50 min, 5 min apart, the last ending Sunday 23:55 (3 days back)
      const chain = Array.from({ length: 80 }, (_, index) => {
        const end = MONDAY - 5 * MINUTE_MS - (79 - index) * 55 * MINUTE_MS;
        return aiRow({ id: `c${String(index).padStart(2, '0')}`, user: 'u2', type: 'report_drafting', start: iso(end - 50 * MINUTE_MS), end: iso(end), status: index === 0 ? 'error' : 'success' });
      });
      // u3: 40 rows of 4 min, 6 min apart: under 8 h until the new row lands
      const short = Array.from({ length: 40 }, (_, index) => {
        const end = MONDAY - 5 * MINUTE_MS - (39 - index) * 10 * MINUTE_MS;
        return aiRow({ id: `s${String(index).padStart(2, '0')}`, user: 'u3', type: 'report_drafting', start: iso(end - 4 * MINUTE_MS), end: iso(end), accuracy: '0.5' });
      });
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [aiRow({ id: 'a1', user: 'u1', type: 'invoice_matching', start: '2026-11-22T23:50:00Z', end: '2026-11-22T23:55:00Z' }), ...chain, ...short]),
      });
      expect(taskOf(data, 'a1')).toMatchObject({ duration_ms: 5 * MINUTE_MS, fragments: 1 });
      expect(taskOf(data, 'c00')).toMatchObject({ started_at: MONDAY - 5 * MINUTE_MS - 79 * 55 * MINUTE_MS - 50 * MINUTE_MS, fragments: 80, duration_ms: null });
      expect(taskOf(data, 's00')).toMatchObject({ fragments: 40, duration_ms: 160 * MINUTE_MS, accuracy: 0.5 });

      ({ data } = await land({
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [
          aiRow({ id: 'b1', user: 'u1', type: 'invoice_matching', start: '2026-11-23T00:03:00Z', end: '2026-11-23T00:10:00Z', status: 'abandoned', harmful: 'true' }),
          aiRow({ id: 'b2', user: 'u2', type: 'report_drafting', start: '2026-11-23T00:04:00Z', end: '2026-11-23T00:09:00Z', status: 'abandoned' }),
          aiRow({ id: 'b3', user: 'u3', type: 'report_drafting', start: '2026-11-23T00:00:00Z', end: '2026-11-23T00:20:00Z', accuracy: '0.7' }),
        ]),
      }));
      const tasks = tasksById(data);
      expect(taskOf(data, 'a1')).toMatchObject({ started_at: Date.parse('2026-11-22T23:50:00Z'), duration_ms: 12 * MINUTE_MS, fragments: 2, status: 'abandoned', harmful: true });
      expect(taskOf(data, 'c00')).toMatchObject({ fragments: 81, status: 'abandoned', duration_ms: null });
      expect(taskOf(data, 's00')).toMatchObject({ fragments: 41, duration_ms: 180 * MINUTE_MS, accuracy: 0.7 });
      expect([tasks.has('b1'), tasks.has('b2'), tasks.has('b3')]).toEqual([false, false, false]);
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 124, rows_in_tasks: 124, tasks: 3 });
    });

    it('a retry chain across the boundary keeps the new row when its status is better, and drops it as an echo when it is not', async () => {
      const { land } = landing(await newStore());
      // u1: 60 errors, 25 s apart, the last at Sunday 23:59:50 (the chain reaches back 25 min); u2: one completed row
      const retries = Array.from({ length: 60 }, (_, index) =>
        aiRow({ id: `r${String(index).padStart(2, '0')}`, user: 'u1', type: 'invoice_matching', start: iso(MONDAY - 10_000 - (59 - index) * 25_000), status: 'error', prompt: 'match the invoices' }),
      );
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [...retries, aiRow({ id: 'e1', user: 'u2', type: 'invoice_matching', start: '2026-11-22T23:59:45Z', prompt: 'same words' })]),
      });
      expect(taskOf(data, 'r00')).toMatchObject({ status: 'error', started_at: MONDAY - 10_000 - 59 * 25_000 });
      expect(data.accounting.ai_logs).toMatchObject({ retry_duplicates: 59, tasks: 2 });

      ({ data } = await land({
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [
          aiRow({ id: 'n1', user: 'u1', type: 'invoice_matching', start: '2026-11-23T00:00:15Z', status: 'success', prompt: 'match the invoices' }),
          aiRow({ id: 'n2', user: 'u2', type: 'invoice_matching', start: '2026-11-23T00:00:05Z', status: 'success', prompt: 'same words' }),
        ]),
      }));
      const tasks = tasksById(data);
      expect(taskOf(data, 'n1')).toMatchObject({ status: 'completed', started_at: Date.parse('2026-11-23T00:00:15Z') });
      expect([tasks.has('r00'), tasks.has('n2')]).toEqual([false, false]);
      expect(taskOf(data, 'e1')).toMatchObject({ status: 'completed' });
      expect(data.accounting.ai_logs).toMatchObject({ rows_read: 63, retry_duplicates: 61, tasks: 2 });

      // a third file with a row 31 s after the new one: past the window, its own attempt
      ({ data } = await land({ 'ai_logs_2026-W48b.csv': csv(AI_HEADER, [aiRow({ id: 'n3', user: 'u1', type: 'invoice_matching', start: '2026-11-23T00:00:46Z', status: 'error', prompt: 'match the invoices' })]) }));
      expect(taskOf(data, 'n3')).toMatchObject({ status: 'error' });
      expect(data.accounting.ai_logs).toMatchObject({ retry_duplicates: 61, tasks: 3 });
    });

    it('a late row bridges two stored retry attempts (the window chains), and its removal splits them again', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        // two attempts 50 s apart: the second is the better one
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          aiRow({ id: 'g1', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', status: 'error', prompt: 'again' }),
          aiRow({ id: 'g2', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:50Z', status: 'abandoned', prompt: 'again' }),
        ]),
      });
      expect([taskOf(data, 'g1').status, taskOf(data, 'g2').status]).toEqual(['error', 'abandoned']);
      ({ data } = await land({ 'ai_logs_2026-W49.csv': csv(AI_HEADER, [aiRow({ id: 'g9', user: 'u1', type: 'invoice_matching', start: '2026-11-18T10:00:25Z', status: 'error', prompt: 'again' })]) }));
      expect(taskOf(data, 'g2')).toMatchObject({ status: 'abandoned', started_at: Date.parse('2026-11-18T10:00:50Z') });
      expect([tasksById(data).has('g1'), tasksById(data).has('g9')]).toEqual([false, false]);
      expect(data.accounting.ai_logs).toMatchObject({ retry_duplicates: 2, tasks: 1 });
      ({ data } = await land({ 'ai_logs_2026-W49.csv': null }));
      expect(data.accounting.ai_logs).toMatchObject({ retry_duplicates: 0, tasks: 2 });
    });

    it('a long session: a new row stitches onto a stored row that started ten hours earlier, and the sum passes the 8 h limit', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          // u1 ends Sunday 23:58 after 7 h 58 min; an earlier short row of u1 ends 50 min before it starts
          aiRow({ id: 'l1', user: 'u1', type: 'contract_review', start: '2026-11-22T16:00:00Z', end: '2026-11-22T23:58:00Z' }),
          aiRow({ id: 'l0', user: 'u1', type: 'contract_review', start: '2026-11-22T15:00:00Z', end: '2026-11-22T15:10:00Z' }),
          // u2 ends Sunday 23:58 after 6 h 58 min
          aiRow({ id: 'k1', user: 'u2', type: 'contract_review', start: '2026-11-22T17:00:00Z', end: '2026-11-22T23:58:00Z' }),
        ]),
      });
      expect(taskOf(data, 'l1')).toMatchObject({ duration_ms: 478 * MINUTE_MS, fragments: 1 });

      ({ data } = await land({
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [
          aiRow({ id: 'l2', user: 'u1', type: 'contract_review', start: '2026-11-23T00:05:00Z', end: '2026-11-23T00:10:00Z' }),
          aiRow({ id: 'k2', user: 'u2', type: 'contract_review', start: '2026-11-23T00:05:00Z', end: '2026-11-23T00:20:00Z' }),
        ]),
      }));
      expect(taskOf(data, 'l1')).toMatchObject({ started_at: Date.parse('2026-11-22T16:00:00Z'), fragments: 2, duration_ms: null });
      expect(taskOf(data, 'k1')).toMatchObject({ fragments: 2, duration_ms: 7 * HOUR_MS + 13 * MINUTE_MS });
      expect(taskOf(data, 'l0')).toMatchObject({ fragments: 1, duration_ms: 10 * MINUTE_MS });
      expect(data.durationsDropped).toEqual({ unknown: 0, too_long: 1 });
    });

    it('a late row bridges two stored chains into one task, and another late row splits a stored chain in two', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W46.csv': csv(AI_HEADER, [
          // u1: chain A ends 10:00, chain B starts 10:25: two tasks
          aiRow({ id: 'a1', user: 'u1', type: 'budget_reconciliation', start: '2026-11-14T09:00:00Z', end: '2026-11-14T09:30:00Z' }),
          aiRow({ id: 'a2', user: 'u1', type: 'budget_reconciliation', start: '2026-11-14T09:35:00Z', end: '2026-11-14T10:00:00Z' }),
          aiRow({ id: 'b1', user: 'u1', type: 'budget_reconciliation', start: '2026-11-14T10:25:00Z', end: '2026-11-14T10:40:00Z' }),
          // u2: one chain x1 -> x2 -> x3
          aiRow({ id: 'x1', user: 'u2', type: 'budget_reconciliation', start: '2026-11-14T10:00:00Z', end: '2026-11-14T10:20:00Z' }),
          aiRow({ id: 'x2', user: 'u2', type: 'budget_reconciliation', start: '2026-11-14T10:25:00Z', end: '2026-11-14T10:40:00Z' }),
          aiRow({ id: 'x3', user: 'u2', type: 'budget_reconciliation', start: '2026-11-14T10:45:00Z', end: '2026-11-14T10:50:00Z' }),
        ]),
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [aiRow({ id: 'z1', user: 'u1', type: 'budget_reconciliation', start: '2026-11-24T09:00:00Z', end: '2026-11-24T09:10:00Z' })]),
      });
      expect(taskOf(data, 'a1')).toMatchObject({ fragments: 2, duration_ms: 55 * MINUTE_MS });
      expect(taskOf(data, 'x1')).toMatchObject({ fragments: 3, duration_ms: 40 * MINUTE_MS });

      // a file of late rows, sorting between the stored ones: u1 10:05-10:20 bridges A and B; u2 10:15-10:30 overlaps x1 and x2
      ({ data } = await land({
        'ai_logs_2026-W46-late.csv': csv(AI_HEADER, [
          aiRow({ id: 'y1', user: 'u1', type: 'budget_reconciliation', start: '2026-11-14T10:05:00Z', end: '2026-11-14T10:20:00Z' }),
          aiRow({ id: 'w1', user: 'u2', type: 'budget_reconciliation', start: '2026-11-14T10:15:00Z', end: '2026-11-14T10:30:00Z' }),
        ]),
      }));
      const tasks = tasksById(data);
      expect(taskOf(data, 'a1')).toMatchObject({ fragments: 4, duration_ms: 85 * MINUTE_MS });
      expect(tasks.has('b1')).toBe(false);
      // x1 alone; w1 overlaps x1 (a task of its own); x2 overlaps w1 (a task of its own), and x3 continues x2
      expect(taskOf(data, 'x1')).toMatchObject({ fragments: 1, duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 'w1')).toMatchObject({ fragments: 1 });
      expect(taskOf(data, 'x2')).toMatchObject({ fragments: 2, duration_ms: 20 * MINUTE_MS });

      // the late file removed: the stored chains are as they were
      ({ data } = await land({ 'ai_logs_2026-W46-late.csv': null }));
      expect(taskOf(data, 'a1')).toMatchObject({ fragments: 2, duration_ms: 55 * MINUTE_MS });
      expect(taskOf(data, 'b1')).toMatchObject({ fragments: 1 });
      expect(taskOf(data, 'x1')).toMatchObject({ fragments: 3, duration_ms: 40 * MINUTE_MS });
    });

    it('new files in other dialects (duration instead of end, a percent accuracy, epoch seconds, BOM and CRLF, a drift column) continue stored rows', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          aiRow({ id: 'a1', user: 'u1', type: 'invoice_matching', start: '2026-11-22T23:40:00Z', end: '2026-11-22T23:55:00Z' }),
          aiRow({ id: 'a2', user: 'u2', type: 'invoice_matching', start: '2026-11-22T10:00:00Z', end: '2026-11-22T10:20:00Z' }),
          aiRow({ id: 'a3', user: 'u3', type: 'invoice_matching', start: '2026-11-22T11:00:00Z', end: '2026-11-22T11:20:00Z', accuracy: '0.4' }),
        ]),
      });
      expect(taskOf(data, 'a1')).toMatchObject({ fragments: 1, duration_ms: 15 * MINUTE_MS });
      const epochSeconds = Date.parse('2026-11-22T10:25:00Z') / 1000;
      ({ data } = await land({
        'ai_logs_2026-W48-camel.csv': csv('eventId,userId,team,taskType,startedAt,durationMs,outcome,accuracyPct,harmFlag,prompt,clientOs', [
          `b1,u1,,Invoice Matching,2026-11-23T00:03:00Z,${10 * MINUTE_MS},done,85,no,p,macOS`,
          `b2,u2,,invoice-matching,${epochSeconds},${5 * MINUTE_MS},timeout,,yes,p,linux`,
        ]),
        'ai_logs_2026-W48-title.csv': `\ufeff${['Event ID,User ID,Department,Task Type,Start Time,End Time,Status,Accuracy Score,Is Harmful,Prompt Text,Tool Version', 'c1,u3,finance,INVOICE MATCHING,2026-11-22T11:25:00Z,2026-11-22T11:30:00Z,Failed,,false,p,2.1', ''].join('\r\n')}`,
      }));
      expect(taskOf(data, 'a1')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS, accuracy: 0.85, status: 'completed' });
      expect(taskOf(data, 'a2')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS, status: 'abandoned', harmful: true, accuracy: 0.9 });
      expect(taskOf(data, 'a3')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS, status: 'error', accuracy: 0.4, team: 'Finance' });
      expect(data.tasks.columnNames()).toContain('client_os');
    });
  });
}
