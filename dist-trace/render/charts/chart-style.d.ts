import { ALL_TEAMS_LABEL } from '../../metrics/column-catalog.js';
export declare const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
export declare const CHART_WIDTH = 640;
export declare const CHART_HEIGHT = 300;
/** How the all-teams row ("*") is labelled in charts (the column catalogue's name). */
export { ALL_TEAMS_LABEL };
export declare const FLAG_COLOR = "#d62728";
export declare const OK_COLOR = "#9e9e9e";
/** Teams the reader is not pointed to: drawn, but quiet. */
export declare const MUTED_COLOR = "#c3c8ce";
/** Percent axis labels in the report's style ("50 %"). */
export declare const PERCENT_AXIS_LABELS = "replace(format(datum.value, '.0%'), '%', ' %')";
/** Chart label of a team value. */
export declare function teamLabel(team: string): string;
/**
 * A rate scale's domain around the values and reference lines.
 * @example zoomedRateDomain([0.86, 0.93], [0.9]) // [0.8, 1]
 */
export declare function zoomedRateDomain(values: number[], references?: number[]): [number, number];
/**
 * The chart's title with its one-line caption (what to see in it) as the subtitle.
 * @example withCaption({ title: 'ASI' }, 'Sales Ops fell below target').title // { text: 'ASI', subtitle: 'Sales Ops fell below target', ... }
 */
export declare function withCaption<T extends object>(spec: T, caption: string): T;
/** A row that privacy suppression blanked is never drawn. */
export declare function isShown(row: Record<string, unknown>): boolean;
/**
 * Color scale for team lines: the all-teams line first and dark.
 * @example teamColorScale(['Legal', 'All teams']).domain // ['All teams', 'Legal']
 */
export declare function teamColorScale(labels: string[]): {
    domain: string[];
    range: string[];
};
/** Legend entry of the grey lines: the teams a chart does not single out. */
export declare const OTHER_TEAMS = "Other teams";
/** How a team's line is drawn: the dark all-teams line, a team singled out in colour, or grey. */
export type LineEmphasis = 'all teams' | 'named' | 'other';
/**
 * The legend group and emphasis of one team's line (`team` as the metrics spell it, `*` for all teams).
 * @example lineEmphasis('Legal', false) // { team: 'Legal', group: 'Other teams', emphasis: 'other' }
 */
export declare function lineEmphasis(team: string, singledOut: boolean): {
    team: string;
    group: string;
    emphasis: LineEmphasis;
};
/** Sort order that draws the grey lines first and the all-teams line last, on top. */
export declare function byDrawOrder(a: {
    emphasis: LineEmphasis;
}, b: {
    emphasis: LineEmphasis;
}): number;
/**
 * The colour scale of emphasised lines: all teams and the singled-out teams as teamColorScale
 * colours them, then one grey for the other teams when there are any.
 * @example emphasisColors([{ group: 'All teams' }, { group: 'Other teams' }]).domain // ['All teams', 'Other teams']
 */
export declare function emphasisColors(values: Array<{
    group: string;
}>): {
    domain: string[];
    range: string[];
};
