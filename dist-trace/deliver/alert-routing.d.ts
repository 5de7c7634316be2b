import { z } from 'zod';
import { type AlertsConfig, type Severity } from '../config/schema.js';
import type { AlertRow } from '../metrics/document.js';
export type AlertChannel = 'slack' | 'email';
/** Fields of an alert row that tell one condition from another (besides its rule). */
export declare const CONDITION_FIELDS: readonly ["team", "user_id", "task_type", "source", "date", "month"];
declare const LedgerSchema: z.ZodObject<{
    version: z.ZodLiteral<1>;
    week: z.ZodNullable<z.ZodString>;
    conditions: z.ZodRecord<z.ZodString, z.ZodObject<{
        rule: z.ZodString;
        baseSeverity: z.ZodEnum<{
            low: "low";
            medium: "medium";
            high: "high";
            critical: "critical";
        }>;
        firstWeek: z.ZodString;
        lastWeek: z.ZodString;
        consecutiveWeeks: z.ZodNumber;
        delivered: z.ZodNullable<z.ZodObject<{
            severity: z.ZodEnum<{
                low: "low";
                medium: "medium";
                high: "high";
                critical: "critical";
            }>;
            channels: z.ZodArray<z.ZodEnum<{
                slack: "slack";
                email: "email";
            }>>;
            at: z.ZodString;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type AlertLedger = z.infer<typeof LedgerSchema>;
export interface RoutedAlert {
    key: string;
    alert: AlertRow;
    /** Severity it goes out with (one above the alert's own when escalated). */
    severity: Severity;
    escalated: boolean;
    /** Consecutive routed weeks the condition has been present, this one included. */
    consecutiveWeeks: number;
    channels: AlertChannel[];
}
export type SuppressionReason = 'already_sent' | 'no_route' | 'older_week';
export interface SuppressedAlert {
    key: string;
    alert: AlertRow;
    severity: Severity;
    reason: SuppressionReason;
}
export interface AlertRoutingResult {
    week: string;
    sent: RoutedAlert[];
    suppressed: SuppressedAlert[];
    /** The subset of `sent` that went out escalated. */
    escalated: RoutedAlert[];
    failed: {
        channel: AlertChannel;
        keys: string[];
        error: string;
    }[];
    /** Conditions of earlier weeks that cleared and were dropped from the ledger. */
    forgotten: string[];
}
export interface RouteAlertsOptions {
    week: string;
    config: AlertsConfig;
    /** JSON file remembering what was sent; survives restarts. */
    ledgerPath: string;
    now: Date;
    /** The channels configured (enabled); a severity without a route goes to all of them. Default both. */
    channels?: AlertChannel[];
    /** Delivers a batch of alerts to one channel; a throw leaves them unsent there (retried next run). */
    send: (channel: AlertChannel, alerts: RoutedAlert[]) => Promise<void>;
}
/**
 * The identity of an alert's condition: its rule plus whichever of team, user_id, task_type,
 * source, date and month it carries.
 * @example conditionKey({ rule: 'adoption_drop', team: 'Legal', severity: 'high', delta_pts: -12 }) // 'adoption_drop{"team":"Legal"}'
 */
export declare function conditionKey(alert: AlertRow): string;
/**
 * One severity up, critical staying critical.
 * @example raiseSeverity('high') // 'critical'
 */
export declare function raiseSeverity(severity: Severity): Severity;
/**
 * Routes the week's alerts to channels by severity (`config.routes`; a severity without a route goes
 * to every configured channel), sending each condition at most
 * once per week and never again while it persists, except once more when it has been present
 * `config.escalateAfterWeeks` consecutive weeks: then it escalates one severity level. A condition
 * absent in a routed week is forgotten. The ledger file is rewritten atomically.
 * @example
 * const result = await routeAlerts(doc.tables.alerts, { week: doc.week, config: config.alerts, ledgerPath: 'output/alert-ledger.json', now: new Date(), send })
 */
export declare function routeAlerts(alerts: AlertRow[], options: RouteAlertsOptions): Promise<AlertRoutingResult>;
export {};
