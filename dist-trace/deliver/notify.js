import { sendEmail } from './email.js';
import { escapeSlack, fillWeek, postSlack } from './slack.js';
function errorText(error) {
    if (error instanceof Error)
        return error.message;
    if (error === undefined || error === null)
        return 'unknown error';
    return String(error);
}
// A failure notice must still go out when the run failed, so one channel failing never stops the other.
/**
 * Tells the enabled channels that a run succeeded or failed (plain text, never the report itself);
 * each channel is tried with its retries and the outcome per channel is returned, nothing thrown.
 * @example
 * await notifyRunOutcome({ ok: false, week: '2026-W47', error, summary: 'stopped at render' }, resolveChannels(config), {})
 */
export async function notifyRunOutcome(outcome, channels, effects = {}) {
    const title = outcome.title ?? 'AI adoption report';
    const headline = outcome.ok ? `${title} ${outcome.week}: the report is ready` : `${title} ${outcome.week}: the run FAILED`;
    const reason = outcome.ok ? '' : errorText(outcome.error);
    const reportUrl = outcome.reportUrl ? fillWeek(outcome.reportUrl, outcome.week) : undefined;
    const results = [];
    if (channels.slack) {
        const lines = [`${outcome.ok ? ':white_check_mark:' : ':x:'} *${escapeSlack(headline)}*`];
        if (reason)
            lines.push(`Error: ${escapeSlack(reason)}`);
        if (outcome.summary)
            lines.push(escapeSlack(outcome.summary));
        if (reportUrl && outcome.ok)
            lines.push(`<${escapeSlack(reportUrl.replace(/\|/g, '%7C'))}|Open the report>`);
        try {
            await postSlack(channels.slack.webhookUrl, { text: lines.join('\n') }, { ...effects, retry: channels.slack.retry });
            results.push({ channel: 'slack', ok: true });
        }
        catch (error) {
            results.push({ channel: 'slack', ok: false, error: errorText(error) });
        }
    }
    if (channels.email) {
        const text = [headline, reason ? `Error: ${reason}` : '', outcome.summary, outcome.ok && reportUrl ? `Report: ${reportUrl}` : '']
            .filter(Boolean)
            .join('\n\n');
        try {
            await sendEmail(channels.email, { subject: `[uptake] ${headline}`, text }, effects);
            results.push({ channel: 'email', ok: true });
        }
        catch (error) {
            results.push({ channel: 'email', ok: false, error: errorText(error) });
        }
    }
    return results;
}
//# sourceMappingURL=notify.js.map