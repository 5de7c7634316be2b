import type { RetryConfig } from '../config/schema.js';
import type { AlertRow, MetricsDocument } from '../metrics/document.js';
import { UptakeError } from '../errors.js';
import { alertTitle, formatColumnValue, formatCount, formatRate } from '../metrics/column-catalog.js';
import { withRetries } from './retry.js';
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
   * the channel), and `false` when Slack answered it with a refusal (a wait before the next try holds nothing).
   */
  onHandedOver?: (handedOver: boolean) => void;
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

/**
 * Posts a message to a Slack incoming webhook with retries (5xx, 429 and network errors are retried,
 * other 4xx stop at once); throws UptakeError('deliver') naming the host and Slack's answer.
 * @example await postSlack(process.env.UPTAKE_SLACK_WEBHOOK!, { text: 'Report 2026-W47 is out' })
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
  let attempts = 0;
  let unanswered = 0;
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
            signal: effects.signal ? AbortSignal.any([timeout, effects.signal]) : timeout,
          });
          body = (await response.text()).slice(0, 200);
        } catch (error) {
          // (a connection refused: nothing was posted)
          if ((error as { cause?: { code?: unknown } }).cause?.code === 'ECONNREFUSED') effects.onHandedOver?.(false);
          if (!timeout.aborted || effects.signal?.aborted) throw error;
          // "The operation was aborted due to timeout" read as if uptake had stopped the post; the webhook may have
          // taken it and be slow to answer
          unanswered += 1;
          throw Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT', cause: error });
        }
        if (!response.ok) {
          effects.onHandedOver?.(false);
          throw Object.assign(new Error(`HTTP ${response.status}${body ? ` ${body}` : ''}`), {
            status: response.status,
            retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
          });
        }
        return { attempts: attempt, status: response.status };
      },
      { ...retry, sleep: effects.sleep, random: effects.random, onRetry: effects.onRetry, signal: effects.signal },
    );
  } catch (error) {
    if (effects.signal?.aborted) throw new UptakeError('aborted', `Slack webhook at ${hostOf(url)}: the post was aborted`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    // a post Slack did not answer may still show in the channel: the operator who posts it again may post it twice
    const mayHave = unanswered > 0 ? `; ${unanswered === 1 ? 'the post it did not answer' : `the ${unanswered} posts it did not answer`} may still have reached the channel: look before posting it again` : '';
    throw new UptakeError('deliver', `Slack webhook at ${hostOf(url)}: expected 2xx, got ${detail} after ${attempts} attempt${attempts === 1 ? '' : 's'}${mayHave}`, { cause: error });
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
