import { Transform } from 'node:stream';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { EmailConfig } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { withRetries } from './retry.js';
import { withinTime } from '../util/within-time.js';

export interface EmailEffects {
  /** Environment to read the SMTP password from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Builds the SMTP transport; tests may pass their own. */
  createTransport?: (options: SMTPTransport.Options) => Transporter<SMTPTransport.SentMessageInfo>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** How long one try may take, from connecting to the server's last answer (default SEND_ATTEMPT_MS). */
  attemptMs?: number;
  /** Aborting it ends the try in progress at once and tries no more (a run aborted by a stop signal). */
  signal?: AbortSignal;
  /**
   * Told `true` once the whole message has been handed to the server (the end of DATA written: its answer
   * pending, so an abort from then on may not keep the mail from going out), and `false` when the server has
   * answered that try with a refusal. Until it is told `true`, an abort kept the message from being delivered.
   */
  onHandedOver?: (handedOver: boolean) => void;
}

// nodemailer's timeouts count silence only: a server that answers a byte at a time (a broken relay, a tarpit)
// held a run in delivery for good, and a scheduled run with it. A try that takes longer than this fails as a
// network error would, and is retried.
/** How long one try at sending a mail may take: 5 minutes, ample for a report's PDF over a slow link. */
export const SEND_ATTEMPT_MS = 5 * 60_000;

export interface EmailMessage {
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
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
export function renderSubject(template: string, values: { week: string; title: string; alert?: string }): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (placeholder, name: string) => {
    if (name === 'week') return values.week;
    if (name === 'title') return values.title;
    if (name === 'alert') return values.alert ?? 'no alerts';
    throw new UptakeError('config', `email.subject: expected only {{week}}, {{title}} and {{alert}}, got \`${placeholder}\``);
  });
}

function addressText(address: string | { address: string } | undefined): string {
  if (address === undefined) return '';
  return typeof address === 'string' ? address : address.address;
}

/**
 * The SMTP login of an email config, its password read from the variable `passwordEnv` names
 * (never from the config file); undefined without `user`. A missing password is UptakeError('config').
 * @example smtpAuth({ ...config.email, user: 'uptake' }, process.env) // { user: 'uptake', pass: '…' }
 */
export function smtpAuth(config: EmailConfig, env: Record<string, string | undefined>): { user: string; pass: string } | undefined {
  if (!config.user) return undefined;
  const pass = env[config.passwordEnv];
  if (pass === undefined || pass === '') {
    throw new UptakeError(
      'config',
      `email.user is \`${config.user}\`, so expected the SMTP password in the environment variable ${config.passwordEnv}, got nothing`,
    );
  }
  return { user: config.user, pass };
}

/**
 * Whether the connection must be encrypted (STARTTLS) before anything is sent: `requireTLS` when set,
 * else whenever a password would go to a host that is not this machine.
 * @example mustUseTls({ ...config.email, host: 'smtp.example.com', user: 'u' }) // true
 */
export function mustUseTls(config: EmailConfig): boolean {
  if (config.requireTLS !== undefined) return config.requireTLS;
  return Boolean(config.user) && !isLoopbackHost(config.host);
}

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

function transportOptions(config: EmailConfig, env: Record<string, string | undefined>): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: !config.secure && mustUseTls(config),
    auth: smtpAuth(config, env),
    tls: { rejectUnauthorized: config.rejectUnauthorized },
  };
}

/**
 * Sends one email through the configured SMTP server, with retries; throws UptakeError('deliver')
 * when it cannot be delivered, naming the server and the SMTP answer.
 * @example await sendEmail(config.email, { subject: 'uptake failed for 2026-W47', text: 'Input missing' })
 */
