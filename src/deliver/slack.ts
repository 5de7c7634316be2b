import type { RetryConfig } from '../config/schema.js';
import type { AlertRow, MetricsDocument } from '../metrics/document.js';
import { UptakeError } from '../errors.js';
import { alertTitle, formatColumnValue, formatCount, formatRate } from '../metrics/column-catalog.js';
import { fateUnknown, isCertificateError, withRetries } from './retry.js';
import { leftOffAlerts, pageOrder, reportMoreAlertsSentence, type FrontPage } from '../render/front-page.js';

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
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Per-attempt timeout in milliseconds (default 15000). */
  timeoutMs?: number;
  /** Aborting it ends the request in progress at once and tries no more (a run aborted by a stop signal). */
  signal?: AbortSignal;
  /**
   * Told `true` as a try's post goes out (from then until Slack answers, an abort may not keep the message from
   * the channel), and `false` when the try certainly did not post it: no connection was made, or Slack answered
   * with a refusal (a wait before the next try holds nothing). A try whose fate is unknown leaves it `true`.
   */
  onHandedOver?: (handedOver: boolean) => void;
  /** What is posted, as errors name it: "the report", "the alerts" (default "the message"). */
  what?: string;
}

const DEFAULT_RETRY: RetryConfig = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30000 };
const MAX_ALERT_LINES = 15;

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters.
 * @example escapeSlack('<script> & co') // '&lt;script&gt; &amp; co'
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A webhook URL is a secret: errors name only its host.
function hostOf(url: URL): string {
  return url.host;
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

// Failures that leave no doubt the webhook never got the post: the connection was never made (refused, no such host,
// no route), or TLS refused the certificate before a byte of the request went out.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCodes(error: unknown): string[] {
  const cause = (error as { cause?: { code?: unknown; errors?: unknown } } | null)?.cause;
  if (!cause) return [];
  // (a host with several addresses fails with each: an AggregateError)
  const each = Array.isArray(cause.errors) ? (cause.errors as { code?: unknown }[]) : [cause];
  return each.map((inner) => (typeof inner?.code === 'string' ? inner.code : ''));
}

function neverConnected(error: unknown): boolean {
  const codes = causeCodes(error);
  return (codes.length > 0 && codes.every((code) => NOT_CONNECTED.has(code))) || (typeof error === 'object' && error !== null && isCertificateError(error));
}

// Slack's incoming webhooks answer a refusal with a text body naming it (`invalid_payload`, `no_service`,
// `channel_not_found`, `action_prohibited`, `channel_is_archived`, ...), and a post they took with `ok`; a webhook
// (or a proxy in front of it) that answers 2xx with such a body did not post it.
const SLACK_ERROR_BODY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

// The HTTP answers that say the post was not taken and may be on a later try: 408 (the request was not read whole in
// time), 429 (rate limited) and 503 (unavailable). Other 5xx (500, 502 and 504 from a proxy whose upstream may have
// taken it) do not say the post was not taken: it may show in the channel, so it is not posted again.
const NOT_TAKEN_TRY_LATER = new Set([408, 429, 503]);

function httpFailure(message: string, fields: { status: number; fateUnknown: boolean; retryable?: boolean; retryAfterMs?: number }): Error {
  return Object.assign(new Error(message), fields);
}

/**
 * Posts a message to a Slack incoming webhook (the one way uptake delivers over HTTP: the report's message, the
 * alerts, the run's notices) with retries of the tries Slack certainly did not take: a connection never made, and
 * HTTP 408, 429 (after Retry-After) and 503. A try whose fate is unknown (the post went out, then no answer within
 * `timeoutMs`, a connection dropped before the answer, another 5xx) is not repeated: an incoming webhook is not
 * idempotent, and the channel would show the message twice. Other 4xx, a redirect (not followed) and a 2xx whose
 * body is one of Slack's error names stop at once. Throws UptakeError('deliver') naming the host, Slack's answer,
 * and whether `what` was delivered ("did not reach the channel") or may have been ("may have reached the channel").
 * @example await postSlack(process.env.UPTAKE_SLACK_WEBHOOK!, { text: 'Report 2026-W47 is out' }, { what: 'the report' })
 */
