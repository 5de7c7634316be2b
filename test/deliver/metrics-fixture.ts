import type { AlertRow, MetricsDocument } from '../../src/metrics/document.js';

/** Two task_type_drop alerts as the sample's 2026-W47 raises them: one team ("*"), told apart by their task type. */
export function taskTypeAlerts(): AlertRow[] {
  return [
    { rule: 'task_type_drop', severity: 'medium', team: '*', task_type: 'invoice_matching', delta_pts: -16.7, message: 'All teams: adoption of the task type invoice matching fell 16.7 points' },
    { rule: 'task_type_drop', severity: 'medium', team: '*', task_type: 'vendor_onboarding', delta_pts: -14.7, message: 'All teams: adoption of the task type vendor onboarding fell 14.7 points' },
  ];
}

// A small report for 2026-W47 with a team name and an alert that carry markup, to test escaping.
export function metricsFixture(week = '2026-W47'): MetricsDocument {
  return {
    week,
    week_start: '2026-11-16',
    week_end: '2026-11-22',
    timezone: 'UTC',
    tables: {
      adoption_by_team: [
        { team: '*', ai_tasks: 41, manual_tasks: 59, adoption_rate: 0.41, delta_pts: 3.25, user_adoption_rate: 0.5, users: 12, suppressed: false },
        { team: 'Finance', ai_tasks: 30, manual_tasks: 20, adoption_rate: 0.6, delta_pts: null, user_adoption_rate: null, users: 6, suppressed: false },
        { team: 'R&D <Labs>', ai_tasks: 11, manual_tasks: 39, adoption_rate: 0.22, delta_pts: -14.2, user_adoption_rate: 0.25, users: 6, suppressed: false },
      ],
      adoption_by_task_type: [
        { team: '*', task_type: 'budget_reconciliation', ai_tasks: 30, manual_tasks: 20, adoption_rate: 0.6, delta_pts: 5 },
      ],
      adoption_trend: [
        { week: '2026-W46', team: '*', ai_tasks: 30, manual_tasks: 70, adoption_rate: 0.3 },
        { week: '2026-W47', team: '*', ai_tasks: 41, manual_tasks: 59, adoption_rate: 0.41 },
      ],
      time_saved: [
        { week: '2026-W46', team: '*', hours_saved: 10, cumulative_hours_saved: 10 },
        { week: '2026-W47', team: '*', hours_saved: 12.5, cumulative_hours_saved: 22.5 },
      ],
      accuracy_stability: [
        { month: '2026-10', team: '*', evaluated: 20, above_target: 18, asi: 0.9 },
        { month: '2026-11', team: '*', evaluated: 10, above_target: 8, asi: 0.8 },
      ],
      harm: [{ team: '*', ai_tasks: 41, harmful: 1, harm_rate: 1 / 41 }],
      logging_coverage: [
        { month: '2026-10', user_id: 'u1', logged_ai_tasks: 8, reported_ai_tasks: 10, coverage: 0.8, flagged: false },
        { month: '2026-10', user_id: 'u2', logged_ai_tasks: 1, reported_ai_tasks: 0, coverage: null, flagged: false },
      ],
      gaps: [{ source: 'ai_logs', team: 'Legal', date: '2026-11-18' }],
      alerts: [
        { rule: 'adoption_drop', team: 'R&D <Labs>', delta_pts: -14.2, severity: 'high' },
        { rule: 'harm_rate', team: '*', value: 0.0244, threshold: 0.01, severity: 'critical' },
      ],
      power_users: [{ week, user_id: 'u7', team: 'Finance', ai_tasks: 40 }],
    },
    accounting: { ai_logs: { rows_read: 50, quarantined: 2, exact_duplicates: 1, conflicting_duplicates: 0, retry_duplicates: 1, rows_in_tasks: 46, tasks: 41 } },
  };
}
