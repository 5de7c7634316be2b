import { connect, type Socket } from 'node:net';
import { Transform } from 'node:stream';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { EmailConfig } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { fateUnknown, withRetries } from './retry.js';
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
  const connections = openConnections(config, effects.signal);
  const transport = createTransport({ ...transportOptions(config, env), getSocket: connections.getSocket });
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
  // whether this try's whole message went to the server (the end of DATA written): from then until it answers, it may
  // deliver the mail
  let handedOver = false;
  watchHandOver(transport, {
    connected: connections.connected,
    signal: effects.signal,
    onHandedOver: (value) => {
      handedOver = value;
      effects.onHandedOver?.(value);
    },
  });
  let attempts = 0;
  // A server that takes some recipients and refuses others: the mail went to those it took, and a try again goes to
  // the ones it refused for now (4xx) alone (an envelope of theirs; the headers unchanged), so nobody gets it twice.
  // Before, the refused went unsaid: the run said delivered.
  const reached: string[] = [];
  let refused: RecipientRefusal[] = [];
  let retryTo: string[] | undefined;
  try {
    const info = await withRetries(
      async (attempt) => {
        attempts = attempt;
        handedOver = false;
        const ms = effects.attemptMs ?? SEND_ATTEMPT_MS;
        const sent = transport.sendMail(retryTo ? { ...mail, envelope: { from: config.from, to: retryTo } } : mail).catch((error: unknown) => {
          // a refusal answered to the whole message (451, 552): the server does not have it
          if (typeof (error as { responseCode?: unknown }).responseCode === 'number') effects.onHandedOver?.(false);
          throw error;
        });
        try {
          const answer = await withinTime(sent, ms, () => Object.assign(new Error(`the server had not finished the exchange after ${ms / 1000} s`), { code: 'ETIMEDOUT' }));
          const took = (answer.accepted ?? []).map(addressText);
          reached.push(...took);
          refused = recipientRefusals(answer);
          const forNow = refused.filter((refusal) => refusal.code >= 400 && refusal.code < 500);
          if (took.length > 0 && forNow.length > 0) {
            retryTo = forNow.map((refusal) => refusal.recipient);
            throw Object.assign(new Error(`refused ${refusalText(forNow)}`), { responseCode: forNow[0].code, partial: true });
          }
          return answer;
        } catch (error) {
          if ((error as { partial?: unknown }).partial === true) throw error;
          // the whole message went out and no answer came (a timeout, a connection dropped after the end of DATA): the
          // server may deliver it, and a retry would mail it twice
          if (handedOver && typeof (error as { responseCode?: unknown }).responseCode !== 'number' && typeof error === 'object' && error !== null) {
            Object.assign(error, { fateUnknown: true });
          }
          throw error;
        } finally {
          // a try that ran out of time, failed or was aborted leaves no connection behind (nodemailer's own would wait
          // out its socket timeout, 10 minutes, in a scheduler that goes on running)
          connections.closeAll();
        }
      },
      { ...config.retry, sleep: effects.sleep, random: effects.random, onRetry: effects.onRetry, signal: effects.signal },
    );
    const rejected = (info.rejected ?? []).map(addressText);
    if (reached.length === 0) {
      throw new UptakeError('deliver', `SMTP ${config.host}:${config.port}: expected the server to accept a recipient, it rejected ${rejected.join(', ')}; "${message.subject}" was not sent`);
    }
    if (refused.length > 0) throw partlySent(config, message.subject, reached, refused, attempts);
    return { messageId: info.messageId, accepted: reached, rejected, attempts };
  } catch (error) {
    if (error instanceof UptakeError) throw error;
    if (effects.signal?.aborted) throw new UptakeError('aborted', `SMTP ${config.host}:${config.port}: the sending of "${message.subject}" was aborted`, { cause: error });
    if (reached.length > 0) throw partlySent(config, message.subject, reached, refused, attempts, error, fateUnknown(error));
    const detail = error instanceof Error ? error.message : String(error);
    if ((error as { code?: unknown }).code === 'ETLS' && /upgrading connection with STARTTLS/.test(detail) && !config.secure && mustUseTls(config)) {
      throw new UptakeError(
        'deliver',
        `SMTP ${config.host}:${config.port}: expected the server to offer STARTTLS, since email.requireTLS is on; it offers none, so the password was not sent (set email.secure for implicit TLS, or email.requireTLS: false for a trusted relay)`,
        { cause: error },
      );
    }
    const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
    if (fateUnknown(error)) {
      throw new UptakeError(
        'deliver',
        `SMTP ${config.host}:${config.port}: sent "${message.subject}" to ${config.to.join(', ')} whole, but got no answer ${tries}: ${detail}; the server may deliver it, so uptake did not send it again: ask a recipient before sending it again`,
        { cause: error },
      );
    }
    throw new UptakeError('deliver', `SMTP ${config.host}:${config.port}: could not send "${message.subject}" to ${config.to.join(', ')} ${tries}: ${detail}; it was not sent`, { cause: error });
  } finally {
    connections.closeAll();
    transport.close();
  }
}