export async function postSlack(webhookUrl: string, message: SlackMessage, effects: SlackEffects = {}): Promise<{ attempts: number; status: number }> {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    throw new UptakeError('config', 'expected the Slack webhook to be an http(s) URL, got a value that is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UptakeError('config', `expected the Slack webhook to be an http(s) URL, got the scheme ${url.protocol}`);
  }
  const doFetch = effects.fetch ?? fetch;
  const retry = effects.retry ?? DEFAULT_RETRY;
  const timeoutMs = effects.timeoutMs ?? 15000;
  const what = effects.what ?? 'the message';
  let attempts = 0;
  try {
    return await withRetries(
      async (attempt) => {
        attempts = attempt;
        const timeout = AbortSignal.timeout(timeoutMs);
        let response: Response;
        let body: string;
        effects.onHandedOver?.(true);
        try {
          response = await doFetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify(message),
            // a redirect is not followed: fetch turns a POST answered 301 or 302 into a GET without the message (and
            // said 2xx for the page it landed on), and the message would go to an address nobody configured
            redirect: 'manual',
            signal: effects.signal ? AbortSignal.any([timeout, effects.signal]) : timeout,
          });
        } catch (error) {
          if (effects.signal?.aborted) throw error;
          if (neverConnected(error)) {
            effects.onHandedOver?.(false);
            const code = causeCodes(error).find(Boolean);
            throw Object.assign(new Error(`could not connect (${code ?? (error as Error).message})`), { cause: error, retryable: !isCertificateError(error as object) });
          }
          // the post may be whole at Slack, and be shown: "The operation was aborted due to timeout" read as if
          // uptake had stopped it, and a retry posted it again
          const why = timeout.aborted
            ? `no answer within ${timeoutMs / 1000} s of sending ${what}`
            : `the connection was dropped before Slack answered (${causeCodes(error).find(Boolean) || (error as Error).message})`;
          throw Object.assign(new Error(why), { cause: error, fateUnknown: true });
        }
        // Slack has answered: its status says what became of the post, whether or not its body can be read (a body cut
        // off after a 200 read "no answer", and the run said the report may not have been posted)
        try {
          body = (await response.text()).trim().slice(0, 200);
        } catch (error) {
          if (effects.signal?.aborted) throw error;
          body = '';
        }
        if (response.status >= 300 && response.status < 400) {
          effects.onHandedOver?.(false);
          const location = response.headers.get('location');
          let where = 'elsewhere';
          try {
            if (location) where = `to ${new URL(location, url).host}`;
          } catch {
            // (a Location that is no URL: "elsewhere")
          }
          throw Object.assign(httpFailure(`HTTP ${response.status} (a redirect ${where}, not followed)`, { status: response.status, fateUnknown: false, retryable: false }), {
            hint: 'set the webhook URL to the address Slack gives',
          });
        }
        if (response.ok && SLACK_ERROR_BODY.test(body)) {
          effects.onHandedOver?.(false);
          throw httpFailure(`HTTP ${response.status} with Slack's error ${body} instead of ok`, { status: response.status, fateUnknown: false, retryable: false });
        }
        if (!response.ok) {
          const taken = response.status >= 500 && !NOT_TAKEN_TRY_LATER.has(response.status);
          if (!taken) effects.onHandedOver?.(false);
          throw httpFailure(`HTTP ${response.status}${body ? ` ${body}` : ''}`, { status: response.status, fateUnknown: taken, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) });
        }
        return { attempts: attempt, status: response.status };
      },
      { ...retry, sleep: effects.sleep, random: effects.random, onRetry: effects.onRetry, signal: effects.signal },
    );
  } catch (error) {
    if (effects.signal?.aborted) throw new UptakeError('aborted', `Slack webhook at ${hostOf(url)}: ${what} was aborted`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    // a try Slack may have taken is the last one: the operator who posts it again may post it twice
    const outcome = fateUnknown(error)
      ? `${what} may have reached the channel, so uptake did not post again: look in the channel before posting again`
      : `${what} did not reach the channel`;
    const hint = (error as { hint?: unknown } | null)?.hint;
    throw new UptakeError('deliver', `Slack webhook at ${hostOf(url)}: expected 2xx, got ${detail} after ${attempts} attempt${attempts === 1 ? '' : 's'}; ${outcome}${typeof hint === 'string' ? `: ${hint}` : ''}`, { cause: error });
  }
}

// Rates as the report writes them (column-catalog's formatRate): 41.0 %, not 41.0%.
function percent(rate: unknown): string {
  return typeof rate === 'number' && Number.isFinite(rate) ? formatRate(rate) : 'n/a';
}

function points(delta: unknown): string {
  if (typeof delta !== 'number' || !Number.isFinite(delta)) return 'n/a';
  return `${delta > 0 ? '+' : ''}${delta.toFixed(1)} pts`;
}

