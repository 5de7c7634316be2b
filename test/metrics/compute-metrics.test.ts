import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { makeCleanedData, testConfig } from './make-cleaned-data.js';

const data = makeCleanedData({
  tasks: [
    { user_id: 'a', team: 'Finance', started_at: '2026-11-10T09:00:00Z', tool_version: '1.2' },
    { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z', tool_version: '1.2' },
    { user_id: 'b', team: 'Finance', started_at: '2026-11-17T09:00:00Z', tool_version: '1.3' },
    { user_id: 'b', team: 'Finance', started_at: '2026-11-17T10:00:00Z', tool_version: '1.3', status: 'abandoned' },
    { source: 'manual_logs', user_id: 'b', team: 'Finance', started_at: '2026-11-22T09:00:00Z' },
  ],
});
data.accounting.ai_logs = { rows_read: 5, quarantined: 1, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 4, tasks: 4 };

describe('computeMetrics', () => {
  it('produces the CONTRACT section 4 document', () => {
    const document = computeMetrics(data, testConfig(), 'latest');
    expect(document).toMatchObject({ week: '2026-W47', week_start: '2026-11-16', week_end: '2026-11-22', timezone: 'UTC' });
    expect(document.accounting.ai_logs).toEqual({ rows_read: 5, quarantined: 1, exact_duplicates: 0, conflicting_duplicates: 0, retry_duplicates: 0, rows_in_tasks: 4, tasks: 4 });
    expect(Object.keys(document.tables)).toEqual([
      'adoption_by_team',
      'adoption_by_task_type',
      'adoption_trend',
      'time_saved',
      'accuracy_stability',
      'harm',
      'logging_coverage',
      'gaps',
      'alerts',
      'power_users',
      'baselines',
      'activation',
      'retention',
      'usage_tiers',
      'idle_seats',
      'people_caveats',
    ]);
    expect(Object.keys(document.tables.adoption_by_team[0]).slice(0, 6)).toEqual(['team', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'previous_adoption_rate']);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('adds an adoption table per extra groupBy key, spanning all teams', () => {
    const document = computeMetrics(data, testConfig({ metrics: { groupBy: ['team', 'task_type', 'tool_version'] } }), '2026-W47');
    // manual tasks carry no tool version, so they only count in the team and task-type tables
    expect(document.tables.adoption_by_tool_version.map((row) => [row.tool_version, row.team, row.ai_tasks, row.abandonment_rate])).toEqual([
      ['1.2', '*', 1, 0],
      ['1.3', '*', 1, 0.5],
    ]);
    expect(document.tables.adoption_by_tool_version[0].delta_pts).toBe(0); // 1.2 was 100% AI in W46 too
  });

  it('leaves a groupBy value longer than 256 characters out of its table, as a task with no value (a 100 KB cell became a row label)', () => {
    const long = 'v'.repeat(257);
    const withLong = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z', tool_version: '1.2' },
        { user_id: 'b', team: 'Finance', started_at: '2026-11-17T09:00:00Z', tool_version: long },
        { user_id: 'b', team: 'Finance', started_at: '2026-11-17T10:00:00Z', tool_version: 'w'.repeat(256) },
        { user_id: 'b', team: 'Finance', started_at: '2026-11-10T10:00:00Z', tool_version: long },
      ],
    });
    const document = computeMetrics(withLong, testConfig({ metrics: { groupBy: ['team', 'task_type', 'tool_version'] } }), '2026-W47');
    // 256 characters is still a label; the 257-character value's task is in no row, and the week before had none
    expect(document.tables.adoption_by_tool_version.map((row) => [row.tool_version, row.ai_tasks, row.delta_pts])).toEqual([
      ['1.2', 1, null],
      ['w'.repeat(256), 1, null],
    ]);
    // the task itself is kept as it was, and counts in the team table
    expect(document.tables.adoption_by_team.find((row) => row.team === '*')?.ai_tasks).toBe(3);
    expect(withLong.tasks.array('tool_version')).toContain(long);
  });

  it('rejects a groupBy key that is not a task column', () => {
    expect(() => computeMetrics(data, testConfig({ metrics: { groupBy: ['team', 'region'] } }), '2026-W47')).toThrow(/metrics\.groupBy.*got `region`/);
  });

  it('rejects a groupBy key of free text or ids (prompt, task_id): a 100 KB prompt became a row label', () => {
    for (const key of ['prompt', 'task_id']) {
      expect(() => computeMetrics(data, testConfig({ metrics: { groupBy: ['team', key] } }), '2026-W47')).toThrow(`\`metrics.groupBy\`: expected a column that labels tasks (team, task_type, tool_version, a pass-through column, ...), got \`${key}\`, which is free text or one task's id`);
    }
  });
});
