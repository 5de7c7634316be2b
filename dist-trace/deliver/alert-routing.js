import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SeveritySchema } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { shiftWeek } from '../util/iso-week.js';
const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];
/** Fields of an alert row that tell one condition from another (besides its rule). */
export const CONDITION_FIELDS = ['team', 'user_id', 'task_type', 'source', 'date', 'month'];
const ChannelSchema = z.enum(['slack', 'email']);
const LedgerSchema = z.object({
    version: z.literal(1),
    /** The latest week routed. */
    week: z.string().nullable(),
    conditions: z.record(z.string(), z.object({
        rule: z.string(),
        baseSeverity: SeveritySchema,
        firstWeek: z.string(),
        lastWeek: z.string(),
        consecutiveWeeks: z.number().int().positive(),
        /** What went out for this condition: the severity and the channels that took it. */
        delivered: z.object({ severity: SeveritySchema, channels: z.array(ChannelSchema), at: z.string() }).nullable(),
    })),
});
/**
 * The identity of an alert's condition: its rule plus whichever of team, user_id, task_type,
 * source, date and month it carries.
 * @example conditionKey({ rule: 'adoption_drop', team: 'Legal', severity: 'high', delta_pts: -12 }) // 'adoption_drop{"team":"Legal"}'
 */
export function conditionKey(alert) {
    const identity = {};
    for (const field of CONDITION_FIELDS) {
        const value = alert[field];
        if (value !== undefined && value !== null)
            identity[field] = value;
    }
    return `${alert.rule}${JSON.stringify(identity)}`;
}
/**
 * One severity up, critical staying critical.
 * @example raiseSeverity('high') // 'critical'
 */
export function raiseSeverity(severity) {
    return SEVERITY_ORDER[Math.min(SEVERITY_ORDER.length - 1, SEVERITY_ORDER.indexOf(severity) + 1)];
}
const rank = (severity) => SEVERITY_ORDER.indexOf(severity);
async function readLedger(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { version: 1, week: null, conditions: {} };
        throw new UptakeError('deliver', `expected to read the alert ledger, got: ${error.message}`, { file: path, cause: error });
    }
    try {
        return LedgerSchema.parse(JSON.parse(text));
    }
    catch (error) {
        throw new UptakeError('deliver', `expected an uptake alert ledger (JSON, version 1), got unreadable content; move the file away to start afresh`, {
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
export async function routeAlerts(alerts, options) {
    const { week, config, ledgerPath } = options;
    const ledger = await readLedger(ledgerPath);
    const result = { week, sent: [], suppressed: [], escalated: [], failed: [], forgotten: [] };
    // The same condition twice in one list: keep its most severe row.
    const byKey = new Map();
    for (const alert of alerts) {
        const key = conditionKey(alert);
        const known = byKey.get(key);
        if (!known || rank(alert.severity) > rank(known.severity))
            byKey.set(key, alert);
    }
    const keys = [...byKey.keys()].sort((a, b) => rank(byKey.get(b).severity) - rank(byKey.get(a).severity) || (a < b ? -1 : a > b ? 1 : 0));
    if (ledger.week !== null && week < ledger.week) {
        for (const key of keys)
            result.suppressed.push({ key, alert: byKey.get(key), severity: byKey.get(key).severity, reason: 'older_week' });
        return result;
    }
    const previousWeek = shiftWeek(week, -1);
    const conditions = {};
    const pending = [];
    for (const key of keys) {
        const alert = byKey.get(key);
        const old = ledger.conditions[key];
        let entry;
        if (old && old.lastWeek === week) {
            entry = { ...old, rule: alert.rule, baseSeverity: alert.severity };
        }
        else if (old && (old.lastWeek === previousWeek || old.lastWeek === ledger.week)) {
            entry = { ...old, rule: alert.rule, baseSeverity: alert.severity, lastWeek: week, consecutiveWeeks: old.consecutiveWeeks + 1 };
        }
        else {
            entry = { rule: alert.rule, baseSeverity: alert.severity, firstWeek: week, lastWeek: week, consecutiveWeeks: 1, delivered: null };
        }
        conditions[key] = entry;
        const severity = entry.consecutiveWeeks >= config.escalateAfterWeeks ? raiseSeverity(alert.severity) : alert.severity;
        const routes = [...new Set(config.routes[severity] ?? options.channels ?? ['slack', 'email'])];
        const delivered = entry.delivered;
        let pendingChannels;
        if (delivered === null || rank(severity) > rank(delivered.severity))
            pendingChannels = routes;
        else if (delivered.severity === severity)
            pendingChannels = routes.filter((channel) => !delivered.channels.includes(channel));
        else
            pendingChannels = [];
        if (pendingChannels.length === 0) {
            result.suppressed.push({ key, alert, severity, reason: routes.length === 0 && delivered === null ? 'no_route' : 'already_sent' });
            continue;
        }
        pending.push({
            routed: { key, alert, severity, escalated: severity !== alert.severity, consecutiveWeeks: entry.consecutiveWeeks, channels: pendingChannels },
            pendingChannels,
        });
    }
    // One batch per channel; a channel that fails leaves its alerts pending for the next run.
    const accepted = new Map();
    for (const channel of ['slack', 'email']) {
        const batch = pending.filter((item) => item.pendingChannels.includes(channel)).map((item) => item.routed);
        if (batch.length === 0)
            continue;
        try {
            await options.send(channel, batch);
            for (const routed of batch)
                accepted.set(routed.key, [...(accepted.get(routed.key) ?? []), channel]);
        }
        catch (error) {
            result.failed.push({ channel, keys: batch.map((routed) => routed.key), error: error instanceof Error ? error.message : String(error) });
        }
    }
    const at = options.now.toISOString();
    for (const { routed } of pending) {
        const channels = accepted.get(routed.key);
        if (!channels)
            continue;
        const entry = conditions[routed.key];
        const earlier = entry.delivered?.severity === routed.severity ? entry.delivered.channels : [];
        entry.delivered = { severity: routed.severity, channels: [...new Set([...earlier, ...channels])], at };
        const sent = { ...routed, channels };
        result.sent.push(sent);
        if (sent.escalated)
            result.escalated.push(sent);
    }
    result.forgotten = Object.keys(ledger.conditions)
        .filter((key) => !(key in conditions))
        .sort();
    await writeFileAtomic(ledgerPath, `${JSON.stringify({ version: 1, week, conditions }, null, 2)}\n`);
    return result;
}
//# sourceMappingURL=alert-routing.js.map