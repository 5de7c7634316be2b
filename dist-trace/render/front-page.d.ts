import type { MetricsDocument } from '../metrics/document.js';
import { type HeadlineKpi, type NarrativeOptions } from './narrative.js';
/** One alert as page 1 and the email show it. */
export interface FrontPageAlert {
    severity: string;
    /** The rule's human title ("Adoption dropped"). */
    title: string;
    /** "All teams", a team, or "" when the alert has none. */
    team: string;
    /** What happened, without the team it starts with. */
    message: string;
}
export interface FrontPage {
    tiles: HeadlineKpi[];
    /** Three to five markdown sentences. */
    keyPoints: string[];
    /** The most severe alerts, in severity order. */
    alerts: FrontPageAlert[];
    /** Alerts not shown on page 1 (listed in the appendix). */
    moreAlerts: number;
}
/**
 * An alert in the reader's words: the rule's title, the team's name, the message without the team prefix.
 * @example describeAlert({ rule: 'adoption_drop', severity: 'high', team: 'Legal', message: 'Legal: adoption fell' }).title // 'Adoption dropped'
 */
export declare function describeAlert(alert: Record<string, unknown>): FrontPageAlert;
/**
 * What page 1 says before anything else: the headline tiles, the key sentences and the most severe
 * alerts, most severe first (at most `maxAlerts`, default 6; the rest are counted).
 * @example frontPage(doc).alerts[0] // { severity: 'high', title: 'Adoption dropped', team: 'Procurement', message: 'Adoption fell 22.0 points ...' }
 */
export declare function frontPage(doc: MetricsDocument, options?: NarrativeOptions & {
    maxAlerts?: number;
}): FrontPage;
