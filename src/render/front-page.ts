import { alertMagnitude, severityRank } from '../metrics/alerts.js';
import { alertTitle, formatColumnValue, formatCount, teamName } from '../metrics/column-catalog.js';
import type { AlertRow, MetricsDocument } from '../metrics/document.js';
import { REPORT_TABLE_ROWS } from './report-tables.js';
import { tableToHtml } from './table-html.js';
import { headlineKpis, keyPoints, type HeadlineKpi, type NarrativeOptions } from './narrative.js';

/** One alert as page 1 and the email show it. */
export interface FrontPageAlert {
  severity: string;
  /** The rule's human title ("Adoption dropped"). */
  title: string;
  /** "All teams", a team, or "" when the alert has none. */
  team: string;
  /** What happened, without the team it starts with. */
  message: string;
  /** The task type a task-type alert is about, in words ("vendor onboarding"); absent for other alerts. */
  taskType?: string;
}

export interface FrontPage {
  tiles: HeadlineKpi[];
  /** Three to five markdown sentences. */
  keyPoints: string[];
  /** The most severe alerts, in severity order (within one, each rule's worst in turn: see pageOrder). */
  alerts: FrontPageAlert[];
  /** Alerts not shown on page 1 (listed in the appendix). */
  moreAlerts: number;
  /** Their severities, most severe first: "1 critical, 15 high" (some may be as severe as the last one shown). */
  moreSeverities: string;
}

/**
 * The sentence under page 1's alerts (and the mail's) for those left off, saying where they are: "16 more alerts
 * (1 critical, 15 high) are listed in the appendix."; empty when none are.
 * @example moreAlertsSentence(frontPage(doc), 'listed in the appendix')
 */
export function moreAlertsSentence(page: Pick<FrontPage, 'moreAlerts' | 'moreSeverities'>, where: string): string {
  if (page.moreAlerts === 0) return '';
  const severities = page.moreSeverities === '' ? '' : ` (${page.moreSeverities})`;
  return `${formatCount(page.moreAlerts)} more ${page.moreAlerts === 1 ? 'alert' : 'alerts'}${severities} ${page.moreAlerts === 1 ? 'is' : 'are'} ${where}.`;
}

/**
 * An alert in the reader's words: the rule's title, the team's name, the message without the team prefix.
 * @example describeAlert({ rule: 'adoption_drop', severity: 'high', team: 'Legal', message: 'Legal: adoption fell' }).title // 'Adoption dropped'
 */
export function describeAlert(alert: Record<string, unknown>): FrontPageAlert {
  const team = typeof alert.team === 'string' ? alert.team : '';
  const raw = typeof alert.message === 'string' ? alert.message : '';
  // a message starts with its team as the reader knows it ("All teams: " for "*", metrics/alerts.ts), or as the data has it
  const prefix = [teamName(team), team].find((name) => team !== '' && raw.startsWith(`${name}: `));
  const prefixed = prefix !== undefined;
  const message = prefixed ? raw.slice(prefix.length + 2) : raw;
  return {
    severity: String(alert.severity ?? ''),
    title: alertTitle(String(alert.rule ?? '')),
    team: team ? teamName(team) : '',
    message: prefixed ? message.charAt(0).toUpperCase() + message.slice(1) : message,
    ...(typeof alert.task_type === 'string' ? { taskType: formatColumnValue('task_type', alert.task_type) } : {}),
  };
}

// "1 critical, 15 high": counts of severities given most severe first (in page order).
function severityCounts(severities: string[]): string {
  const counts = new Map<string, number>();
  for (const severity of severities) counts.set(severity, (counts.get(severity) ?? 0) + 1);
  return [...counts].map(([severity, count]) => `${formatCount(count)} ${severity}`).join(', ');
}

/**
 * Alerts in the order page 1 shows them: most severe first; within a severity, each rule's worst alert (the largest
 * drop, the lowest ASI, ...) in turn, then each rule's second worst, and so on, so that six alerts of one rule sorted
 * by team do not push another rule's, or a larger drop, to the appendix. Ties keep the document's order.
 * @example pageOrder(doc.tables.alerts)[0].rule // 'harm_rate' (critical)
 */
export function pageOrder(alerts: readonly AlertRow[]): AlertRow[] {
  const byRule = new Map<string, AlertRow[]>();
  for (const alert of alerts) {
    if (!byRule.has(alert.rule)) byRule.set(alert.rule, []);
    byRule.get(alert.rule)!.push(alert);
  }
  const turn = new Map<AlertRow, number>();
  for (const ofRule of byRule.values()) {
    [...ofRule].sort((a, b) => Math.sign(alertMagnitude(b) - alertMagnitude(a)) || 0).forEach((alert, index) => turn.set(alert, index));
  }
  const position = new Map(alerts.map((alert, index) => [alert, index]));
  const ruleRank = new Map([...byRule.keys()].map((rule, index) => [rule, index]));
  return [...alerts].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      turn.get(a)! - turn.get(b)! ||
      ruleRank.get(a.rule)! - ruleRank.get(b.rule)! ||
      position.get(a)! - position.get(b)!,
  );
}

/**
 * What page 1 says before anything else: the headline tiles, the key sentences and the most severe
 * alerts, most severe first (at most `maxAlerts`, default 6; the rest are counted).
 * @example frontPage(doc).alerts[0] // { severity: 'high', title: 'Adoption dropped', team: 'Procurement', message: 'Adoption fell 22.0 points ...' }
 */
