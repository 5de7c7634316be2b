import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { columnCodes } from '../../src/columns/column-codes.js';
import { countByGroup, eachGroupSubtotals, scopeGroups, sortedValuesByGroup } from '../../src/columns/scope-groups.js';

// Five tasks: a null team counts only in the "*" group (group 0); Finance is group 1, Legal group 2.
const tasks = table({
  team: ['Finance', 'Legal', null, 'Finance', 'Legal'],
  user: ['a', 'b', 'a', 'c', 'b'],
  ai: [1, 0, 1, 1, 1],
  minutes: [30, 10, Number.NaN, 5, 20],
});
const groups = () => scopeGroups(tasks, Int32Array.of(0, 1, 2, 3, 4), { by: [], dimension: 'team' });
const column = (name: string) => tasks.array(name) as ArrayLike<number>;

describe('scope group verbs', () => {
  it('groups are "*" first, then each team by first appearance', () => {
    expect(groups().keys).toEqual([{ team: '*' }, { team: 'Finance' }, { team: 'Legal' }]);
  });

  it('countByGroup counts each task in its team and in "*"', () => {
    expect(Array.from(countByGroup(groups()))).toEqual([5, 2, 2]);
  });

  it('sortedValuesByGroup lists each group\'s values ascending', () => {
    const timed = scopeGroups(tasks, Int32Array.of(0, 1, 3, 4), { by: [], dimension: 'team', includeAll: false });
    expect(sortedValuesByGroup(timed, column('minutes')).map((values) => Array.from(values))).toEqual([[5, 30], [10, 20]]);
  });

  it('eachGroupSubtotals gives per-user sums per group, users in order of their first task', () => {
    const seen: Array<{ group: number; users: unknown[]; ai: number[]; minutes: number[] }> = [];
    const users = columnCodes(tasks, 'user');
    eachGroupSubtotals(groups(), users, [column('ai'), column('minutes')], (group, { count, codes, sums: [ai, minutes] }) => {
      seen.push({ group, users: Array.from(codes.subarray(0, count), (code) => users.values[code]), ai: Array.from(ai.subarray(0, count)), minutes: Array.from(minutes.subarray(0, count)) });
    });
    expect(seen).toEqual([
      { group: 0, users: ['a', 'b', 'c'], ai: [2, 1, 1], minutes: [Number.NaN, 30, 5] }, // a's NaN minute poisons a's sum
      { group: 1, users: ['a', 'c'], ai: [1, 1], minutes: [30, 5] },
      { group: 2, users: ['b'], ai: [1], minutes: [30] },
    ]);
  });
});