interface RecipientRefusal {
  recipient: string;
  code: number;
  response: string;
}

function recipientRefusals(info: SMTPTransport.SentMessageInfo): RecipientRefusal[] {
  const errors = (info as { rejectedErrors?: { recipient?: unknown; responseCode?: unknown; response?: unknown }[] }).rejectedErrors ?? [];
  return errors.map((error) => ({
    recipient: String(error.recipient ?? ''),
    code: typeof error.responseCode === 'number' ? error.responseCode : 0,
    response: String(error.response ?? '').trim(),
  }));
}

function refusalText(refusals: RecipientRefusal[]): string {
  return refusals.map((refusal) => `${refusal.recipient} (${refusal.response})`).join(', ');
}

// The run's line when some recipients have the mail and others do not: who has it, who does not and why.
// (`reached` on it: the run's failure notice says the mail reached some of its recipients, not that it reached none)
function partlySent(config: EmailConfig, subject: string, reached: string[], refused: RecipientRefusal[], attempts: number, cause?: unknown, unanswered = false): UptakeError {
  const others = refused.map((refusal) => refusal.recipient).join(', ');
  // (the last try, to the refused alone, sent the message whole and got no answer: they may have it)
  const outcome = unanswered ? `the last attempt, to ${others} alone, got no answer: the server may deliver it to them, so uptake did not send it again` : `it was not sent to ${others}`;
  const error = new UptakeError(
    'deliver',
    `SMTP ${config.host}:${config.port}: "${subject}" went to ${reached.join(', ')}, but the server refused ${refusalText(refused)} after ${attempts} attempt${attempts === 1 ? '' : 's'}; ${outcome}`,
    { cause },
  );
  return Object.assign(error, { reached: [...reached] });
}

/**
 * The recipients a mail reached when the server refused others (sendEmail's error says so), else none.
 * @example reachedRecipients(error) // ['ops@example.com']
 */
export function reachedRecipients(error: unknown): string[] {
  const reached = (error as { reached?: unknown } | null)?.reached;
  return Array.isArray(reached) ? reached.map(String) : [];
}

/** How long connecting to the SMTP server may take (nodemailer's own connection timeout). */
const CONNECT_MS = 2 * 60_000;

// nodemailer keeps a try's connection to itself: a run aborted while it connected or logged in (a server slow to
// answer AUTH) left the socket open until nodemailer's socket timeout, 10 minutes, though nothing could be delivered.
// Its `getSocket` hook hands it each connection made here (TCP only: nodemailer does TLS on it, as through a proxy),
// so that an abort, or the end of a try, closes it at once.
function openConnections(config: EmailConfig, signal: AbortSignal | undefined): { getSocket: NonNullable<SMTPTransport.Options['getSocket']>; closeAll(): void; connected(): boolean } {
  const open = new Set<Socket>();
  let latest: Socket | undefined;
  const closeAll = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    getSocket: (_options, callback) => {
      if (signal?.aborted) return callback(abortError(signal), null as never);
      const socket = connect({ host: config.host, port: config.port });
      latest = socket;
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      const stop = () => socket.destroy(abortError(signal));
      signal?.addEventListener('abort', stop, { once: true });
      socket.once('close', () => signal?.removeEventListener('abort', stop));
      socket.setTimeout(CONNECT_MS, () => socket.destroy(Object.assign(new Error(`could not connect within ${CONNECT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
      const failed = (error: Error) => callback(error, null as never);
      socket.once('error', failed);
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.removeListener('error', failed);
        callback(null, { connection: socket });
      });
    },
    closeAll,
    // (a transport built by a test's createTransport may not call getSocket: then nothing says it is gone)
    connected: () => latest === undefined || !latest.destroyed,
  };
}

// An abort must tell whether the server can have the message: it cannot before the end of DATA, which follows
// the last byte of the message. nodemailer's `stream` plugin step passes the message through a transform of
// ours (a processFunc, after nodemailer's own): its end is the hand-over; an abort before it fails the message stream, and nodemailer then drops the
// connection without ending DATA (an abort during connection or login fails it as soon as the data would start).
// A connection already gone when the message ends (the server dropped it mid-data: nodemailer reads the message to its
// end all the same) did not hand it over.
function watchHandOver(transport: Transporter<SMTPTransport.SentMessageInfo>, effects: Pick<EmailEffects, 'signal' | 'onHandedOver'> & { connected: () => boolean }): void {
  const { signal, onHandedOver, connected } = effects;
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
          next(signal?.aborted ? abortError(signal) : null);
        },
      });
      // the hand-over is when the connection has read the message's last byte, not when the message was made: a short
      // one (an alert, a notice) is whole in the stream's buffer before the server has even been told who it is for
      watcher.once('end', () => {
        signal?.removeEventListener('abort', stop);
        if (!signal?.aborted && connected()) onHandedOver?.(true);
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
