import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { EmailConfig } from '../config/schema.js';
export interface EmailEffects {
    /** Environment to read the SMTP password from (default: process.env). */
    env?: Record<string, string | undefined>;
    /** Builds the SMTP transport; tests may pass their own. */
    createTransport?: (options: SMTPTransport.Options) => Transporter<SMTPTransport.SentMessageInfo>;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    onRetry?: (info: {
        attempt: number;
        delayMs: number;
        error: unknown;
    }) => void;
}
export interface EmailMessage {
    subject: string;
    text: string;
    html?: string;
    attachments?: {
        filename: string;
        content: Uint8Array;
        contentType: string;
    }[];
}
export interface EmailReceipt {
    messageId: string;
    accepted: string[];
    rejected: string[];
    attempts: number;
}
export interface ReportEmail {
    week: string;
    title: string;
    pdf: Uint8Array;
    pdfName: string;
    html?: string;
    text: string;
    /** The most severe alert, for the subject's `{{alert}}` (see reportEmailBody). */
    alert?: string;
}
/**
 * Fills `{{week}}`, `{{title}}` and `{{alert}}` (the most severe alert; "no alerts") in a subject template.
 * @example renderSubject('{{title}} – {{week}}', { week: '2026-W47', title: 'AI adoption' }) // 'AI adoption – 2026-W47'
 */
export declare function renderSubject(template: string, values: {
    week: string;
    title: string;
    alert?: string;
}): string;
/**
 * The SMTP login of an email config, its password read from the variable `passwordEnv` names
 * (never from the config file); undefined without `user`. A missing password is UptakeError('config').
 * @example smtpAuth({ ...config.email, user: 'uptake' }, process.env) // { user: 'uptake', pass: '…' }
 */
export declare function smtpAuth(config: EmailConfig, env: Record<string, string | undefined>): {
    user: string;
    pass: string;
} | undefined;
/**
 * Whether the connection must be encrypted (STARTTLS) before anything is sent: `requireTLS` when set,
 * else whenever a password would go to a host that is not this machine.
 * @example mustUseTls({ ...config.email, host: 'smtp.example.com', user: 'u' }) // true
 */
export declare function mustUseTls(config: EmailConfig): boolean;
/**
 * Sends one email through the configured SMTP server, with retries; throws UptakeError('deliver')
 * when it cannot be delivered, naming the server and the SMTP answer.
 * @example await sendEmail(config.email, { subject: 'uptake failed for 2026-W47', text: 'Input missing' })
 */
export declare function sendEmail(config: EmailConfig, message: EmailMessage, effects?: EmailEffects): Promise<EmailReceipt>;
/**
 * Emails the report PDF (plus an HTML/text body) to `config.to`, the subject from `config.subject`.
 * Call it only after every render step succeeded: a failed render never mails a report.
 * @example
 * await sendReportEmail(config.email, { week: '2026-W47', title: config.title, pdf, pdfName: 'report-2026-W47.pdf', text })
 */
export declare function sendReportEmail(config: EmailConfig, report: ReportEmail, effects?: EmailEffects): Promise<EmailReceipt>;
/**
 * Connects to the configured SMTP server and logs in (when `email.user` is set) without sending
 * anything: `uptake doctor`'s check. Throws UptakeError('deliver') naming the server and its answer.
 * @example await verifyEmail(config.email) // 'smtp.example.com:587 answered and accepted the login'
 */
export declare function verifyEmail(config: EmailConfig, effects?: Pick<EmailEffects, 'env' | 'createTransport'>): Promise<string>;
