import { UptakeError } from '../errors.js';
import { severityRank } from '../metrics/alerts.js';
import { alertTitle, formatCount } from '../metrics/column-catalog.js';
import type { AlertChannel, RoutedAlert } from './alert-routing.js';
import { sendEmail } from './email.js';
import type { DeliveryEffects } from './notify.js';
import type { DeliveryChannels } from './resolve-channels.js';
import { moreAlertsSentence } from '../render/front-page.js';
import { alertLine, escapeSlack, firstAlertLines, postSlack } from './slack.js';

function escalationNote(routed: RoutedAlert): string {
  return routed.escalated ? ` (escalated from ${routed.alert.severity}: present ${routed.consecutiveWeeks} weeks in a row)` : '';
}

function plainLine(routed: RoutedAlert): string {
  const head = `- [${routed.severity.toUpperCase()}] ${alertTitle(routed.alert.rule)}`;
  if (typeof routed.alert.message === 'string' && routed.alert.message !== '') return `${head}: ${routed.alert.message}${escalationNote(routed)}`;
  const details = Object.entries(routed.alert)
    .filter(([key, value]) => key !== 'rule' && key !== 'severity' && value !== null && value !== undefined)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [head, ...details].join(' · ') + escalationNote(routed);
}

/**
 * The `send` function routeAlerts needs, posting to Slack and emailing through the resolved channels;
 * a channel that is routed to but not enabled is an error (so the ledger keeps the alert pending).
 * @example await routeAlerts(alerts, { ...options, send: createAlertSender(resolveChannels(config), { week, title: config.title }) })
 */
export function createAlertSender(
  channels: DeliveryChannels,
  context: { week: string; title?: string },
  effects: DeliveryEffects = {},
): (channel: AlertChannel, alerts: RoutedAlert[]) => Promise<void> {
  const title = context.title ?? 'AI adoption report';
  return async (channel, alerts) => {
    if (channel === 'slack') {
      if (!channels.slack) throw new UptakeError('config', 'alerts.routes sends alerts to slack, but slack.enabled is false');
      // hundreds of teams alerting at once made one message of every line (Slack cuts a message's text at 40,000
      // characters): the most severe are listed, the rest counted (metrics.xlsx and alerts.csv hold every one; the
      // report's appendix only the most severe of the week's, in another order than these routed severities)
      const bySeverity = [...alerts].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
      const lines = firstAlertLines(bySeverity, (routed) => {
        const line = alertLine({ ...routed.alert, severity: routed.severity });
        return routed.escalated ? `${line} _${escapeSlack(escalationNote(routed).trim())}_` : line;
      }, (left) => moreAlertsSentence(left, 'in metrics.xlsx and alerts.csv'));
      const heading = `*${escapeSlack(title)} ${escapeSlack(context.week)}: ${formatCount(alerts.length)} alert${alerts.length === 1 ? '' : 's'}*`;
      await postSlack(channels.slack.webhookUrl, { text: `${heading}\n${lines.join('\n')}` }, { ...effects, retry: channels.slack.retry, what: 'the alerts' });
      return;
    }
    if (!channels.email) throw new UptakeError('config', 'alerts.routes sends alerts to email, but email.enabled is false');
    const escalated = alerts.filter((routed) => routed.escalated).length;
    await sendEmail(
      channels.email,
      {
        subject: `[uptake] ${title} ${context.week}: ${formatCount(alerts.length)} alert${alerts.length === 1 ? '' : 's'}${escalated ? `, ${escalated} escalated` : ''}`,
        text: alerts.map(plainLine).join('\n'),
      },
      effects,
    );
  };
}
