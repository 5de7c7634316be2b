// The roster fills blank teams per user and month and spells written ones: a roster month that lands late,
// an edited roster file, a conflict added later, or a roster file renamed (input order) changes stored tasks.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER, BASE_FILES, ROSTER_HEADER, STORES, aiRow, csv, landing, taskOf } from './land-in-batches.js';

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: roster changes equal the scratch run`, () => {
    it('a late roster month, a changed team and licence, a team spelling, a conflict added later and its file renamed', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W44.csv': csv(AI_HEADER, [
          // u1: a task starting on Oct 31 23:55 (report zone UTC) and stitched across into November: October's team
          aiRow({ id: 'o1', user: 'u1', type: 'invoice_matching', start: '2026-10-31T23:55:00Z', end: '2026-10-31T23:58:00Z' }),
          aiRow({ id: 'o2', user: 'u1', type: 'invoice_matching', start: '2026-11-01T00:03:00Z', end: '2026-11-01T00:10:00Z' }),
          aiRow({ id: 'o3', user: 'u2', type: 'invoice_matching', start: '2026-10-20T10:00:00Z', end: '2026-10-20T10:10:00Z' }),
        ]),
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          aiRow({ id: 'n1', user: 'u2', type: 'invoice_matching', start: '2026-11-18T10:00:00Z', end: '2026-11-18T10:10:00Z' }),
          aiRow({ id: 'w1', user: 'u3', team: ' finance ops ', type: 'invoice_matching', start: '2026-11-18T11:00:00Z', end: '2026-11-18T11:10:00Z' }),
          aiRow({ id: 'n2', user: 'u4', type: 'invoice_matching', start: '2026-11-19T10:00:00Z', end: '2026-11-19T10:10:00Z' }),
        ]),
      });
      expect(taskOf(data, 'o1')).toMatchObject({ team: null, fragments: 2 });
      expect(taskOf(data, 'o3')).toMatchObject({ team: null });
      expect(taskOf(data, 'n1')).toMatchObject({ team: 'Finance' });
      expect(taskOf(data, 'w1')).toMatchObject({ team: 'finance ops' });
      const filled = data.teamsFilled;

      // October's roster lands late
      ({ data } = await land({ 'user_monthly_summary_2026-10.csv': csv(ROSTER_HEADER, ['u1,Sales,2026-10,UTC,true,4,2', 'u2,Legal,2026-10,UTC,true,4,2']) }));
      expect(taskOf(data, 'o1')).toMatchObject({ team: 'Sales', fragments: 2 });
      expect(taskOf(data, 'o3')).toMatchObject({ team: 'Legal' });
      expect(data.teamsFilled).toBe(filled + 2);

      // November's roster edited: u2 moves to Finance Ops (which also spells u3's written team), u3 loses the licence
      ({ data } = await land({
        'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, ['u1,Finance,2026-11,UTC,true,10,5', 'u2,Finance Ops,2026-11,UTC,true,10,5', 'u3,Finance,2026-11,UTC,false,10,5', 'u4,Finance,2026-11,UTC,true,10,5', 'u5,Finance,2026-11,UTC,true,10,5', 'u6,Finance,2026-11,UTC,true,10,5']),
      }));
      expect(taskOf(data, 'n1')).toMatchObject({ team: 'Finance Ops' });
      expect(taskOf(data, 'o3')).toMatchObject({ team: 'Legal' });
      expect(taskOf(data, 'w1')).toMatchObject({ team: 'Finance Ops' });
      expect((data.roster.objects() as Array<{ user_id: string; month: string; licensed: boolean | null }>).find((row) => row.user_id === 'u3' && row.month === '2026-11')?.licensed).toBe(false);

      // a second November roster file sorting first puts u4 in Legal: a conflict, the first in input order kept
      ({ data } = await land({ 'user_monthly_summary_2026-11-extra.csv': csv(ROSTER_HEADER, ['u4,Legal,2026-11,UTC,true,10,5']) }));
      expect(taskOf(data, 'n2')).toMatchObject({ team: 'Legal' });
      expect(data.rosterConflicts).toEqual([{ user_id: 'u4', month: '2026-11', teams: ['Legal', 'Finance'] }]);

      // the same bytes under a name sorting last: Finance is first now
      ({ data } = await land({ 'user_monthly_summary_2026-11-extra.csv': null, 'user_monthly_summary_2026-11z.csv': csv(ROSTER_HEADER, ['u4,Legal,2026-11,UTC,true,10,5']) }));
      expect(taskOf(data, 'n2')).toMatchObject({ team: 'Finance' });
      expect(data.rosterConflicts).toEqual([{ user_id: 'u4', month: '2026-11', teams: ['Finance', 'Legal'] }]);

      // October's roster removed again: the October task has no team
      ({ data } = await land({ 'user_monthly_summary_2026-10.csv': null, 'user_monthly_summary_2026-11z.csv': null }));
      expect(taskOf(data, 'o1')).toMatchObject({ team: null });
      expect(data.rosterConflicts).toEqual([]);
      expect(data.roster.numRows()).toBe(6);
    });

    it('in a report zone other than UTC, a task starting on Oct 31 local (Nov 1 UTC) takes October\'s team once that roster lands', async () => {
      const newYork = parseConfig({ timezone: 'America/New_York' });
      const { land } = landing(await newStore(), { config: newYork });
      let { data } = await land({
        ...BASE_FILES,
        'ai_logs_2026-W44.csv': csv(AI_HEADER, [
          // Oct 31 23:30 EDT, continued at Nov 1 00:05 EDT: the task starts in October (report zone)
          aiRow({ id: 'o1', user: 'u1', type: 'invoice_matching', start: '2026-11-01T03:30:00Z', end: '2026-11-01T03:58:00Z' }),
          aiRow({ id: 'o2', user: 'u1', type: 'invoice_matching', start: '2026-11-01T04:05:00Z', end: '2026-11-01T04:10:00Z' }),
          // Nov 1 00:30 EDT: November
          aiRow({ id: 'p1', user: 'u2', type: 'invoice_matching', start: '2026-11-01T04:30:00Z', end: '2026-11-01T04:40:00Z' }),
        ]),
      });
      expect(taskOf(data, 'o1')).toMatchObject({ team: null, fragments: 2 });
      expect(taskOf(data, 'p1')).toMatchObject({ team: 'Finance' });
      ({ data } = await land({ 'user_monthly_summary_2026-10.csv': csv(ROSTER_HEADER, ['u1,Sales,2026-10,UTC,true,4,2', 'u2,Legal,2026-10,UTC,true,4,2']) }));
      expect(taskOf(data, 'o1')).toMatchObject({ team: 'Sales', fragments: 2 });
      expect(taskOf(data, 'p1')).toMatchObject({ team: 'Finance' });
    });
  });
}
