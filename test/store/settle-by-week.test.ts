import { describe, expect, it } from 'vitest';
import { applyDurationRules } from '../../src/clean/apply-duration-rules.js';
import { fillTeams } from '../../src/clean/fill-teams.js';
import { passThroughColumns, taskTableOfValues, type TaskValues } from '../../src/clean/task-table.js';
import { settleByWeek } from '../../src/store/settle-by-week.js';

// Two weeks of tasks as a store loads them (one table), settled by the real rules: each week's counts are what
// the rules did to that week's tasks, in the report zone's weeks.
describe('settleByWeek', () => {
  const task = (user: string, team: string | null, startedAt: string, durationMin: number | null, source: TaskValues['source'] = 'ai_logs'): TaskValues => ({
    source, task_id: `${user} ${startedAt}`, user_id: user, team, task_type: 'contract_review', started_at: Date.parse(startedAt),
    duration_ms: durationMin === null ? null : durationMin * 60_000, status: 'completed', accuracy: null, harmful: null, fragments: 1,
    prompt: null, tool_version: null, passThrough: {},
  });
  const tasks = [
    // Sunday 22 November 2026, 23:30 UTC: 2026-W47 in UTC, 2026-W48 in Paris (Monday 00:30); u1's team filled
    task('u1', null, '2026-11-22T23:30:00Z', 30),
    // 2026-W47: an unknown duration and a team filled; a written team respelled, 10 h too long; u9 has no roster row
    task('u2', null, '2026-11-16T09:00:00Z', null),
    task('u3', 'legal', '2026-11-17T09:00:00Z', 600),
    task('u9', null, '2026-11-18T09:00:00Z', null),
    // 2026-W48: a team filled and 11 h too long; a manual task with its team
    task('u1', null, '2026-11-24T09:00:00Z', 660),
    task('u2', 'Legal', '2026-11-26T09:00:00Z', 20, 'manual_logs'),
  ];
  const roster = {
    entries: [
      { userId: 'u1', team: 'Finance', month: '2026-11', timezone: null, licensed: true, tasksTotal: null, aiTasksTotal: null },
      { userId: 'u2', team: 'Legal', month: '2026-11', timezone: null, licensed: true, tasksTotal: null, aiTasksTotal: null },
    ],
    teamSpelling: new Map([['legal', 'Legal'], ['finance', 'Finance']]),
  };
  const settleIn = (zone: string) => {
    const { columns, ai, manual } = taskTableOfValues(tasks.length, (row) => tasks[row], passThroughColumns([]));
    const result = settleByWeek(columns, zone, () => ({
      teamsFilled: fillTeams(ai, roster, zone) + fillTeams(manual, roster, zone),
      dropped: [applyDurationRules(ai, 8 * 3_600_000), applyDurationRules(manual, 8 * 3_600_000)],
    }));
    return { ...result, teams: [...columns.team.codes].map((code) => (code === -1 ? null : columns.team.values[code])) };
  };

  it('in UTC: the Sunday-night task in its week', () => {
    const { settled, weeks, teams } = settleIn('UTC');
    // (the rules ran on the table itself, as settling does)
    expect(settled.teamsFilled).toBe(3);
    expect(teams).toEqual(['Finance', 'Legal', 'Legal', null, 'Finance', 'Legal']);
    expect(Object.fromEntries(weeks)).toEqual({
      '2026-W47': { tasks: 4, teamsFilled: 2, durationsUnknown: 2, durationsTooLong: 1 },
      '2026-W48': { tasks: 2, teamsFilled: 1, durationsUnknown: 0, durationsTooLong: 1 },
    });
  });

  it('in Paris: the same task counts in the next week', () => {
    expect(Object.fromEntries(settleIn('Europe/Paris').weeks)).toEqual({
      '2026-W47': { tasks: 3, teamsFilled: 1, durationsUnknown: 2, durationsTooLong: 1 },
      '2026-W48': { tasks: 3, teamsFilled: 2, durationsUnknown: 0, durationsTooLong: 1 },
    });
  });
});
