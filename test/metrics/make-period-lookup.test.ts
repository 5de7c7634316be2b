import { describe, expect, it } from 'vitest';
import { makePeriodLookup } from '../../src/metrics/make-period-lookup.js';
import { dateOf, isoWeekOf, monthOf } from '../../src/util/iso-week.js';

describe('makePeriodLookup', () => {
  it('matches luxon for every quarter hour around DST changes and odd offsets', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    // around the 2026 transitions (March/April, October/November), every 7 minutes for 3 days
    const windows = [Date.UTC(2026, 2, 7), Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 23), Date.UTC(2026, 10, 0)];
    for (const zone of zones) {
      const lookup = makePeriodLookup(zone);
      for (const start of windows) {
        for (let instant = start; instant < start + 4 * 86_400_000; instant += 7 * 60_000) {
          expect(lookup(instant), `${zone} ${new Date(instant).toISOString()}`).toEqual({
            week: isoWeekOf(instant, zone),
            month: monthOf(instant, zone),
            date: dateOf(instant, zone),
          });
        }
      }
    }
  });

  it('puts a Sunday-evening UTC task in that ISO week', () => {
    expect(makePeriodLookup('UTC')(Date.UTC(2026, 10, 22, 23, 59))).toEqual({ week: '2026-W47', month: '2026-11', date: '2026-11-22' });
    expect(makePeriodLookup('Europe/Berlin')(Date.UTC(2026, 10, 22, 23, 59))).toEqual({ week: '2026-W48', month: '2026-11', date: '2026-11-23' });
  });
});
