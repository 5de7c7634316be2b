import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
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
    onRetry?: (info: {
        attempt: number;
        delayMs: number;
        error: unknown;
    }) => void;
}
export interface ChannelResult {
    channel: AlertChannel;
    ok: boolean;
    /** Why it could not be delivered (after retries). */
    error?: string;
}
/**
 * Tells the enabled channels that a run succeeded or failed (plain text, never the report itself);
 * each channel is tried with its retries and the outcome per channel is returned, nothing thrown.
 * @example
 * await notifyRunOutcome({ ok: false, week: '2026-W47', error, summary: 'stopped at render' }, resolveChannels(config), {})
 */
export declare function notifyRunOutcome(outcome: RunOutcomeNotice, channels: DeliveryChannels, effects?: DeliveryEffects): Promise<ChannelResult[]>;
