// Naive times are local to the row's tz column, else the user's roster zone of the month written in the
// timestamp: new rows at a daylight-saving change stitch onto stored ones, and a roster zone that changes
// or lands late moves stored rows (and the chains they make).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { openStore } from '../../src/store/open-store.js';
import { REREAD } from '../../src/store/store-settings.js';
import { AI_HEADER, BASE_FILES, MANUAL_HEADER, MINUTE_MS, ROSTER_HEADER, STORES, aiRow, csv, landing, manualRow, rosterOf, taskOf } from './land-in-batches.js';

const october = (zones: Array<[user: string, zone: string]>) => csv(ROSTER_HEADER, zones.map(([user, zone]) => `${user},Finance,2026-10,${zone},true,10,5`));
const november = (zoneOfU5: string) =>
  csv(ROSTER_HEADER, ['u1,Finance,2026-11,America/New_York,true,10,5', ...['u2', 'u3', 'u4', 'u6'].map((user) => `${user},Finance,2026-11,UTC,true,10,5`), `u5,Finance,2026-11,${zoneOfU5},true,10,5`]);

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: naive times and daylight saving equal the scratch run`, () => {
    it('rows at a DST change stitch across files (ambiguous: the earlier instant; skipped: forward by the gap), a tz column, a roster zone changed or landing late', async () => {
      const { land } = landing(await newStore());
      let { data } = await land({
        'manual_logs_base.csv': BASE_FILES['manual_logs_base.csv'],
        'user_monthly_summary_2026-10.csv': october([['u1', 'America/New_York'], ['u2', 'Europe/Berlin'], ['u3', 'Australia/Sydney']]),
        'user_monthly_summary_2026-11.csv': november('UTC'),
        'ai_logs_2026-W43.csv': csv(AI_HEADER, [
          // Berlin falls back on Oct 25 at 03:00 CEST: 02:00 is ambiguous (the earlier instant, 00:00Z)
          aiRow({ id: 'b1', user: 'u2', type: 'invoice_matching', start: '2026-10-25 01:40:00', end: '2026-10-25 02:00:00' }),
          // Sydney springs forward on Oct 4 at 02:00 AEST
          aiRow({ id: 's1', user: 'u3', type: 'invoice_matching', start: '2026-10-04 01:50:00', end: '2026-10-04 01:55:00' }),
          // u6 has no October roster row yet: UTC
          aiRow({ id: 'k1', user: 'u6', type: 'invoice_matching', start: '2026-10-10 12:00:00', end: '2026-10-10 12:30:00' }),
        ]),
        // New York falls back on Nov 1 at 02:00 EDT: 01:20 is ambiguous (the earlier instant, 05:20Z)
        'ai_logs_2026-W44.csv': csv(AI_HEADER, [aiRow({ id: 'd1', user: 'u1', type: 'invoice_matching', start: '2026-11-01 01:20:00', end: '2026-11-01 01:28:00' })]),
        'ai_logs_2026-W47.csv': csv(AI_HEADER, [
          aiRow({ id: 't0', user: 'u4', type: 'invoice_matching', start: '2026-11-18T09:40:00Z', end: '2026-11-18T09:55:00Z' }),
          aiRow({ id: 'z0', user: 'u5', type: 'invoice_matching', start: '2026-11-18T08:45:00Z', end: '2026-11-18T08:55:00Z' }),
          aiRow({ id: 'n5', user: 'u5', type: 'invoice_matching', start: '2026-11-18 10:00:00', end: '2026-11-18 10:10:00' }),
        ]),
      });
      expect(taskOf(data, 'd1')).toMatchObject({ started_at: Date.parse('2026-11-01T05:20:00Z'), duration_ms: 8 * MINUTE_MS });
      expect(taskOf(data, 'b1')).toMatchObject({ started_at: Date.parse('2026-10-24T23:40:00Z'), duration_ms: 20 * MINUTE_MS });
      expect(taskOf(data, 's1')).toMatchObject({ started_at: Date.parse('2026-10-03T15:50:00Z') });
      expect(taskOf(data, 'k1')).toMatchObject({ started_at: Date.parse('2026-10-10T12:00:00Z') });
      expect(taskOf(data, 'n5')).toMatchObject({ started_at: Date.parse('2026-11-18T10:00:00Z') });
      expect(taskOf(data, 'z0')).toMatchObject({ fragments: 1 });

      // new files: the other side of each change, and a row whose own tz column says Tokyo
      ({ data } = await land({
        'ai_logs_2026-W45-resend.csv': csv(AI_HEADER, [
          aiRow({ id: 'd2', user: 'u1', type: 'invoice_matching', start: '2026-11-01 01:35:00', end: '2026-11-01 01:50:00' }),
          aiRow({ id: 'b2', user: 'u2', type: 'invoice_matching', start: '2026-10-25 02:05:00', end: '2026-10-25 02:15:00' }),
          // 02:03 does not exist in Sydney on Oct 4: 03:03 AEDT, 16:03Z
          aiRow({ id: 's2', user: 'u3', type: 'invoice_matching', start: '2026-10-04 02:03:00', end: '2026-10-04 03:10:00' }),
        ]),
        'ai_logs_2026-W47-tz.csv': csv(`${AI_HEADER},tz`, [`${aiRow({ id: 't1', user: 'u4', type: 'invoice_matching', start: '2026-11-18 19:00:00', end: '2026-11-18 19:10:00' })},Asia/Tokyo`]),
      }));
      expect(taskOf(data, 'd1')).toMatchObject({ fragments: 2, duration_ms: 23 * MINUTE_MS });
      expect(taskOf(data, 'b1')).toMatchObject({ fragments: 2, duration_ms: 30 * MINUTE_MS });
      expect(taskOf(data, 's1')).toMatchObject({ fragments: 2, duration_ms: 12 * MINUTE_MS });
      expect(taskOf(data, 't0')).toMatchObject({ fragments: 2, duration_ms: 25 * MINUTE_MS });

      // u5 is in Paris in November: the stored naive row moves an hour back and continues z0
      // (read again: the files with naive November times, W44, W45-resend and W47; not W47-tz, whose row names its zone)
      let summary;
      ({ data, summary } = await land({ 'user_monthly_summary_2026-11.csv': november('Europe/Paris') }));
      expect(taskOf(data, 'z0')).toMatchObject({ fragments: 2, duration_ms: 20 * MINUTE_MS });
      expect(summary).toMatchObject({ read: 3, zoneRereads: 3 });

      // u6's October zone lands late: the stored row moves 5 h 30 min back
      // (read again: the files with naive October times, W43 and W45-resend)
      ({ data, summary } = await land({ 'user_monthly_summary_2026-10.csv': october([['u1', 'America/New_York'], ['u2', 'Europe/Berlin'], ['u3', 'Australia/Sydney'], ['u6', 'Asia/Kolkata']]) }));
      expect(taskOf(data, 'k1')).toMatchObject({ started_at: Date.parse('2026-10-10T06:30:00Z') });
      expect(taskOf(data, 'z0')).toMatchObject({ fragments: 2 });
      expect(summary).toMatchObject({ read: 2, zoneRereads: 2 });
    });

    it('a store kept before the zones per month (no zones_months): a roster zone that changes reads every log file again, and the store equals scratch; the next change reads only its month\'s files', async () => {
      const { land, store } = landing(await newStore());
      const roster = (zoneOfU2: string) => csv(ROSTER_HEADER, ['u1', 'u2'].map((user) => `${user},Finance,2026-11,${user === 'u2' ? zoneOfU2 : 'UTC'},true,10,5`));
      await land({
        'manual_logs_base.csv': BASE_FILES['manual_logs_base.csv'],
        'user_monthly_summary_2026-11.csv': roster('UTC'),
        'user_monthly_summary_2026-10.csv': rosterOf('2026-10', ['u1', 'u2']),
        // naive: u2's zone; b1 ends 10 min before b2 starts in UTC, and b2 starts an hour later once u2 is in Paris
        'ai_logs_a.csv': csv(AI_HEADER, [aiRow({ id: 'b1', user: 'u2', type: 'invoice_matching', start: '2026-11-18T09:00:00Z', end: '2026-11-18T09:05:00Z' })]),
        'ai_logs_b.csv': csv(AI_HEADER, [aiRow({ id: 'b2', user: 'u2', type: 'invoice_matching', start: '2026-11-18 10:10:00', end: '2026-11-18 10:20:00' })]),
        'ai_logs_c.csv': csv(AI_HEADER, [aiRow({ id: 'c1', user: 'u1', type: 'invoice_matching', start: '2026-10-14 10:00:00', end: '2026-10-14 10:20:00' })]),
      });
      const engine = await openStore(store);
      await engine.run("DELETE FROM store_meta WHERE key = 'zones_months'").finally(() => engine.close());
      let { data, summary } = await land({ 'user_monthly_summary_2026-11.csv': roster('Europe/Paris') });
      expect(summary).toMatchObject({ read: 4, rereadAll: REREAD.zones });
      // (b2 now starts at 09:10Z, 5 min after b1 ends: one task of two fragments, their durations summed)
      expect(taskOf(data, 'b1')).toMatchObject({ fragments: 2, duration_ms: 15 * MINUTE_MS });
      // kept again: October's zones change, and only c (naive October times) is read again
      ({ data, summary } = await land({ 'user_monthly_summary_2026-10.csv': csv(ROSTER_HEADER, ['u1,Finance,2026-10,Asia/Kolkata,true,10,5', 'u2,Finance,2026-10,UTC,true,10,5']) }));
      expect(summary).toMatchObject({ read: 1, zoneRereads: 1 });
      expect(summary.rereadAll).toBeUndefined();
      expect(taskOf(data, 'c1')).toMatchObject({ started_at: Date.parse('2026-10-14T04:30:00Z') });
    });

    it('a report zone whose offset is not whole quarter hours (Africa/Monrovia, -0:44:30 until 1972): a task in the quarter hour a local midnight cuts refreshes its own week', async () => {
      const monrovia = parseConfig({ timezone: 'Africa/Monrovia', cleaning: { earliest: '1970-01-01' } });
      const { land } = landing(await newStore(), { config: monrovia });
      // Monday 1971-11-15 00:00 in Monrovia is 00:44:30Z: x1 starts 10 s into 1971-W46, in a UTC quarter hour that
      // began in W45
      const x1 = (status: string) => ({ 'ai_logs_x.csv': csv(AI_HEADER, [aiRow({ id: 'x1', user: 'u1', type: 'report', start: '1971-11-15T00:44:40Z', end: '1971-11-15T00:50:00Z', status })]) });
      let { data } = await land({
        'user_monthly_summary_1971-11.csv': rosterOf('1971-11', ['u1', 'u2'], 'Alpha'),
        'ai_logs_a.csv': csv(AI_HEADER, [aiRow({ id: 'a1', user: 'u2', type: 'report', start: '1971-11-09T10:00:00Z', end: '1971-11-09T10:05:00Z' }), aiRow({ id: 'a2', user: 'u2', type: 'report', start: '1971-11-16T10:00:00Z', end: '1971-11-16T10:05:00Z' })]),
        'manual_logs_a.csv': csv(MANUAL_HEADER, [manualRow({ id: 'm1', user: 'u1', type: 'report', start: '1971-11-10T10:00:00Z', end: '1971-11-10T10:30:00Z' }), manualRow({ id: 'm2', user: 'u1', type: 'report', start: '1971-11-17T10:00:00Z', end: '1971-11-17T10:30:00Z' })]),
        ...x1('completed'),
      });
      expect(taskOf(data, 'x1')).toMatchObject({ status: 'completed' });
      // the row changes: its week's facts (W46's, not W45's) are computed again, as the scratch run's report has them
      ({ data } = await land(x1('abandoned')));
      expect(taskOf(data, 'x1')).toMatchObject({ status: 'abandoned' });
    });
  });
}
