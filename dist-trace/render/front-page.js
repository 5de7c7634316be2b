import { alertTitle, teamName } from '../metrics/column-catalog.js';
import { headlineKpis, keyPoints } from './narrative.js';
/**
 * An alert in the reader's words: the rule's title, the team's name, the message without the team prefix.
 * @example describeAlert({ rule: 'adoption_drop', severity: 'high', team: 'Legal', message: 'Legal: adoption fell' }).title // 'Adoption dropped'
 */
export function describeAlert(alert) {
    const team = typeof alert.team === 'string' ? alert.team : '';
    const raw = typeof alert.message === 'string' ? alert.message : '';
    const prefixed = team !== '' && raw.startsWith(`${team}: `);
    const message = prefixed ? raw.slice(team.length + 2) : raw;
    return {
        severity: String(alert.severity ?? ''),
        title: alertTitle(String(alert.rule ?? '')),
        team: team ? teamName(team) : '',
        message: prefixed ? message.charAt(0).toUpperCase() + message.slice(1) : message,
    };
}
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
function severityRank(severity) {
    const rank = SEVERITIES.indexOf(String(severity));
    return rank === -1 ? SEVERITIES.length : rank;
}
/**
 * What page 1 says before anything else: the headline tiles, the key sentences and the most severe
 * alerts, most severe first (at most `maxAlerts`, default 6; the rest are counted).
 * @example frontPage(doc).alerts[0] // { severity: 'high', title: 'Adoption dropped', team: 'Procurement', message: 'Adoption fell 22.0 points ...' }
 */
export function frontPage(doc, options = {}) {
    const maxAlerts = options.maxAlerts ?? 6;
    const alerts = [...doc.tables.alerts].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).map(describeAlert);
    return {
        tiles: headlineKpis(doc, options),
        keyPoints: keyPoints(doc, options),
        alerts: alerts.slice(0, maxAlerts),
        moreAlerts: Math.max(0, alerts.length - maxAlerts),
    };
}
//# sourceMappingURL=front-page.js.map