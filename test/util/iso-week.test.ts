import { describe, expect, it, test } from 'vitest';
import { dateOfDay, dayNumber, lastDateOfMonth, lastMonthOfWeek, monthNumber, monthOfNumber, monthOfWeek, parseIsoWeek, shiftMonth, weekdayOfDay, weekRange, weeksOfMonth } from '../../src/util/iso-week.js';

test('dates and months count as numbers, across years and past year 9999', () => {
  expect(dayNumber('1970-01-01')).toBe(0);
  expect(dayNumber('2026-11-16')).toBe(20_773);
  expect(dateOfDay(20_773)).toBe('2026-11-16');
  expect(dayNumber('9999-12-31') < Date.UTC(10000, 0, 1) / 86_400_000).toBe(true);
  expect([dayNumber('2026-11-16'), dayNumber('2026-11-22'), dayNumber('1969-12-29')].map(weekdayOfDay)).toEqual([1, 7, 1]);
  expect(monthNumber('2027-01') - monthNumber('2026-12')).toBe(1);
  expect(monthOfNumber(monthNumber('2026-12') + 1)).toBe('2027-01');
  expect(weekRange('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  expect(weekRange('2026-W47', '2026-W46')).toEqual([]);
  expect(() => dayNumber('+010000-01-01')).toThrow(RangeError);
});

describe('shiftMonth', () => {
  it('counts months across year ends both ways', () => {
    expect([shiftMonth('2026-01', -1), shiftMonth('2025-12', 1), shiftMonth('2026-11', -13), shiftMonth('2026-11', 0)]).toEqual(['2025-12', '2026-01', '2025-10', '2026-11']);
  });
});

describe('lastDateOfMonth', () => {
  it('is the month\'s last day, leap years and December included', () => {
    expect(['2026-11', '2028-02', '2027-02', '2026-12'].map(lastDateOfMonth)).toEqual(['2026-11-30', '2028-02-29', '2027-02-28', '2026-12-31']);
  });
});

test('an ISO week as typed is its one spelling: the W in either case, spaces around ignored; no week is null', () => {
  expect(['2026-W47', '2026-w47', ' 2026-w53 ', '2020-w53', '2026W47', '2026-W7', '2026-W00', 'latest'].map(parseIsoWeek)).toEqual(['2026-W47', '2026-W47', '2026-W53', '2020-W53', null, null, null, null]);
});

test('a week\'s month: the month of its Thursday (roster month, a month\'s weeks); its last month: that of its Sunday', () => {
  // 2026-W44 runs Monday 26 October to Sunday 1 November; 2026-W53 from 28 December 2026 to 3 January 2027
  expect(['2026-W44', '2026-W45', '2026-W53', '2027-W01'].map(monthOfWeek)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
  expect(['2026-W44', '2026-W45', '2026-W53', '2027-W01'].map(lastMonthOfWeek)).toEqual(['2026-11', '2026-11', '2027-01', '2027-01']);
  // weeksOfMonth is monthOfWeek's inverse
  expect(weeksOfMonth('2026-10')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
  expect(weeksOfMonth('2026-12').every((week) => monthOfWeek(week) === '2026-12')).toBe(true);
  expect(weeksOfMonth('2026-13')).toEqual([]);
});
