import { z } from 'zod';
import { SeveritySchema, type AlertsConfig, type Severity } from '../config/schema.js';
import type { AlertRow } from '../metrics/document.js';
import { UptakeError } from '../errors.js';
import { readRegularFile } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { shiftWeek } from '../util/iso-week.js';
import { fateUnknown } from './retry.js';
import { reachedRecipients } from './email.js';

export type AlertChannel = 'slack' | 'email';

const SEVERITY_ORDER: Severity[] = ['low', 'medium', 'high', 'critical'];

/** Fields of an alert row that tell one condition from another (besides its rule). */
export const CONDITION_FIELDS = ['team', 'user_id', 'task_type', 'source', 'date', 'month'] as const;

const ChannelSchema = z.enum(['slack', 'email']);

const LedgerSchema = z.object({
  version: z.literal(1),
  /** The latest week routed. */
  week: z.string().nullable(),
  conditions: z.record(
    z.string(),
    z.object({
      rule: z.string(),
      baseSeverity: SeveritySchema,
      firstWeek: z.string(),
      lastWeek: z.string(),
      consecutiveWeeks: z.number().int().positive(),
      /** What went out for this condition: the severity and the channels that took it. */
      delivered: z.object({ severity: SeveritySchema, channels: z.array(ChannelSchema), at: z.string() }).nullable(),
    }),
  ),
});

export type AlertLedger = z.infer<typeof LedgerSchema>;
type LedgerEntry = AlertLedger['conditions'][string];

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
  /**
   * The channels that did not take their batch. `mayHaveArrived`: the channel may have it (its fate unknown: posted or
   * mailed whole, then no answer), or some of its mail recipients have it: kept as delivered in the ledger, so that no
   * later run sends it again.
   */
  failed: { channel: AlertChannel; keys: string[]; error: string; mayHaveArrived?: boolean }[];
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
export function conditionKey(alert: AlertRow): string {
  const identity: Record<string, unknown> = {};
  for (const field of CONDITION_FIELDS) {
    const value = alert[field];
    if (value !== undefined && value !== null) identity[field] = value;
  }
  return `${alert.rule}${JSON.stringify(identity)}`;
}

/**
 * One severity up, critical staying critical.
 * @example raiseSeverity('high') // 'critical'
 */
export function raiseSeverity(severity: Severity): Severity {
  return SEVERITY_ORDER[Math.min(SEVERITY_ORDER.length - 1, SEVERITY_ORDER.indexOf(severity) + 1)];
}

const rank = (severity: Severity): number => SEVERITY_ORDER.indexOf(severity);

// The ledger is uptake's state, not a channel: one it cannot use is exit 12 (as the run log), not a delivery failure.
/**
 * The alert ledger at `path` (empty when there is none). One that is not a regular file, or not an uptake alert
 * ledger, is an UptakeError('output') naming it. A delivering run reads it before any work, so that it never fails
 * on it after the report was mailed.
 * @example await readAlertLedger('output/.uptake/alert-ledger.json') // { version: 1, week: '2026-W47', conditions: {...} }
 */
export async function readAlertLedger(path: string): Promise<AlertLedger> {
  let text: string;
  try {
    text = await readRegularFile(path, 'the alert ledger', 'output');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, week: null, conditions: {} };
    if (error instanceof UptakeError) throw error;
    throw new UptakeError('output', `expected to read the alert ledger, got: ${(error as Error).message}`, { file: path, cause: error });
  }
  try {
    return LedgerSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new UptakeError('output', `expected an uptake alert ledger (JSON, version 1), got unreadable content; move the file away to start afresh`, {
      file: path,
      cause: error,
    });
  }
}

// Orchestrators resend the same alert every run; here each condition goes out once, and once more when it escalates.
/**
 * Routes the week's alerts to channels by severity (`config.routes`; a severity without a route goes
 * to every configured channel), sending each condition at most
 * once per week and never again while it persists, except once more when it has been present
 * `config.escalateAfterWeeks` consecutive weeks: then it escalates one severity level. A condition
 * absent in a routed week is forgotten. The ledger file is rewritten atomically.
 * @example
 * const result = await routeAlerts(doc.tables.alerts, { week: doc.week, config: config.alerts, ledgerPath: 'output/alert-ledger.json', now: new Date(), send })
 */
