import { describe, expect, test } from 'vitest';
import { localToUtc, parseBoolean, parseNumber, parseStatus, parseTimestamp, patternTimestamp, trimmed } from '../../src/ingest/parse-values.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('parseTimestamp', () => {
  test('reads Z and offsets as instants', () => {
    expect(parseTimestamp('2026-11-16T09:00:00Z')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 9) });
    expect(parseTimestamp('2026-11-16T09:00:00+05:30')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 3, 30) });
    expect(parseTimestamp('2026-11-16 09:00:00-0800')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 17) });
    expect(parseTimestamp('2026-11-16T09:00:00.250Z')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 9, 0, 0, 250) });
  });

  // RFC 3339 (the profile of ISO-8601 most exports follow) lets `T` and `Z` be written in lower case
  test('reads a lower-case t and z as T and Z', () => {
    expect(parseTimestamp('2026-11-16t09:00:00z')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 9) });
    expect(parseTimestamp('2026-11-16t09:00:00.250+05:30')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 3, 30, 0, 250) });
    expect(parseTimestamp('2026-10-25t02:30')).toEqual({ kind: 'naive', localMs: Date.UTC(2026, 9, 25, 2, 30), month: '2026-10' });
    expect(parseTimestamp('2026-11-16x09:00:00z')).toEqual({ kind: 'invalid' });
  });

  test('tells epoch seconds from epoch milliseconds', () => {
    expect(parseTimestamp('1794819600')).toEqual({ kind: 'instant', epochMs: 1794819600000 });
    expect(parseTimestamp('1794819600000')).toEqual({ kind: 'instant', epochMs: 1794819600000 });
    expect(iso(1794819600000)).toBe('2026-11-16T09:00:00.000Z');
  });

  test('keeps naive times naive, with the month they name', () => {
    expect(parseTimestamp('2026-10-25 02:30:00')).toEqual({ kind: 'naive', localMs: Date.UTC(2026, 9, 25, 2, 30), month: '2026-10' });
    expect(parseTimestamp('2026-10-25T02:30')).toEqual({ kind: 'naive', localMs: Date.UTC(2026, 9, 25, 2, 30), month: '2026-10' });
  });

  test('rejects what is not a time', () => {
    for (const text of ['', 'yesterday', '2026-13-01T00:00:00Z', '2026-02-30 10:00:00', '2026-11-16T25:00:00Z', '16/11/2026']) {
      expect(parseTimestamp(text)).toEqual({ kind: 'invalid' });
    }
  });

  // Date.UTC reads the years 0-99 as 1900-1999: `0050-06-01` was 1950-06-01, a start plausible at `cleaning.earliest` 1900-01-01
  test('reads the years 0-99 as written, not as 1900-1999, in every shape and by either reader', () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 5, 1);
    year50.setUTCHours(10, 0, 0, 0);
    for (const text of ['0050-06-01T10:00:00Z', '0050-06-01T12:00:00+02:00', '0050-06-01 10:00:00.000Z', '0050-06-01T10:00Z']) {
      expect([text, parseTimestamp(text)]).toEqual([text, { kind: 'instant', epochMs: year50.getTime() }]);
      expect([text, patternTimestamp(text)]).toEqual([text, { kind: 'instant', epochMs: year50.getTime() }]);
    }
    expect(iso(year50.getTime())).toBe('0050-06-01T10:00:00.000Z');
    expect(parseTimestamp('0050-06-01 10:00:00')).toEqual({ kind: 'naive', localMs: year50.getTime(), month: '0050-06' });
    // leap years as written: 0 and 4 are, 1900 is not (1900 was what 0 read as)
    expect(parseTimestamp('0000-02-29T00:00:00Z').kind).toBe('instant');
    expect(parseTimestamp('0004-02-29 00:00:00').kind).toBe('naive');
    expect(parseTimestamp('1900-02-29T00:00:00Z').kind).toBe('invalid');
  });

  // `+05:99` once read as +06:39: offset minutes run 00-59 in every shape and by either reader
  test('rejects an offset whose minutes are not 00-59, or that lies more than 18 hours from UTC', () => {
    const invalid = ['+05:99', '+0599', '-05:60', '-0560', '+00:60', '+18:30', '-1801', '+19', '+25:00', '+99:99'];
    for (const offset of invalid) {
      for (const text of [`2026-11-16T10:00:00${offset}`, `2026-11-16 10:00:00.5${offset}`, `2026-11-16T10:00${offset}`]) {
        expect([text, parseTimestamp(text)]).toEqual([text, { kind: 'invalid' }]);
        expect([text, patternTimestamp(text)]).toEqual([text, { kind: 'invalid' }]);
      }
    }
    expect(parseTimestamp('2026-11-16T10:00:00+05:59')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 4, 1) });
    expect(parseTimestamp('2026-11-16T10:00:00-1800')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 17, 4) });
    expect(patternTimestamp('2026-11-16T10:00-00:59')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 10, 59) });
  });
});

describe('trimmed', () => {
  test('is trim() for white space of every kind at either end, and the same string when there is none', () => {
    const texts = ['', ' ', 'a', ' a', 'a ', '\ta\n', '\u00a0x', 'x\u00a0', '\ufeffx', 'x\u2028', '\u3000x\u3000', '~x!', 'x y', 'é', ' é ', '\u007fx'];
    expect(texts.map(trimmed)).toEqual(texts.map((text) => text.trim()));
    expect(trimmed('\u00a0x')).toBe('x');
    const untouched = 'abc';
    expect(trimmed(untouched)).toBe(untouched);
  });
});