export async function sendEmail(config: EmailConfig, message: EmailMessage, effects: EmailEffects = {}): Promise<EmailReceipt> {
  if (config.to.length === 0) {
    throw new UptakeError('config', 'email.to: expected at least one recipient, got an empty list');
  }
  const env = effects.env ?? process.env;
  // nodemailer loads when mail is sent, not with every importer of uptake's library.
  let createTransport = effects.createTransport;
  if (!createTransport) {
    const { default: nodemailer } = await import('nodemailer');
    createTransport = (options: SMTPTransport.Options) => nodemailer.createTransport(options);
  }
  const transport = createTransport(transportOptions(config, env));
  const mail: Mail.Options = {
    from: config.from,
    to: config.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments?.map((attachment) => ({
      filename: attachment.filename,
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
      contentType: attachment.contentType,
    })),
  };
  watchHandOver(transport, effects);
  let attempts = 0;
  try {
    const info = await withRetries(
      (attempt) => {
        attempts = attempt;
        // (its connection, once late, is left to nodemailer's socket timeout; a command ends its process when it is done)
        const ms = effects.attemptMs ?? SEND_ATTEMPT_MS;
        const sent = transport.sendMail(mail).catch((error: unknown) => {
          // a refusal answered to the whole message (451, 552): the server does not have it
          if (typeof (error as { responseCode?: unknown }).responseCode === 'number') effects.onHandedOver?.(false);
          throw error;
        });
        return withinTime(sent, ms, () => Object.assign(new Error(`the server had not finished the exchange after ${ms / 1000} s`), { code: 'ETIMEDOUT' }));
      },
      { ...config.retry, sleep: effects.sleep, random: effects.random, onRetry: effects.onRetry, signal: effects.signal },
    );
    const accepted = (info.accepted ?? []).map(addressText);
    const rejected = (info.rejected ?? []).map(addressText);
    if (accepted.length === 0) {
      throw new UptakeError('deliver', `SMTP ${config.host}:${config.port}: expected the server to accept a recipient, it rejected ${rejected.join(', ')}`);
    }
    return { messageId: info.messageId, accepted, rejected, attempts };
  } catch (error) {
    if (error instanceof UptakeError) throw error;
    if (effects.signal?.aborted) throw new UptakeError('aborted', `SMTP ${config.host}:${config.port}: the sending of "${message.subject}" was aborted`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    if ((error as { code?: unknown }).code === 'ETLS' && /upgrading connection with STARTTLS/.test(detail) && !config.secure && mustUseTls(config)) {
      throw new UptakeError(
        'deliver',
        `SMTP ${config.host}:${config.port}: expected the server to offer STARTTLS, since email.requireTLS is on; it offers none, so the password was not sent (set email.secure for implicit TLS, or email.requireTLS: false for a trusted relay)`,
        { cause: error },
      );
    }
    throw new UptakeError(
      'deliver',
      `SMTP ${config.host}:${config.port}: could not send "${message.subject}" to ${config.to.join(', ')} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail}`,
      { cause: error },
    );
  } finally {
    transport.close();
  }
}

// An abort must tell whether the server can have the message: it cannot before the end of DATA, which follows
// the last byte of the message. nodemailer's `stream` plugin step passes the message through a transform of
// ours (a processFunc, after nodemailer's own): its end is the hand-over; an abort before it fails the message stream, and nodemailer then drops the
// connection without ending DATA (an abort during connection or login fails it as soon as the data would start).
function watchHandOver(transport: Transporter<SMTPTransport.SentMessageInfo>, effects: EmailEffects): void {
  const { signal, onHandedOver } = effects;
  if (!signal && !onHandedOver) return;
  if (typeof transport.use !== 'function') {
    // (a transport without plugins, a test's sink: whether it has the message cannot be told, so it may have)
    onHandedOver?.(true);
    return;
  }
  transport.use('stream', (mail, done) => {
    // (called as each try's message stream is made, after the connection and login: its end is the message's)
    mail.message.processFunc((message) => {
      const stop = () => watcher.destroy(abortError(signal));
      const watcher = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          next(signal?.aborted ? abortError(signal) : null, chunk);
        },
        flush(next) {
          signal?.removeEventListener('abort', stop);
          if (signal?.aborted) return next(abortError(signal));
          onHandedOver?.(true);
          next();
        },
      });
      message.once('error', (error) => watcher.destroy(error));
      if (signal?.aborted) process.nextTick(stop);
      else signal?.addEventListener('abort', stop, { once: true });
      watcher.once('close', () => signal?.removeEventListener('abort', stop));
      return message.pipe(watcher);
    });
    done();
  });
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error(`aborted${typeof reason === 'string' ? ` by ${reason}` : ''}`);
}

/**
 * Emails the report PDF (plus an HTML/text body) to `config.to`, the subject from `config.subject`.
 * Call it only after every render step succeeded: a failed render never mails a report.
 * @example
 * await sendReportEmail(config.email, { week: '2026-W47', title: config.title, pdf, pdfName: 'report-2026-W47.pdf', text })
 */
export async function sendReportEmail(config: EmailConfig, report: ReportEmail, effects: EmailEffects = {}): Promise<EmailReceipt> {
  if (report.pdf.byteLength === 0) {
    throw new UptakeError('deliver', `expected a rendered PDF for ${report.week} to attach, got an empty file (${report.pdfName})`);
  }
  return sendEmail(
    config,
    {
      subject: renderSubject(config.subject, { week: report.week, title: report.title, alert: report.alert }),
      text: report.text,
      html: report.html,
      attachments: [{ filename: report.pdfName, content: report.pdf, contentType: 'application/pdf' }],
    },
    effects,
  );
}

/**
 * Connects to the configured SMTP server and logs in (when `email.user` is set) without sending
 * anything: `uptake doctor`'s check. Throws UptakeError('deliver') naming the server and its answer.
 * @example await verifyEmail(config.email) // 'smtp.example.com:587 answered and accepted the login'
 */
export async function verifyEmail(config: EmailConfig, effects: Pick<EmailEffects, 'env' | 'createTransport'> = {}): Promise<string> {
  const options = { ...transportOptions(config, effects.env ?? process.env), connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 };
  const createTransport = effects.createTransport ?? (await import('nodemailer')).default.createTransport;
  const transport = createTransport(options);
  try {
    await transport.verify();
  } catch (error) {
    throw new UptakeError('deliver', `SMTP ${config.host}:${config.port}: expected to connect${config.user ? ' and log in' : ''}, got: ${(error as Error).message}`, { cause: error });
  } finally {
    transport.close();
  }
  return `${config.host}:${config.port} answered${config.user ? ` and accepted the login of ${config.user}` : ''}`;
}
