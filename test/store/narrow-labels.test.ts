// A label's canonical form depends on every file's counts: new rows (of other users, even of the other log
// source) relabel stored rows, which regroups their retries and stitches with no new row of their own.
import { describe, expect, it } from 'vitest';
import { AI_HEADER, BASE_FILES, MANUAL_HEADER, MINUTE_MS, STORES, aiRow, csv, landing, manualRow, taskOf, tasksById } from './land-in-batches.js';

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: labels whose canonical form changes equal the scratch run`, () => {
    it('an abbreviation resolves once the longer label lands, follows the more frequent of two candidates as counts flip, and keeps the code-unit order on a tie', async () => {
      const { land } = landing(await newStore());
      const recon = (id: string, user: string, day: string) => aiRow({ id, user, type: 'budget_reconciliation', start: `2026-11-${day}T14:00:00Z`, end: `2026-11-${day}T14:10:00Z` });
      const recst = (id: string, user: string, day: string) => aiRow({ id, user, type: 'budget_reconstruction', start: `2026-11-${day}T15:00:00Z`, end: `2026-11-${day}T15:10:00Z` });
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          recst('t1', 'u3', '16'), recst('t2', 'u3', '17'), recst('t3', 'u3', '18'),
          // u1: an abbreviated row, then 5 min after its end a full one: one task only when both have one label
          aiRow({ id: 's1', user: 'u1', type: 'budget_recon', start: '2026-11-17T10:00:00Z', end: '2026-11-17T10:20:00Z' }),
          aiRow({ id: 's2', user: 'u1', type: 'budget_reconciliation', start: '2026-11-17T10:25:00Z', end: '2026-11-17T10:40:00Z' }),
          // u2: a failed try and a good retry 20 s later with the same prompt: one attempt only when both have one label
          aiRow({ id: 'p1', user: 'u2', type: 'Budget Recon', start: '2026-11-17T11:00:00Z', status: 'error', prompt: 'reconcile Q3' }),
          aiRow({ id: 'p2', user: 'u2', type: 'budget_reconciliation', start: '2026-11-17T11:00:20Z', status: 'success', prompt: 'reconcile Q3' }),
          // u4: a stitched pair under an abbreviation nobody has written out yet
          aiRow({ id: 'a1', user: 'u4', type: 'rev_check', start: '2026-11-18T09:00:00Z', end: '2026-11-18T09:10:00Z' }),
          aiRow({ id: 'a2', user: 'u4', type: 'rev_check', start: '2026-11-18T09:15:00Z', end: '2026-11-18T09:20:00Z' }),
        ]),
      });
      // budget_reconstruction 3 rows, budget_reconciliation 2: the abbreviation takes the more frequent
      expect(taskOf(data, 's1')).toMatchObject({ task_type: 'budget_reconstruction', fragments: 1 });
      expect(taskOf(data, 's2')).toMatchObject({ task_type: 'budget_reconciliation', fragments: 1 });
      expect([tasksById(data).has('p1'), tasksById(data).has('p2')]).toEqual([true, true]);
      expect(taskOf(data, 'a1')).toMatchObject({ task_type: 'rev_check', fragments: 2 });
      expect(data.accounting.ai_logs.retry_duplicates).toBe(0);

      // another user's rows: budget_reconciliation now 5 rows; revenue_checking appears (spelled otherwise)
      ({ data } = await land({
        'ai_logs_2026-W48.csv': csv(AI_HEADER, [recon('n1', 'u5', '24'), recon('n2', 'u5', '25'), recon('n3', 'u5', '26'), aiRow({ id: 'n4', user: 'u6', type: 'Revenue Checking', start: '2026-11-24T12:00:00Z', end: '2026-11-24T12:30:00Z' })]),
      }));
      expect(taskOf(data, 's1')).toMatchObject({ task_type: 'budget_reconciliation', fragments: 2, duration_ms: 35 * MINUTE_MS });
      expect(tasksById(data).has('s2')).toBe(false);
      expect(taskOf(data, 'p2')).toMatchObject({ task_type: 'budget_reconciliation', status: 'completed' });
      expect(tasksById(data).has('p1')).toBe(false);
      expect(data.accounting.ai_logs.retry_duplicates).toBe(1);
      expect(taskOf(data, 'a1')).toMatchObject({ task_type: 'revenue_checking', fragments: 2 });
      expect(data.labelMapping.find((mapping) => mapping.raw === 'budget_recon')).toMatchObject({ canonical: 'budget_reconciliation', via: 'abbreviation' });

      // budget_reconstruction 5 rows too: a tie, the first in code-unit order (reconciliation) stays
      ({ data } = await land({ 'ai_logs_2026-W48b.csv': csv(AI_HEADER, [recst('t4', 'u3', '24'), recst('t5', 'u3', '25')]) }));
      expect(taskOf(data, 's1')).toMatchObject({ task_type: 'budget_reconciliation', fragments: 2 });
      expect(data.accounting.ai_logs.retry_duplicates).toBe(1);

      // a manual task tips it (both sources count): budget_reconstruction 6, and the stored pairs fall apart again
      ({ data } = await land({
        'manual_logs_2026-W48.csv': csv(MANUAL_HEADER, [manualRow({ id: 'm9', user: 'u3', type: 'Budget Reconstruction', start: '2026-11-26T08:00:00Z', end: '2026-11-26T08:40:00Z' })]),
      }));
      expect(taskOf(data, 's1')).toMatchObject({ task_type: 'budget_reconstruction', fragments: 1, duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 's2')).toMatchObject({ task_type: 'budget_reconciliation' });
      expect(taskOf(data, 'p1')).toMatchObject({ task_type: 'budget_reconstruction', status: 'error' });
      expect(data.accounting.ai_logs.retry_duplicates).toBe(0);

      // the file with the long spelling of rev_check removed: a1 is rev_check again
      ({ data } = await land({ 'ai_logs_2026-W48.csv': null }));
      expect(taskOf(data, 'a1')).toMatchObject({ task_type: 'rev_check' });
    });
  });
}
