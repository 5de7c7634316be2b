import { describe, expect, it } from 'vitest';
import { enrichTasks } from '../../src/metrics/enrich-tasks.js';
import { glossary, registry } from '../../src/metrics/registry.js';
import { makeCleanedData, testConfig } from './make-cleaned-data.js';

describe('registry', () => {
  it('registers every KPI of CONTRACT section 3 once, with a definition', () => {
    expect(registry.map((kpi) => kpi.id)).toEqual([
      'adoption_rate',
      'delta_pts',
      'user_adoption_rate',
      'abandonment_rate',
      'power_users',
      'hours_saved',
      'asi',
      'harm_rate',
      'coverage',
      'gaps',
      'activation',
      'retention',
      'usage_tiers',
      'idle_seats',
    ]);
  });

  // The definition is the glossary the README and the report print: each names its formula and its grain.
  it('states each KPI\'s formula, grain and tables as CONTRACT section 3 does', () => {
    const expected: Record<string, { grain: 'week' | 'month'; says: string[]; tables: string[] }> = {
      adoption_rate: { grain: 'week', says: ['AI tasks / (AI tasks + manual tasks)', 'stitched AI task with status completed'], tables: ['adoption_by_team', 'adoption_by_task_type', 'adoption_trend'] },
      delta_pts: { grain: 'week', says: ['100 * (adoption rate in the report week - adoption rate in the ISO week before)', 'percentage points'], tables: ['adoption_by_team', 'adoption_by_task_type'] },
      user_adoption_rate: { grain: 'week', says: ['Distinct users with at least one AI task', 'licensed = true'], tables: ['adoption_by_team'] },
      abandonment_rate: { grain: 'week', says: ['final status is abandoned / all stitched AI tasks'], tables: ['adoption_by_team', 'adoption_by_task_type', 'adoption_trend'] },
      power_users: { grain: 'week', says: ['user_weighted_adoption_rate'], tables: ['adoption_by_team', 'adoption_by_task_type', 'adoption_trend', 'power_users'] },
      hours_saved: { grain: 'week', says: ['baseline_min(task type) is the median duration in minutes of the manual tasks'], tables: ['time_saved', 'baselines'] },
      asi: { grain: 'month', says: ['accuracy at or above the target (0.9 by default) / completed AI tasks with an accuracy', 'per calendar month'], tables: ['accuracy_stability'] },
      harm_rate: { grain: 'week', says: ['AI tasks flagged harmful', 'harmful when any of its rows is'], tables: ['harm'] },
      coverage: { grain: 'month', says: ['Logged AI tasks / ai_tasks_total'], tables: ['logging_coverage'] },
      gaps: { grain: 'week', says: ['with zero tasks while the median daily task count'], tables: ['gaps'] },
      // The people KPIs (issue #24), as the lead's definitions put them
      activation: { grain: 'week', says: ['new_ai_users / licensed users with no AI task before the period starts', 'first licensed month'], tables: ['people_caveats', 'activation'] },
      retention: { grain: 'month', says: ['first completed AI task (over all loaded data) starts in calendar month C', 'with an AI task in C+1 and C+2'], tables: ['retention'] },
      usage_tiers: { grain: 'week', says: ['none 0, light 1 to people.tiers.light (5), moderate up to people.tiers.moderate (20), heavy above'], tables: ['usage_tiers'] },
      idle_seats: { grain: 'week', says: ['no completed AI task in the last people.idleWeeks weeks', 'idle_cost = idle_seats x licences.monthlyCost'], tables: ['idle_seats', 'people_caveats'] },
    };
    for (const kpi of registry) {
      expect({ id: kpi.id, grain: kpi.grain, tables: Object.keys(kpi.columns) }).toEqual({ id: kpi.id, grain: expected[kpi.id].grain, tables: expected[kpi.id].tables });
      for (const phrase of expected[kpi.id].says) expect(kpi.definition, kpi.id).toContain(phrase);
    }
  });

  // What each KPI keeps per week beyond the report window (week-facts.ts): its fact tables and their columns. The
  // report-week KPIs have none: they read only the window's tasks.
  it('states each KPI\'s facts: tables keyed by week, with their columns', () => {
    const people = {
      people_user_weeks: ['week', 'user_id', 'ai_tasks', 'first_start', 'last_start', 'last_team'],
      people_user_months: ['week', 'month', 'user_id', 'ai_tasks', 'last_start', 'last_team'],
      task_periods: ['week', 'month', 'tasks'],
    };
    const expected: Record<string, Record<string, string[]>> = {
      adoption_rate: { adoption_weeks: ['week', 'team', 'ai_tasks', 'manual_tasks'] },
      delta_pts: { adoption_weeks_by_key: ['week', 'dimension', 'value', 'ai_tasks', 'manual_tasks'] },
      user_adoption_rate: {},
      abandonment_rate: { abandonment_weeks: ['week', 'team', 'abandoned', 'ai_tasks_any_status'] },
      power_users: {
        user_weighted_weeks: ['week', 'team', 'user_weighted_adoption_rate', 'users'],
        ai_tasks_per_user_week: ['week', 'ai_tasks', 'user_weeks'],
      },
      hours_saved: { timed_ai_tasks: ['week', 'team', 'task_type', 'timed_ai_tasks', 'duration_min'], manual_durations: ['week', 'task_type', 'duration_min', 'tasks'] },
      asi: { asi_months: ['week', 'month', 'team', 'evaluated', 'above_target'] },
      harm_rate: {},
      coverage: people,
      gaps: { tasks_per_day: ['week', 'source', 'utc_date', 'team', 'tasks'] },
      activation: people,
      retention: people,
      usage_tiers: people,
      idle_seats: people,
    };
    const config = testConfig();
    const data = makeCleanedData({
      tasks: [
        { user_id: 'a', team: 'Finance', started_at: '2026-11-16T09:00:00Z', duration_min: 5, accuracy: 0.95 },
        { source: 'manual_logs', user_id: 'b', team: 'Finance', started_at: '2026-11-17T09:00:00Z', duration_min: 20 },
      ],
    });
    const tasks = enrichTasks(data.tasks, config);
    for (const kpi of registry) {
      const facts = kpi.facts?.(tasks, config) ?? {};
      const columns = Object.fromEntries(Object.entries(facts).map(([table, rows]) => [table, Object.keys(rows[0])]));
      expect({ id: kpi.id, facts: columns }).toEqual({ id: kpi.id, facts: expected[kpi.id] });
      for (const rows of Object.values(facts)) for (const row of rows) expect(row.week, kpi.id).toBe('2026-W47');
    }
  });

  it('glossary() lists id, title and definition', () => {
    expect(glossary()[0]).toEqual({ id: 'adoption_rate', title: 'Adoption rate', definition: registry[0].definition });
    expect(glossary()).toHaveLength(registry.length);
  });
});
