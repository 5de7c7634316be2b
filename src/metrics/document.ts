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
  [extra: string]: unknown;
}

export interface AdoptionByTaskTypeRow {
  task_type: string;
  ai_tasks: number;
  manual_tasks: number;
  adoption_rate: number | null;
  delta_pts: number | null;
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

export interface AlertRow {
  rule: string;
  severity: Severity;
  team?: string;
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
  [extra: string]: unknown;
}
