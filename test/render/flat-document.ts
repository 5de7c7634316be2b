import type { MetricsDocument } from '../../src/metrics/document.js';

/** A small metrics document with the awkward values the flat-file writers must keep straight. */
export const flatDocument: MetricsDocument = {
  week: '2026-W47',
  week_start: '2026-11-16',
  week_end: '2026-11-22',
  timezone: 'UTC',
  tables: {
    adoption_by_team: [
      { team: 'Finance', ai_tasks: 30, manual_tasks: 10, adoption_rate: 0.75, delta_pts: 5, user_adoption_rate: 0.5 },
      { team: '=HYPERLINK("http://evil.example","click")', ai_tasks: 1, manual_tasks: 3, adoption_rate: 0.25, delta_pts: -14.2, user_adoption_rate: null },
      { team: 'Legal, "Contracts"', ai_tasks: 0, manual_tasks: 0, adoption_rate: null, delta_pts: null, user_adoption_rate: null },
    ],
    adoption_by_task_type: [],
    adoption_trend: [{ week: '2026-W46', team: '*', ai_tasks: 28, manual_tasks: 12, adoption_rate: 0.7 }],
    time_saved: [{ week: '2026-W47', team: '*', hours_saved: -2.5, cumulative_hours_saved: 118.25 }],
    accuracy_stability: [{ month: '2026-11', team: '*', evaluated: 20, above_target: 18, asi: 0.9 }],
    harm: [{ team: '+Ops', ai_tasks: 10, harmful: 1, harm_rate: 0.1 }],
    logging_coverage: [
      { month: '2026-10', user_id: '@u1', logged_ai_tasks: 8, reported_ai_tasks: 10, coverage: 0.8, flagged: false },
      { month: '2026-10', user_id: 'u2', logged_ai_tasks: 1, reported_ai_tasks: 10, coverage: 0.1, flagged: true },
    ],
    gaps: [{ source: 'ai_logs', team: 'Legal', date: '2026-11-18' }],
    alerts: [{ rule: 'adoption_drop', team: '-Procurement', delta_pts: -14.2, severity: 'high' }],
  },
  accounting: {},
};