// Counts and hours as the report writes them (column-catalog.ts): 44,584 and 15,302.4 h, not 44584 and 15302.4 h.
function hours(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${formatColumnValue('hours_saved', value)} h` : 'n/a';
}

function tasks(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatCount(value) : '0';
}

function valueText(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Fills `{{week}}` in a link template (config `slack.reportUrl`).
 * @example fillWeek('https://reports.example/{{week}}/', '2026-W47') // 'https://reports.example/2026-W47/'
 */
export function fillWeek(template: string, week: string): string {
  return template.replace(/\{\{\s*week\s*\}\}/g, week);
}

/**
 * One alert as a mrkdwn line, every data value escaped: its rule's title as page 1 names it, then its `message` when it
 * has one, else its fields.
 * @example alertLine({ rule: 'adoption_drop', severity: 'high', team: 'Procurement', delta_pts: -14.2 })
 * // '• *HIGH* Adoption dropped · team Procurement · delta_pts -14.2'
 */
export function alertLine(alert: AlertRow): string {
  const head = `• *${escapeSlack(String(alert.severity).toUpperCase())}* ${escapeSlack(alertTitle(alert.rule))}`;
  if (typeof alert.message === 'string' && alert.message !== '') return `${head}: ${escapeSlack(alert.message)}`;
  const details = Object.entries(alert)
    .filter(([key, value]) => key !== 'rule' && key !== 'severity' && value !== null && value !== undefined)
    .map(([key, value]) => `${escapeSlack(key)} ${escapeSlack(valueText(value))}`);
  return [head, ...details].join(' · ');
}

/** The alert list as mrkdwn in page 1's order (pageOrder: each rule's worst in turn), cut to the first lines with a count of the rest. */
export function alertLines(alerts: AlertRow[]): string {
  return firstAlertLines(pageOrder(alerts), alertLine).join('\n');
}

/**
 * A Slack message's lines for alerts already in the order to list them (most severe first): the first MAX_ALERT_LINES,
 * then the sentence `more` writes for the rest, by default the one under page 1's and the mail's alerts (where they
 * are: the report's appendix lists at most APPENDIX_ALERTS, metrics.xlsx and alerts.csv every one).
 * @example firstAlertLines(alerts, alertLine) // with 20 high alerts: 15 lines, then "5 more alerts (5 high) are listed in the report's appendix."
 */
export function firstAlertLines<Alert extends { severity: string }>(
  alerts: readonly Alert[],
  line: (alert: Alert) => string,
  more: (left: Pick<FrontPage, 'moreAlerts' | 'moreSeverities'>) => string = (left) => reportMoreAlertsSentence(left, MAX_ALERT_LINES, "the report's appendix"),
): string[] {
  const shown = alerts.slice(0, MAX_ALERT_LINES).map(line);
  if (alerts.length > MAX_ALERT_LINES) shown.push(escapeSlack(more(leftOffAlerts(alerts.map((alert) => alert.severity), MAX_ALERT_LINES))));
  return shown;
}

/**
 * The weekly Slack message: headline KPIs of the all-teams ("*") rows and the week's alerts,
 * every piece of data text escaped for mrkdwn; `{{week}}` in `reportUrl` becomes the report week.
 * @example await postSlack(url, slackReportMessage(doc, { reportUrl: 'https://reports.example/2026-W47/' }))
 */
export function slackReportMessage(doc: MetricsDocument, options: { reportUrl?: string; title?: string } = {}): SlackMessage {
  const title = options.title ?? 'AI adoption report';
  const all = doc.tables.adoption_by_team.find((row) => row.team === '*');
  const saved = doc.tables.time_saved.find((row) => row.team === '*' && row.week === doc.week);
  const accuracy = doc.tables.accuracy_stability.filter((row) => row.team === '*').at(-1);
  const harm = doc.tables.harm.find((row) => row.team === '*');
  const alerts = doc.tables.alerts ?? [];

  const fields = [
    `*Adoption rate*\n${percent(all?.adoption_rate)} (${points(all?.delta_pts)})`,
    `*User adoption*\n${percent(all?.user_adoption_rate)}`,
    `*AI / manual tasks*\n${tasks(all?.ai_tasks)} / ${tasks(all?.manual_tasks)}`,
    `*Hours saved*\n${hours(saved?.hours_saved)} (total ${hours(saved?.cumulative_hours_saved)})`,
    `*Accuracy stability${accuracy ? ` ${escapeSlack(accuracy.month)}` : ''}*\n${percent(accuracy?.asi)}`,
    `*Harm rate*\n${percent(harm?.harm_rate)}`,
  ];
  const heading = `${escapeSlack(title)} ${escapeSlack(doc.week)} (${escapeSlack(doc.week_start)} – ${escapeSlack(doc.week_end)})`;
  const blocks: Record<string, unknown>[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${heading}*` } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: alerts.length === 0 ? '*Alerts*: none this week' : `*Alerts (${formatCount(alerts.length)})*\n${alertLines(alerts)}` },
    },
  ];
  if (options.reportUrl) {
    const reportUrl = fillWeek(options.reportUrl, doc.week).replace(/\|/g, '%7C');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${escapeSlack(reportUrl)}|Open the full report>` } });
  }
  const text = `${heading}: adoption ${percent(all?.adoption_rate)} (${points(all?.delta_pts)}), ${formatCount(alerts.length)} alert${alerts.length === 1 ? '' : 's'}`;
  return { text, blocks };
}
