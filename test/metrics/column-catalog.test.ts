import { describe, expect, it } from 'vitest';
import { alertTitle, columnLabel, formatColumnValue, teamName } from '../../src/metrics/column-catalog.js';

describe('column catalogue', () => {
  it('names columns in the reader\'s words, unknown ones as their words', () => {
    expect(['ai_tasks', 'adoption_rate', 'delta_pts', 'user_adoption_rate', 'cumulative_hours_saved', 'some_new_column'].map(columnLabel)).toEqual([
      'AI tasks',
      'Adoption',
      'Change vs last week (pts)',
      'User adoption',
      'Hours saved to date (h)',
      'Some new column',
    ]);
    expect([teamName('*'), teamName('Legal'), alertTitle('asi_below_target')]).toEqual(['All teams', 'Legal', 'Accuracy below target']);
  });

  it('formats each value by its unit, one style everywhere', () => {
    expect([
      formatColumnValue('adoption_rate', 0.5131),
      formatColumnValue('harm_rate', 0),
      formatColumnValue('delta_pts', 0.226),
      formatColumnValue('delta_pts', -22.04),
      formatColumnValue('delta_pts', -0.01),
      formatColumnValue('hours_saved', 2242.34),
      formatColumnValue('ai_tasks', 1799),
      formatColumnValue('adoption_rate', null),
      formatColumnValue('task_type', 'budget_reconciliation'),
      formatColumnValue('source', 'manual_logs'),
      formatColumnValue('team', '*'),
      formatColumnValue('flagged', true),
    ]).toEqual(['51.3 %', '0.0 %', '+0.2', '-22.0', '0.0', '2,242.3', '1,799', '—', 'budget reconciliation', 'Manual logs', 'All teams', 'yes']);
  });
});
