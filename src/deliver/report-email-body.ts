import { convert } from 'html-to-text';
import { ALL_TEAMS_LABEL } from '../metrics/column-catalog.js';
import type { MetricsDocument } from '../metrics/document.js';
import { frontPage, reportMoreAlertsSentence, type FrontPage } from '../render/front-page.js';
import { escapeHtml, renderMarkdown } from '../render/markdown.js';

export interface ReportEmailBody {
  /** The subject's alert part: "high: Adoption dropped (Procurement)", or "no alerts". */
  alert: string;
  html: string;
  /** The same content as plain text, for mail clients that show no HTML. */
  text: string;
}

const SENTENCES = 3;
const ALERTS = 5;
const ARROWS = { up: '▲', down: '▼', flat: '►' } as const;

/**
 * The most severe alert as the subject names it (from a front page already built, when given).
 * @example subjectAlert(doc) // 'high: Adoption dropped (Procurement)'; a task type's: 'medium: Task type adoption dropped (vendor onboarding, all teams)'
 */
export function subjectAlert(doc: MetricsDocument, page: Pick<FrontPage, 'alerts'> = frontPage(doc, { maxAlerts: 1 })): string {
  const [first] = page.alerts;
  if (!first) return 'no alerts';
  const others = doc.tables.alerts.length - 1;
  // a task-type alert is named by its task type ("(vendor onboarding, all teams)"): "(All teams)" alone said not which
  const about = first.taskType ? `${first.taskType}${first.team ? `, ${first.team === ALL_TEAMS_LABEL ? 'all teams' : first.team}` : ''}` : first.team;
  return `${first.severity}: ${first.title}${about ? ` (${about})` : ''}${others > 0 ? ` +${others} more` : ''}`;
}

// The mail is read by people who never open the PDF: the week's story in a screenful, escaped like the report.
/**
 * The report email's body: headline figures, two or three sentences and the alerts, as HTML and as
 * plain text (the same content). Every data text is escaped as in the report.
 * @example const { html, text } = reportEmailBody(doc, { title: 'AI adoption report' })
 */
export function reportEmailBody(doc: MetricsDocument, options: { title: string; pdfName?: string }): ReportEmailBody {
  const page = frontPage(doc, { maxAlerts: ALERTS });
  const tiles = page.tiles
    .map((tile) => {
      const arrow = tile.direction ? `${ARROWS[tile.direction]} ` : '';
      return `<tr><td style="padding:2px 12px 2px 0;color:#616e7c">${escapeHtml(tile.label)}</td><td style="padding:2px 12px 2px 0"><strong>${escapeHtml(arrow + tile.value)}</strong></td><td style="padding:2px 0;color:#616e7c">${escapeHtml(tile.detail)}</td></tr>`;
    })
    .join('');
  const sentences = page.keyPoints.slice(0, SENTENCES).map((sentence) => renderMarkdown(sentence)).join('');
  const alerts =
    page.alerts.length === 0
      ? '<p>No alert fired this week.</p>'
      : `<ul>${page.alerts
          .map((alert) => `<li><strong>${escapeHtml(alert.severity.toUpperCase())}</strong> ${escapeHtml(alert.title)}${alert.team ? ` (${escapeHtml(alert.team)})` : ''}${alert.message ? `: ${escapeHtml(alert.message)}` : ''}</li>`)
          .join('')}</ul>${page.moreAlerts > 0 ? `<p>${escapeHtml(reportMoreAlertsSentence(page, page.alerts.length, "the report's appendix"))}</p>` : ''}`;
  const attachment = options.pdfName ? ` (${escapeHtml(options.pdfName)})` : '';
  const html =
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:14px;line-height:1.45">' +
    `<h2 style="margin:0 0 4px">${escapeHtml(options.title)}, ${escapeHtml(doc.week)}</h2>` +
    `<p style="margin:0 0 12px;color:#616e7c">${escapeHtml(doc.week_start)} to ${escapeHtml(doc.week_end)}</p>` +
    `<h3 style="margin:12px 0 4px">Headline figures</h3><table>${tiles}</table>` +
    `<h3 style="margin:12px 0 4px">What happened</h3>${sentences}` +
    `<h3 style="margin:12px 0 4px">Alerts</h3>${alerts}` +
    `<p style="color:#616e7c">The full report is attached as a PDF${attachment}.</p>` +
    '</body></html>';
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
  return { alert: subjectAlert(doc, page), html, text };
}
