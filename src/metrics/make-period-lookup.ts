import { DateTime } from 'luxon';
import { QUARTER_HOUR_MS } from '../columns/index.js';

/** The periods an instant falls in, in the report time zone. */
export interface LocalPeriods {
  /** ISO week, e.g. `2026-W47`. */
  week: string;
  /** Calendar month, e.g. `2026-11`. */
  month: string;
  /** Calendar date, e.g. `2026-11-18`. */
  date: string;
}

const DAY_MS = 86_400_000;

/**
 * A fast, exact replacement for calling luxon per row: instant -> week, month and date in `zone`.
 * @example makePeriodLookup('UTC')(Date.UTC(2026, 10, 22, 23)).week // '2026-W47'
 */
export function makePeriodLookup(zone: string): (epochMs: number) => LocalPeriods {
  const byDay = new Map<number, LocalPeriods>();
  const offsetBySlot = new Map<number, number | null>();
  const fixedUtc = DateTime.local({ zone }).zone.isUniversal && DateTime.local({ zone }).offset === 0;

  // Tasks mostly arrive in time order: the last day and slot answer most lookups without a Map.
  let lastDay = Number.NaN;
  let lastPeriods: LocalPeriods | undefined;
  let lastSlot = Number.NaN;
  let lastOffset: number | null = null;

  const periodsOfDay = (day: number): LocalPeriods => {
    if (day === lastDay) return lastPeriods!;
    let periods = byDay.get(day);
    if (!periods) {
      const local = DateTime.fromMillis(day * DAY_MS, { zone: 'UTC' });
      periods = {
        week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
        month: local.toFormat('yyyy-MM'),
        date: local.toISODate()!,
      };
      byDay.set(day, periods);
    }
    lastDay = day;
    lastPeriods = periods;
    return periods;
  };

  // Offsets change only at transitions, since 1980 on quarter hours: one lookup per 15-minute slot, and one per
  // instant in a slot a transition cuts.
  const offsetMinutes = (epochMs: number): number => {
    const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
    let offset = slot === lastSlot ? lastOffset : offsetBySlot.get(slot);
    if (offset === undefined) {
      const atStart = DateTime.fromMillis(slot * QUARTER_HOUR_MS, { zone }).offset;
      const atEnd = DateTime.fromMillis(slot * QUARTER_HOUR_MS + QUARTER_HOUR_MS - 1, { zone }).offset;
      offset = atStart === atEnd ? atStart : null;
      offsetBySlot.set(slot, offset);
    }
    lastSlot = slot;
    lastOffset = offset;
    return offset ?? DateTime.fromMillis(epochMs, { zone }).offset;
  };

  return (epochMs: number) => {
    const shifted = fixedUtc ? epochMs : epochMs + offsetMinutes(epochMs) * 60_000;
    return periodsOfDay(Math.floor(shifted / DAY_MS));
  };
}
