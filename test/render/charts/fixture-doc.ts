import type { MetricsDocument, MetricsTables } from '../../../src/metrics/document.js';

/** A small hand-built metrics document for chart tests. */
export function chartDoc(tables: Partial<MetricsTables> = {}, extra: Partial<MetricsDocument> = {}): MetricsDocument {
  return {
    week: '2026-W47',
    week_start: '2026-11-16',
    week_end: '2026-11-22',
    timezone: 'UTC',
    tables: {
      adoption_by_team: [],
      adoption_by_task_type: [
        { task_type: 'contract_review', team: '*', ai_tasks: 30, manual_tasks: 10, adoption_rate: 0.75, delta_pts: 5 },
        { task_type: 'budget_reconciliation', team: '*', ai_tasks: 10, manual_tasks: 30, adoption_rate: 0.25, delta_pts: null },
        { task_type: 'rare', team: '*', ai_tasks: 0, manual_tasks: 0, adoption_rate: null, delta_pts: null },
      ],
      adoption_trend: [
        { week: '2026-W46', team: '*', ai_tasks: 30, manual_tasks: 70, adoption_rate: 0.3 },
        { week: '2026-W46', team: 'Legal', ai_tasks: 10, manual_tasks: 10, adoption_rate: 0.5 },
        { week: '2026-W46', team: 'Tiny', ai_tasks: 0, manual_tasks: 0, adoption_rate: null, suppressed: true },
        { week: '2026-W47', team: '*', ai_tasks: 40, manual_tasks: 60, adoption_rate: 0.4 },
        { week: '2026-W47', team: 'Legal', ai_tasks: 15, manual_tasks: 5, adoption_rate: 0.75 },
      ],
      time_saved: [
        { week: '2026-W46', team: '*', hours_saved: 10, cumulative_hours_saved: 10 },
        { week: '2026-W46', team: 'Legal', hours_saved: 4, cumulative_hours_saved: 4 },
        { week: '2026-W47', team: '*', hours_saved: 12.5, cumulative_hours_saved: 22.5 },
        { week: '2026-W47', team: 'Legal', hours_saved: 5, cumulative_hours_saved: 9 },
      ],
      accuracy_stability: [
        { month: '2026-10', team: '*', evaluated: 100, above_target: 85, asi: 0.85 },
        { month: '2026-10', team: 'Sales Ops', evaluated: 50, above_target: 31, asi: 0.62 },
        { month: '2026-11', team: '*', evaluated: 100, above_target: 80, asi: 0.8 },
        { month: '2026-11', team: 'Sales Ops', evaluated: 50, above_target: 17, asi: 0.34 },
        { month: '2026-11', team: 'Tiny', evaluated: 0, above_target: 0, asi: null, suppressed: true },
      ],
      harm: [],
      logging_coverage: [
        { month: '2026-09', user_id: 'old', logged_ai_tasks: 1, reported_ai_tasks: 10, coverage: 0.1, flagged: true },
        { month: '2026-10', user_id: 'u1', logged_ai_tasks: 5, reported_ai_tasks: 10, coverage: 0.5, flagged: true },
        { month: '2026-10', user_id: 'u2', logged_ai_tasks: 9, reported_ai_tasks: 10, coverage: 0.9, flagged: false },
        { month: '2026-10', user_id: 'u3', logged_ai_tasks: 4, reported_ai_tasks: 0, coverage: null, flagged: false },
      ],
      gaps: [],
      alerts: [],
      ...tables,
    },
    accounting: {},
    ...extra,
  };
}

/** Reads nested spec properties without fighting vega-lite's union types. */
export function at(spec: unknown, ...path: Array<string | number>): any {
  let value: any = spec;
  for (const key of path) value = value?.[key];
  return value;
}
