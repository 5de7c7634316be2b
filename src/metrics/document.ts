import type { SourceAccounting, InputKind } from '../clean/types.js';
import type { Severity } from '../config/schema.js';

// The JSON document of CONTRACT section 4; extra keys beyond the contract are allowed.

export interface AdoptionByTeamRow {
  team: string;
  ai_tasks: number;
  manual_tasks: number;
  adoption_rate: number | null;
  delta_pts: number | null;
  user_adoption_rate: number | null;
  /** Extras (decisions.md): the compared rate, user adoption's parts, abandonment, power-user bias. */
  previous_adoption_rate?: number | null;
  ai_users?: number | null;
  licensed_users?: number | null;
  abandonment_rate?: number | null;
  /** The abandonment rate's numerator and denominator: stitched AI tasks ending abandoned, and of any status. */
  abandoned_tasks?: number | null;
  ai_tasks_any_status?: number | null;
  user_weighted_adoption_rate?: number | null;
  users?: number | null;
  /** The group had fewer users than privacy.minGroupSize: measures are null. */
  suppressed?: boolean;
  [extra: string]: unknown;
}

export interface AdoptionByTaskTypeRow {
  task_type: string;
  ai_tasks: number;
  manual_tasks: number;
  adoption_rate: number | null;
  delta_pts: number | null;
  /** Always "*": task-type rows span all teams. */
  team?: string;
  previous_adoption_rate?: number | null;
  abandonment_rate?: number | null;
  /** The abandonment rate's numerator and denominator: stitched AI tasks ending abandoned, and of any status. */
  abandoned_tasks?: number | null;
  ai_tasks_any_status?: number | null;
  user_weighted_adoption_rate?: number | null;
  users?: number | null;
  suppressed?: boolean;
  [extra: string]: unknown;
}

export interface AdoptionTrendRow {
  week: string;
  team: string;
  ai_tasks: number;
  manual_tasks: number;
  adoption_rate: number | null;
  [extra: string]: unknown;
}

export interface TimeSavedRow {
  week: string;
  team: string;
  hours_saved: number;
  cumulative_hours_saved: number;
  [extra: string]: unknown;
}

export interface AccuracyStabilityRow {
  month: string;
  team: string;
  evaluated: number;
  above_target: number;
  asi: number | null;
  [extra: string]: unknown;
}

export interface HarmRow {
  team: string;
  ai_tasks: number;
  harmful: number;
  harm_rate: number | null;
  [extra: string]: unknown;
}

export interface LoggingCoverageRow {
  month: string;
  user_id: string;
  logged_ai_tasks: number;
  reported_ai_tasks: number;
  coverage: number | null;
  flagged: boolean;
  [extra: string]: unknown;
}

export interface GapRow {
  source: 'ai_logs' | 'manual_logs';
  team: string;
  date: string;
  [extra: string]: unknown;
}

/** A user above the power-user percentile of weekly AI-task counts (table `power_users`). */
export interface PowerUserRow {
  week: string;
  user_id: string;
  team: string | null;
  ai_tasks: number;
  /** The percentile value the user's count is above. */
  threshold: number;
  [extra: string]: unknown;
}

/** The manual baseline per task type used for hours saved (table `baselines`). */
export interface BaselineRow {
  task_type: string;
  baseline_min: number;
  manual_tasks_with_duration: number;
  [extra: string]: unknown;
}

export interface AlertRow {
  rule: string;
  severity: Severity;
  team?: string;
  /** The task type a task_type_drop alert is about (its team is "*": the task type's row spans all teams). */
  task_type?: string;
  /** One human sentence, e.g. "Procurement: adoption fell 18.8 points from 2026-W46 to 2026-W47 (54.2% -> 35.5%)". */
  message?: string;
  [extra: string]: unknown;
}

export interface MetricsTables {
  adoption_by_team: AdoptionByTeamRow[];
  adoption_by_task_type: AdoptionByTaskTypeRow[];
  adoption_trend: AdoptionTrendRow[];
  time_saved: TimeSavedRow[];
  accuracy_stability: AccuracyStabilityRow[];
  harm: HarmRow[];
  logging_coverage: LoggingCoverageRow[];
  gaps: GapRow[];
  alerts: AlertRow[];
  [extra: string]: Record<string, unknown>[];
}

export interface MetricsDocument {
  week: string;
  week_start: string;
  week_end: string;
  timezone: string;
  tables: MetricsTables;
  accounting: Partial<Record<InputKind, SourceAccounting>>;
  /** The thresholds the document was computed with, so words and charts phrase against the same lines. */
  /**
   * The thresholds the run used; a rule turned off records null (task_type_drop_pts and the lines of asi_below_target
   * (an ASI), asi_falling (a change of ASI), harm_rate (a rate) and idle_seats (a share): absent in older documents).
   */
  thresholds?: {
    accuracy_target: number;
    coverage_threshold: number;
    adoption_drop_pts: number | null;
    task_type_drop_pts?: number | null;
    asi_below_target?: number | null;
    asi_falling?: number | null;
    harm_rate?: number | null;
    idle_seats?: number | null;
  };
  /** Cleaning's other counts: quarantined rows by reason, repairs, tasks without a usable duration, teams filled from the roster. */
  data_quality?: {
    quarantine_by_reason: Record<string, number>;
    repairs: Record<string, number>;
    durations_dropped: { unknown: number; too_long: number };
    teams_filled: number;
  };
  [extra: string]: unknown;
}
