import type { RetryConfig } from '../config/schema.js';
import type { AlertRow, MetricsDocument } from '../metrics/document.js';
/** An incoming-webhook payload: `text` is the notification fallback, `blocks` the Block Kit layout. */
export interface SlackMessage {
    text: string;
    blocks?: Record<string, unknown>[];
}
export interface SlackEffects {
    retry?: RetryConfig;
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    onRetry?: (info: {
        attempt: number;
        delayMs: number;
        error: unknown;
    }) => void;
    /** Per-attempt timeout in milliseconds (default 15000). */
    timeoutMs?: number;
}
/**
 * Escapes the three characters Slack's mrkdwn treats as control characters.
 * @example escapeSlack('<script> & co') // '&lt;script&gt; &amp; co'
 */
export declare function escapeSlack(text: string): string;
/**
 * Posts a message to a Slack incoming webhook with retries (5xx, 429 and network errors are retried,
 * other 4xx stop at once); throws UptakeError('deliver') naming the host and Slack's answer.
 * @example await postSlack(process.env.UPTAKE_SLACK_WEBHOOK!, { text: 'Report 2026-W47 is out' })
 */
export declare function postSlack(webhookUrl: string, message: SlackMessage, effects?: SlackEffects): Promise<{
    attempts: number;
    status: number;
}>;
/**
 * Fills `{{week}}` in a link template (config `slack.reportUrl`).
 * @example fillWeek('https://reports.example/{{week}}/', '2026-W47') // 'https://reports.example/2026-W47/'
 */
export declare function fillWeek(template: string, week: string): string;
/**
 * One alert as a mrkdwn line, every data value escaped: its `message` when it has one, else its fields.
 * @example alertLine({ rule: 'adoption_drop', severity: 'high', team: 'Procurement', delta_pts: -14.2 })
 * // '• *HIGH* adoption_drop · team Procurement · delta_pts -14.2'
 */
export declare function alertLine(alert: AlertRow): string;
/** The alert list as mrkdwn, cut to the first lines with a count of the rest. */
export declare function alertLines(alerts: AlertRow[]): string;
/**
 * The weekly Slack message: headline KPIs of the all-teams ("*") rows and the week's alerts,
 * every piece of data text escaped for mrkdwn; `{{week}}` in `reportUrl` becomes the report week.
 * @example await postSlack(url, slackReportMessage(doc, { reportUrl: 'https://reports.example/2026-W47/' }))
 */
export declare function slackReportMessage(doc: MetricsDocument, options?: {
    reportUrl?: string;
    title?: string;
}): SlackMessage;
