import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { sendEmail } from './email.js';
import { escapeSlack, fillWeek, postSlack } from './slack.js';
import type { AlertChannel } from './alert-routing.js';
import type { DeliveryChannels } from './resolve-channels.js';

export interface RunOutcomeNotice {
  ok: boolean;
  week: string;
  /** Report title (config.title). */
  title?: string;
  /** Why the run failed (an Error, UptakeError or text); only for `ok: false`. */
  error?: unknown;
  /** One or two lines on what the run did, e.g. "41 AI tasks, adoption 41.0%; 2 alerts". */
  summary: string;
  reportUrl?: string;
}

/** Side effects of a delivery, injectable for tests. */
export interface DeliveryEffects {
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  createTransport?: (options: SMTPTransport.Options) => Transporter<SMTPTransport.SentMessageInfo>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Aborting it ends a delivery in progress at once (a run aborted by a stop signal). */
  signal?: AbortSignal;
}

export interface ChannelResult {
  channel: AlertChannel;
  ok: boolean;
  /** Why it could not be delivered (after retries). */
  error?: string;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined || error === null) return 'unknown error';
  return String(error);
}

// A failure notice must still go out when the run failed, so one channel failing never stops the other.
/**
 * Tells the enabled channels that a run succeeded or failed (plain text, never the report itself);
 * each channel is tried with its retries and the outcome per channel is returned, nothing thrown.
 * @example
 * await notifyRunOutcome({ ok: false, week: '2026-W47', error, summary: 'stopped at render' }, resolveChannels(config), {})
 */
export async function notifyRunOutcome(outcome: RunOutcomeNotice, channels: DeliveryChannels, effects: DeliveryEffects = {}): Promise<ChannelResult[]> {
  const title = outcome.title ?? 'AI adoption report';
  // a run that failed before it resolved `--week latest` knows no week: "AI adoption report latest" read as a week's name
  const week = outcome.week === 'latest' ? '(latest week)' : outcome.week;
  const headline = outcome.ok ? `${title} ${week}: the report is ready` : `${title} ${week}: the run FAILED`;
  const reason = outcome.ok ? '' : errorText(outcome.error);
  const reportUrl = outcome.reportUrl ? fillWeek(outcome.reportUrl, outcome.week) : undefined;
  const results: ChannelResult[] = [];
  if (channels.slack) {
    const lines = [`${outcome.ok ? ':white_check_mark:' : ':x:'} *${escapeSlack(headline)}*`];
    if (reason) lines.push(`Error: ${escapeSlack(reason)}`);
    if (outcome.summary) lines.push(escapeSlack(outcome.summary));
    if (reportUrl && outcome.ok) lines.push(`<${escapeSlack(reportUrl.replace(/\|/g, '%7C'))}|Open the report>`);
    try {
      await postSlack(channels.slack.webhookUrl, { text: lines.join('\n') }, { ...effects, retry: channels.slack.retry, what: outcome.ok ? 'the notice that the report is ready' : 'the notice of the failed run' });
      results.push({ channel: 'slack', ok: true });
    } catch (error) {
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
    } catch (error) {
      results.push({ channel: 'email', ok: false, error: errorText(error) });
    }
  }
  return results;
}