export async function routeAlerts(alerts: AlertRow[], options: RouteAlertsOptions): Promise<AlertRoutingResult> {
  const { week, config, ledgerPath } = options;
  const ledger = await readAlertLedger(ledgerPath);
  const result: AlertRoutingResult = { week, sent: [], suppressed: [], escalated: [], failed: [], forgotten: [] };

  // The same condition twice in one list: keep its most severe row.
  const byKey = new Map<string, AlertRow>();
  for (const alert of alerts) {
    const key = conditionKey(alert);
    const known = byKey.get(key);
    if (!known || rank(alert.severity) > rank(known.severity)) byKey.set(key, alert);
  }
  const keys = [...byKey.keys()].sort((a, b) => rank(byKey.get(b)!.severity) - rank(byKey.get(a)!.severity) || (a < b ? -1 : a > b ? 1 : 0));

  if (ledger.week !== null && week < ledger.week) {
    for (const key of keys) result.suppressed.push({ key, alert: byKey.get(key)!, severity: byKey.get(key)!.severity, reason: 'older_week' });
    return result;
  }

  const previousWeek = shiftWeek(week, -1);
  const conditions: Record<string, LedgerEntry> = {};
  const pending: { routed: RoutedAlert; pendingChannels: AlertChannel[] }[] = [];
  for (const key of keys) {
    const alert = byKey.get(key)!;
    const old = ledger.conditions[key];
    let entry: LedgerEntry;
    if (old && old.lastWeek === week) {
      entry = { ...old, rule: alert.rule, baseSeverity: alert.severity };
    } else if (old && (old.lastWeek === previousWeek || old.lastWeek === ledger.week)) {
      entry = { ...old, rule: alert.rule, baseSeverity: alert.severity, lastWeek: week, consecutiveWeeks: old.consecutiveWeeks + 1 };
    } else {
      entry = { rule: alert.rule, baseSeverity: alert.severity, firstWeek: week, lastWeek: week, consecutiveWeeks: 1, delivered: null };
    }
    conditions[key] = entry;
    const severity = entry.consecutiveWeeks >= config.escalateAfterWeeks ? raiseSeverity(alert.severity) : alert.severity;
    const routes: AlertChannel[] = [...new Set(config.routes[severity] ?? options.channels ?? (['slack', 'email'] as const))];
    const delivered = entry.delivered;
    let pendingChannels: AlertChannel[];
    if (delivered === null || rank(severity) > rank(delivered.severity)) pendingChannels = routes;
    else if (delivered.severity === severity) pendingChannels = routes.filter((channel) => !delivered.channels.includes(channel));
    else pendingChannels = [];
    if (pendingChannels.length === 0) {
      result.suppressed.push({ key, alert, severity, reason: routes.length === 0 && delivered === null ? 'no_route' : 'already_sent' });
      continue;
    }
    pending.push({
      routed: { key, alert, severity, escalated: severity !== alert.severity, consecutiveWeeks: entry.consecutiveWeeks, channels: pendingChannels },
      pendingChannels,
    });
  }

  // One batch per channel; a channel that refused it leaves its alerts pending for the next run. One that may have
  // taken it (no answer to a whole post or mail) does not: the next run sending them again showed them twice.
  const accepted = new Map<string, AlertChannel[]>();
  const perhaps = new Map<string, AlertChannel[]>();
  for (const channel of ['slack', 'email'] as const) {
    const batch = pending.filter((item) => item.pendingChannels.includes(channel)).map((item) => item.routed);
    if (batch.length === 0) continue;
    try {
      await options.send(channel, batch);
      for (const routed of batch) accepted.set(routed.key, [...(accepted.get(routed.key) ?? []), channel]);
    } catch (error) {
      // (so does a mail some recipients have: a later run sending it again mailed them the alerts twice; the error names
      // those who do not have it)
      const mayHaveArrived = fateUnknown(error) || reachedRecipients(error).length > 0;
      result.failed.push({ channel, keys: batch.map((routed) => routed.key), error: error instanceof Error ? error.message : String(error), ...(mayHaveArrived && { mayHaveArrived }) });
      if (mayHaveArrived) for (const routed of batch) perhaps.set(routed.key, [...(perhaps.get(routed.key) ?? []), channel]);
    }
  }
  const at = options.now.toISOString();
  for (const { routed } of pending) {
    const channels = accepted.get(routed.key) ?? [];
    const kept = [...channels, ...(perhaps.get(routed.key) ?? [])];
    if (kept.length === 0) continue;
    const entry = conditions[routed.key];
    const earlier = entry.delivered?.severity === routed.severity ? entry.delivered.channels : [];
    entry.delivered = { severity: routed.severity, channels: [...new Set([...earlier, ...kept])], at };
    if (channels.length === 0) continue;
    const sent = { ...routed, channels };
    result.sent.push(sent);
    if (sent.escalated) result.escalated.push(sent);
  }

  result.forgotten = Object.keys(ledger.conditions)
    .filter((key) => !(key in conditions))
    .sort();
  await writeFileAtomic(ledgerPath, `${JSON.stringify({ version: 1, week, conditions } satisfies AlertLedger, null, 2)}\n`);
  return result;
}
