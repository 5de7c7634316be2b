import type { AlertRow } from './document.js';
import type { KpiContext, Row } from './kpi.js';
/** Rule name -> default threshold (undefined: the rule has none). */
export declare const ALERT_RULES: Record<string, number | undefined>;
/**
 * Evaluates config.alerts.rules over the finished tables (after suppression, so suppressed groups never alert).
 * Team rules alert per team; the all-teams "*" row does not alert (a team carries the change):
 * - adoption_drop: a team in adoption_by_team whose delta_pts <= threshold (-10);
 * - asi_below_target: a team whose ASI in the report week's month (its Sunday's) is below threshold (0.8);
 * - asi_falling: a team whose ASI changed by <= threshold (-0.1) from the previous month;
 * - harm_rate: a team whose harm rate in the report week is above threshold (0.01);
 * - data_gap: one per row of gaps;
 * - blind_spot: one per user flagged in the latest month of logging_coverage;
 * - idle_seats: a team whose idle_share in the report week is at least threshold (alerts.idleSeatShare, 0.3).
 * Sorted by severity (critical first), then rule, then team.
 * @example evaluateAlerts(tables, context).filter((alert) => alert.rule === 'adoption_drop')
 */
export declare function evaluateAlerts(tables: Record<string, Row[]>, context: KpiContext): AlertRow[];
