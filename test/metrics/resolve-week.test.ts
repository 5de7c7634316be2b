import { describe, expect, it } from 'vitest';
import { isUptakeError } from '../../src/errors.js';
import { expectWeekSetting, readWeekSetting, resolveWeek, resolveWeekOf } from '../../src/metrics/resolve-week.js';
import { makeCleanedData, testConfig } from './make-cleaned-data.js';

function dataEnding(lastStart: string) {
  return makeCleanedData({
    tasks: [
      { user_id: 'a', team: 'Finance', started_at: '2026-11-04T09:00:00Z' },
      { user_id: 'a', team: 'Finance', started_at: '2026-11-12T09:00:00Z' },
      { user_id: 'a', team: 'Finance', started_at: lastStart },
    ],
  });
}

function errorOf(action: () => unknown): Error & { kind?: string } {
  try {
    action();
  } catch (error) {
    return error as Error & { kind?: string };
  }
  throw new Error('expected an error');
}

describe('resolveWeek', () => {
  it('latest is the week of the last loaded date when that date is a Sunday', () => {
    expect(resolveWeek(dataEnding('2026-11-22T20:00:00Z'), testConfig(), 'latest')).toEqual({
      week: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-22',
      thursday: '2026-11-19',
      previous: '2026-W46',
      month: '2026-11',
      rosterMonth: '2026-11',
      zone: 'UTC',
      latest: true,
    });
  });

  it('a week holding only a task in a quarter hour its local midnight cuts is found (Monrovia, -0:44:30 until 1972)', () => {
    // Monday 1971-11-15 00:00 in Monrovia is 00:44:30Z: the second task is the only one of 1971-W46
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '1971-11-15T00:44:20Z' },
        { user_id: 'a', team: 'Finance', started_at: '1971-11-15T00:44:40Z' },
      ],
    });
    const config = testConfig({ timezone: 'Africa/Monrovia', cleaning: { earliest: '1970-01-01' } });
    expect(resolveWeek(data, config, '1971-W46')).toMatchObject({ week: '1971-W46', start: '1971-11-15', previous: '1971-W45' });
  });

  it('a week asked for by name is not `latest`, and carries the report zone', () => {
    const named = resolveWeek(dataEnding('2026-11-22T20:00:00Z'), testConfig({ timezone: 'Europe/Paris' }), '2026-W47');
    expect([named.week, named.latest, named.zone]).toEqual(['2026-W47', false, 'Europe/Paris']);
  });

  it('sees a week that starts within a UTC hour: Monday 00:01 in Kolkata (UTC+5:30) is 18:31 UTC on Sunday', () => {
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '2026-11-22T18:29:00Z' }, // Sunday 23:59 in Kolkata: W47
        { user_id: 'a', team: 'Finance', started_at: '2026-11-22T18:31:00Z' }, // Monday 00:01 in Kolkata: W48
      ],
    });
    expect(resolveWeek(data, testConfig({ timezone: 'Asia/Kolkata' }), '2026-W48').week).toBe('2026-W48');
    expect(resolveWeek(data, testConfig({ timezone: 'Asia/Kolkata' }), '2026-W47').week).toBe('2026-W47');
  });

  it('latest skips a week that is still running', () => {
    // last date Saturday Nov 21: W47 is incomplete, W46 (Nov 9..15) holds data
    expect(resolveWeek(dataEnding('2026-11-21T20:00:00Z'), testConfig(), 'LATEST').week).toBe('2026-W46');
  });

  it('places a Sunday-evening task in its own week in the report zone', () => {
    // 2026-11-23T03:00Z is Sunday Nov 22 evening in New York: W47, and complete in that zone
    const data = dataEnding('2026-11-23T03:00:00Z');
    expect(resolveWeek(data, testConfig({ timezone: 'America/New_York' }), '2026-W47').week).toBe('2026-W47');
    expect(resolveWeek(data, testConfig({ timezone: 'America/New_York' }), 'latest').week).toBe('2026-W47');
    // in UTC that task is Monday of W48, W47 holds nothing, so the last complete week holding data is W46
    expect(resolveWeek(data, testConfig(), 'latest').week).toBe('2026-W46');
    expect(() => resolveWeek(data, testConfig({ timezone: 'America/New_York' }), '2026-W48')).toThrow(/2026-W48/);
  });

  it('reads a week as --week, a notebook\'s week and compareWith all do: `latest` and the ISO week in any case, spaces around ignored', () => {
    expect(['latest', ' LATEST ', '2026-W47', '2026-w47', ' 2026-w47 ', '2026W47', '2026-W7', '2026-W60', 'w47', ''].map(readWeekSetting)).toEqual([
      'latest', 'latest', '2026-W47', '2026-W47', '2026-W47', null, null, null, null, null,
    ]);
    const data = dataEnding('2026-11-22T20:00:00Z');
    expect(resolveWeek(data, testConfig(), '2026-w46')).toMatchObject({ week: '2026-W46', start: '2026-11-09', latest: false });
    expect(resolveWeek(data, testConfig(), ' Latest ')).toMatchObject({ week: '2026-W47', latest: true });
    // (a store's weeks, resolved the same way)
    expect(resolveWeekOf(['2026-W46', '2026-W47'], data.loadedDates, data.asOf, testConfig(), '2026-w47').week).toBe('2026-W47');
    expect(() => expectWeekSetting('2026-w47', '--week')).not.toThrow();
    expect(() => expectWeekSetting('2026W47', '--week')).toThrow('--week: expected `latest` or an ISO week like 2026-W47, got `2026W47`');
  });

  it('rejects an invalid week with a usage error naming it and the weeks available', () => {
    const error = errorOf(() => resolveWeek(dataEnding('2026-11-22T20:00:00Z'), testConfig(), '2026-W60'));
    expect(isUptakeError(error)).toBe(true);
    expect(error.kind).toBe('usage');
    expect(error.message).toContain('`2026-W60`');
    expect(error.message).toContain('2026-W45, 2026-W46, 2026-W47');
  });

  it('rejects a week that holds no data', () => {
    const error = errorOf(() => resolveWeek(dataEnding('2026-11-22T20:00:00Z'), testConfig(), '2026-W40'));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/got `2026-W40`; weeks available: 2026-W45, 2026-W46, 2026-W47/);
  });

  it('names the setting the week came from: `--week` by default, else the one given (a notebook parameter)', () => {
    const data = dataEnding('2026-11-22T20:00:00Z');
    const weeks = 'weeks available: 2026-W45, 2026-W46, 2026-W47';
    expect(errorOf(() => resolveWeek(data, testConfig(), '2026-W99')).message).toBe(`--week: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}`);
    expect(errorOf(() => resolveWeek(data, testConfig(), '2026-W99', 'notebook parameter `week`')).message).toBe(`notebook parameter \`week\`: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}`);
    expect(errorOf(() => resolveWeek(data, testConfig(), '2026-W40', 'notebook parameter `compareWith`')).message).toBe(`notebook parameter \`compareWith\`: expected a week that holds data, got \`2026-W40\`; ${weeks}`);
    const partial = makeCleanedData({ tasks: [{ user_id: 'a', started_at: '2026-11-18T09:00:00Z' }], asOf: '2026-11-30T00:00:00Z' });
    const latest = 'expected `latest` to find a complete ISO week (Monday to Sunday) in the data before today (2026-11-30), but the loaded dates run from 2026-11-18 to 2026-11-18; weeks available: 2026-W47';
    expect(errorOf(() => resolveWeek(partial, testConfig(), 'latest')).message).toBe(`--week: ${latest}`);
    expect(errorOf(() => resolveWeek(partial, testConfig(), 'latest', 'notebook parameter `week`')).message).toBe(`notebook parameter \`week\`: ${latest}`);
  });

  it('latest with no complete week is a usage error; no tasks at all is an input error', () => {
    const partial = makeCleanedData({ tasks: [{ user_id: 'a', started_at: '2026-11-18T09:00:00Z' }] });
    expect(errorOf(() => resolveWeek(partial, testConfig(), 'latest')).kind).toBe('usage');
    expect(errorOf(() => resolveWeek(makeCleanedData({ tasks: [] }), testConfig(), 'latest')).kind).toBe('input');
  });
});

describe('resolveWeek and the run\'s clock', () => {
  it('latest never resolves to a week that is not over by the run\'s clock', () => {
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', started_at: '2026-11-10T09:00:00Z' },
        { user_id: 'a', started_at: '2026-11-17T09:00:00Z' },
        { user_id: 'a', started_at: '2026-11-29T09:00:00Z' },
      ],
      asOf: '2026-11-29T23:00:00Z',
    });
    // W48 ends on Sunday Nov 29, the clock's own day: not over yet
    expect(resolveWeek(data, testConfig(), 'latest').week).toBe('2026-W47');
    expect(resolveWeek({ ...data, asOf: Date.parse('2026-11-30T00:00:00Z') }, testConfig(), 'latest').week).toBe('2026-W48');
    // in New York it is still Sunday at 03:00 UTC on Monday
    expect(resolveWeek({ ...data, asOf: Date.parse('2026-11-30T03:00:00Z') }, testConfig({ timezone: 'America/New_York' }), 'latest').week).toBe('2026-W47');
    expect(resolveWeek(data, testConfig(), '2026-W48').week).toBe('2026-W48');
  });
});
