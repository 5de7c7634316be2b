import { describe, expect, it } from 'vitest';
import { formatOffset, formatWall, offsetMinutes, resolveWallClock, wallClockOf } from '../../src/generate/zone-time.js';

describe('resolveWallClock', () => {
  it('reads an ordinary local time with the zone offset in force', () => {
    // Kolkata is UTC+05:30 all year
    expect(resolveWallClock(Date.UTC(2026, 9, 5, 9, 0), 'Asia/Kolkata')).toBe(Date.UTC(2026, 9, 5, 3, 30));
  });
  it('takes the earlier instant for an ambiguous time (Berlin, Oct 25 2026, 02:30 happens twice)', () => {
    expect(resolveWallClock(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(resolveWallClock(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });
  it('moves a skipped time forward by the gap (Sydney, Oct 4 2026, 02:30 does not exist)', () => {
    // read with the +10:00 in force before the change: 16:30 UTC, which is 03:30 AEDT
    expect(resolveWallClock(Date.UTC(2026, 9, 4, 2, 30), 'Australia/Sydney')).toBe(Date.UTC(2026, 9, 3, 16, 30));
    expect(formatWall(wallClockOf(Date.UTC(2026, 9, 3, 16, 30), 'Australia/Sydney'))).toBe('2026-10-04 03:30:00');
  });
});

describe('offsets', () => {
  it('follows DST and formats signed offsets', () => {
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
    expect(formatOffset(-300)).toBe('-05:00');
    expect(formatOffset(330)).toBe('+05:30');
  });
});
