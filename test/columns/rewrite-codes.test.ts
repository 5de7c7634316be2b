import { describe, expect, it } from 'vitest';
import { CodedColumn } from '../../src/columns/coded-column.js';
import { byQuarterHour, memoized, perCode, rewriteCodes } from '../../src/columns/rewrite-codes.js';
import { isoWeekOf } from '../../src/util/iso-week.js';

describe('rewriteCodes', () => {
  it('rewrites each present code once and fills null rows, only within from..to', () => {
    const teams = new CodedColumn(Int32Array.of(0, -1, 1, 0, -1, -1), [' legal', 'FINANCE']);
    const asked: string[] = [];
    const filled = rewriteCodes(teams, 0, 5, {
      rewrite: (team) => {
        asked.push(team);
        return team.trim().toUpperCase();
      },
      fill: (row) => (row === 1 ? 'LEGAL' : null),
    });
    expect(filled).toBe(1);
    expect(asked).toEqual([' legal', 'FINANCE']);
    expect([...teams]).toEqual(['LEGAL', 'LEGAL', 'FINANCE', 'LEGAL', null, null]);
    expect(Array.from(teams.codes)).toEqual([2, 2, 3, 2, -1, -1]); // new values appended once each
  });
});

describe('lookups remembered per code, quarter hour and key', () => {
  it('perCode computes once per code and once for null', () => {
    const users = new CodedColumn(Int32Array.of(1, 0, 1, -1, -1), ['a', 'b']);
    const asked: Array<string | null> = [];
    const upper = perCode(users, (user) => {
      asked.push(user);
      return user?.toUpperCase() ?? '-';
    });
    expect([0, 1, 2, 3, 4].map(upper)).toEqual(['B', 'A', 'B', '-', '-']);
    expect(asked).toEqual(['b', 'a', null]);
  });

  it('byQuarterHour asks once per UTC quarter hour, at its first and last millisecond', () => {
    const asked: number[] = [];
    const hourOf = byQuarterHour((epochMs) => {
      asked.push(epochMs);
      return new Date(epochMs).toISOString().slice(0, 13);
    });
    const at = (time: string) => Date.parse(`2026-11-16T${time}Z`);
    expect([hourOf(at('09:00')), hourOf(at('09:14')), hourOf(at('09:15')), hourOf(at('09:01'))]).toEqual(['2026-11-16T09', '2026-11-16T09', '2026-11-16T09', '2026-11-16T09']);
    expect(asked).toEqual([at('09:00'), at('09:15') - 1, at('09:15'), at('09:30') - 1]);
  });

  it('byQuarterHour asks per instant in a quarter hour a period boundary cuts (a local mean time: Monrovia, -0:44:30 until 1972)', () => {
    const weekOf = byQuarterHour((epochMs) => isoWeekOf(epochMs, 'Africa/Monrovia'));
    // Monday 1971-11-15 00:00 in Monrovia is 00:44:30Z, inside the quarter hour from 00:30Z
    const at = (time: string) => Date.parse(`1971-11-15T${time}Z`);
    expect([at('00:44:20'), at('00:44:40'), at('00:44:29.999'), at('00:44:30'), at('00:31'), at('00:59')].map(weekOf)).toEqual(['1971-W45', '1971-W46', '1971-W45', '1971-W46', '1971-W45', '1971-W46']);
  });

  it('memoized asks once per key, undefined results included', () => {
    let calls = 0;
    const lookup = memoized((key: string) => {
      calls += 1;
      return key === 'x' ? undefined : key.length;
    });
    expect([lookup('ab'), lookup('x'), lookup('ab'), lookup('x')]).toEqual([2, undefined, 2, undefined]);
    expect(calls).toBe(2);
  });
});