/** How many alerts page 1 shows at most (fewer when they would not fit on the printed page: fitCover). */
export const FRONT_PAGE_ALERTS = 6;

export function frontPage(doc: MetricsDocument, options: NarrativeOptions & { maxAlerts?: number } = {}): FrontPage {
  const maxAlerts = options.maxAlerts ?? FRONT_PAGE_ALERTS;
  const alerts = pageOrder(doc.tables.alerts).map(describeAlert);
  return {
    tiles: headlineKpis(doc, options),
    keyPoints: keyPoints(doc, options),
    alerts: alerts.slice(0, maxAlerts),
    ...leftOffAlerts(alerts.map((alert) => alert.severity), maxAlerts),
  };
}

// The notebook that writes the appendix runs before page 1 is fitted to its printed page (fitCover), which may show
// fewer alerts than FRONT_PAGE_ALERTS, down to one: page 1's "N more alerts are listed in the appendix" must be true
// whatever it shows, so the appendix lists the alerts as soon as there is more than one.
/**
 * The alerts the report's appendix can list: all of them, in page 1's order (pageOrder: page 1's come first), when
 * page 1 may leave some off (more than one alert); none otherwise. The appendix shows at most APPENDIX_ALERTS of
 * them (alertsAppendixHtml).
 * @example appendixAlerts(doc).map((alert) => alert.title) // ['Harmful outputs', 'Adoption dropped', 'Logging blind spot']
 */
export function appendixAlerts(doc: MetricsDocument): FrontPageAlert[] {
  return doc.tables.alerts.length > 1 ? pageOrder(doc.tables.alerts).map(describeAlert) : [];
}

/**
 * Alerts the appendix lists at most, page 1's among them (first): as many rows as a report table of other than teams
 * shows (REPORT_TABLE_ROWS). A week of hundreds of alerts (a logging blind spot per user) would fill pages with
 * them; alerts.csv and metrics.xlsx hold every one.
 */
export const APPENDIX_ALERTS = REPORT_TABLE_ROWS.others;

/**
 * The appendix's table of alerts as HTML: the first APPENDIX_ALERTS in page 1's order (the most severe), with a note
 * under it counting those left out by severity and saying where every one is; "" when the appendix lists none
 * (appendixAlerts).
 * @example alertsAppendixHtml(doc) // '<table class="uptake-table"><caption>Alerts, 2026-W47: the 30 most severe of 182</caption>...'
 */
export function alertsAppendixHtml(doc: MetricsDocument): string {
  const alerts = appendixAlerts(doc);
  if (alerts.length === 0) return '';
  // a row's severity reads as page 1's badge and the mail write it (HIGH), not as the data spells it (high)
  const rows = (shown: FrontPageAlert[]) => shown.map((alert) => ({ ...alert, severity: alert.severity.toUpperCase() }));
  const columns = ['severity', 'title', 'team', 'message'];
  if (alerts.length <= APPENDIX_ALERTS) return tableToHtml(rows(alerts), { caption: `All alerts, ${doc.week}`, columns });
  const shown = alerts.slice(0, APPENDIX_ALERTS);
  const left = leftOffAlerts(alerts.map((alert) => alert.severity), APPENDIX_ALERTS);
  const all = formatCount(alerts.length);
  const note =
    `Shown: the ${shown.length} most severe alerts (page 1's first), of ${all}; the other ${formatCount(left.moreAlerts)} ` +
    `(${left.moreSeverities}) are left out; every alert is in metrics.xlsx and alerts.csv.`;
  return tableToHtml(rows(shown), { caption: `Alerts, ${doc.week}: the ${shown.length} most severe of ${all}`, columns, note });
}

/**
 * The line under the first `shown` alerts (in page 1's order) for those left off, wherever they are listed (page 1, the
 * mail, Slack): where they are, `appendix` (the report's) when it lists them all (APPENDIX_ALERTS, the shown ones
 * first), else the files holding every one and how many of them the appendix lists. "" when none are left off.
 * @example reportMoreAlertsSentence({ moreAlerts: 177, moreSeverities: '177 low' }, 5) // '177 more alerts (177 low) are in metrics.xlsx and alerts.csv; the appendix lists the 25 most severe.'
 * @example reportMoreAlertsSentence({ moreAlerts: 3, moreSeverities: '3 low' }, 5, "the report's appendix") // "3 more alerts (3 low) are listed in the report's appendix."
 */
export function reportMoreAlertsSentence(page: Pick<FrontPage, 'moreAlerts' | 'moreSeverities'>, shown: number, appendix = 'the appendix'): string {
  const listed = Math.max(0, APPENDIX_ALERTS - shown);
  if (listed >= page.moreAlerts) return moreAlertsSentence(page, `listed in ${appendix}`);
  return moreAlertsSentence(page, `in metrics.xlsx and alerts.csv; ${appendix} lists the ${listed} most severe`);
}

/**
 * The alerts after the first `shown` of those given (most severe first), counted as FrontPage counts them.
 * @example leftOffAlerts(['critical', 'high', 'high', 'low'], 1) // { moreAlerts: 3, moreSeverities: '2 high, 1 low' }
 */
export function leftOffAlerts(severities: readonly string[], shown: number): Pick<FrontPage, 'moreAlerts' | 'moreSeverities'> {
  const left = severities.slice(shown);
  return { moreAlerts: left.length, moreSeverities: severityCounts(left) };
}