describe('localToUtc across DST changes', () => {
  test('an ambiguous time (clocks go back) takes the earlier instant', () => {
    // Europe/Berlin 2026-10-25: 03:00 CEST -> 02:00 CET, so 02:30 happens twice
    expect(iso(localToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    // America/New_York 2026-11-01: 02:00 EDT -> 01:00 EST
    expect(iso(localToUtc(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  test('a skipped time (clocks go forward) moves forward by the gap', () => {
    // Europe/Berlin 2026-03-29: 02:00 CET -> 03:00 CEST; 02:30 does not exist and reads as 03:30 CEST
    expect(iso(localToUtc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  test('ordinary times on either side of the change use their own offset', () => {
    expect(iso(localToUtc(Date.UTC(2026, 9, 24, 12), 'Europe/Berlin'))).toBe('2026-10-24T10:00:00.000Z');
    expect(iso(localToUtc(Date.UTC(2026, 9, 26, 12), 'Europe/Berlin'))).toBe('2026-10-26T11:00:00.000Z');
    expect(iso(localToUtc(Date.UTC(2026, 10, 16, 9), 'Asia/Kolkata'))).toBe('2026-11-16T03:30:00.000Z');
    expect(iso(localToUtc(Date.UTC(2026, 10, 16, 9), 'UTC'))).toBe('2026-11-16T09:00:00.000Z');
  });
});

describe('booleans, statuses, numbers', () => {
  test('booleans in any spelling; empty is null; other text is unreadable', () => {
    expect(['true', 'YES', '1', 'y', 'T'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', 'No', '0', 'N'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean(' ')).toBeNull();
    expect(parseBoolean('maybe')).toBeUndefined();
  });

  test('status words map to the three statuses', () => {
    expect(['completed', 'Complete', 'SUCCESS', 'done'].map(parseStatus)).toEqual(Array(4).fill('completed'));
    expect(['abandoned', 'cancelled', 'canceled', 'timeout'].map(parseStatus)).toEqual(Array(4).fill('abandoned'));
    expect(['error', 'failed', 'failure'].map(parseStatus)).toEqual(Array(3).fill('error'));
    expect(parseStatus('pending')).toBeNull();
  });

  test('numbers', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
  });

  test('numbers are decimal notation only: hex, binary, octal, Infinity and NaN are unreadable in any sign or case', () => {
    expect(['0.5', '.5', '1e-3', '-2', '+3', '0', '00.5', '1E3', '0e5'].map(parseNumber)).toEqual([0.5, 0.5, 0.001, -2, 3, 0, 0.5, 1000, 0]);
    for (const text of ['0x1', '0X1', '0b1', '0B1', '0o1', '0O1', '-0x1', '+0x1', 'Infinity', '-Infinity', '+infinity', 'INFINITY', 'NaN', 'nan', '-NaN', '1_000', '0x']) {
      expect(parseNumber(text), text).toBeNaN();
    }
    for (const text of ['0x1', '0b1', '0o1', 'Infinity', 'NaN', '-1', '1e12']) expect(parseTimestamp(text).kind, text).toBe('invalid');
  });

  // parseTimestamp reads the common shapes by hand and leaves the rest to the full pattern: both must agree.
  test('the shapes read without the pattern read exactly as the pattern reads them', () => {
    const dateTimes = [
      '2026-11-16T09:00:00', '2026-11-16 09:00:00', '2024-02-29T23:59:59', '2026-02-29T10:00:00', '2026-13-01T00:00:00',
      '2026-11-31 10:00:00', '2026-11-16T24:00:00', '2026-11-16T09:60:00', '2026-11-16T09:00:60', '0099-01-01T00:00:00',
      '2026-11-16X09:00:00', '2026-11-1a 09:00:00', '2026-10-25 02:30:00', '2026-11-16t09:00:00',
    ];
    const fractions = ['', '.0', '.250', ',5', '.999', '.9995', '.123456789', '.1234567891', '.', '.5x'];
    const offsets = ['', 'Z', 'z', '+05:30', '-0800', '+05', '-00:00', '+18:00', '+18:01', '+05:99', '+5:30', '+05:3', '+0530x', ' Z', 'ZZ', '+'];
    let compared = 0;
    for (const dateTime of dateTimes) {
      for (const fraction of fractions) {
        for (const offset of offsets) {
          const text = `${dateTime}${fraction}${offset}`;
          expect([text, parseTimestamp(text)]).toEqual([text, patternTimestamp(text)]);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(14 * 10 * 16);
    expect(parseTimestamp('2026-11-16 09:00:00')).toEqual({ kind: 'naive', localMs: Date.UTC(2026, 10, 16, 9), month: '2026-11' });
    expect(parseTimestamp('2024-02-29T23:59:59Z')).toEqual({ kind: 'instant', epochMs: Date.UTC(2024, 1, 29, 23, 59, 59) });
    expect(parseTimestamp('2026-02-29T10:00:00Z')).toEqual({ kind: 'invalid' });
    expect(parseTimestamp('2026-10-04T02:30:25.000Z')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 9, 4, 2, 30, 25) });
    expect(parseTimestamp('2026-11-16T09:00:00.9995+05:30')).toEqual({ kind: 'instant', epochMs: Date.UTC(2026, 10, 16, 3, 30, 1) });
    expect(parseTimestamp('2026-11-16T09:00:00+18:01')).toEqual({ kind: 'invalid' });
  });
});
