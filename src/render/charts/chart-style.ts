import { ALL_TEAMS_LABEL, teamName } from '../../metrics/column-catalog.js';

// Shared look of the report charts: fixed sizes so PDF pages lay out; the team palette is team-colors.ts.

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

/** How the all-teams row ("*") is labelled in charts (the column catalogue's name). */
export { ALL_TEAMS_LABEL };
/** The all-teams line: near-black, on every chart (the teams' colours: team-colors.ts). */
export const ALL_TEAMS_COLOR = '#1b1b1b';

export const FLAG_COLOR = '#d62728';
export const OK_COLOR = '#9e9e9e';
/** Teams the reader is not pointed to: drawn, but quiet. */
export const MUTED_COLOR = '#c3c8ce';

/** Percent axis labels in the report's style ("50 %"). */
export const PERCENT_AXIS_LABELS = "replace(format(datum.value, '.0%'), '%', ' %')";

/** Chart label of a team value. */
export function teamLabel(team: string): string {
  return teamName(team);
}

// A rate axis from 0 to 100 % flattens lines that all sit in a narrow band: zoom to the data
// (and any reference line), padded and rounded out to steps of 5 points, within [0, 1].
/**
 * A rate scale's domain around the values and reference lines.
 * @example zoomedRateDomain([0.86, 0.93], [0.9]) // [0.8, 1]
 */
export function zoomedRateDomain(values: number[], references: number[] = []): [number, number] {
  const all = [...values, ...references].filter((value) => Number.isFinite(value));
  if (all.length === 0) return [0, 1];
  const low = Math.max(0, Math.floor((Math.min(...all) - 0.03) * 20) / 20);
  const high = Math.min(1, Math.ceil((Math.max(...all) + 0.03) * 20) / 20);
  return high - low < 0.1 ? [Math.max(0, high - 0.1), Math.max(high, 0.1)] : [low, high];
}

// Characters of an 11 px subtitle line that fit the chart's width: a longer line would widen the SVG,
// and the page would then shrink the whole chart to fit (twelve teams below a target make such a caption).
const CAPTION_LINE_CHARS = Math.floor(CHART_WIDTH / 7);

/**
 * A caption cut into lines at word boundaries, each at most `width` characters (a longer word stands alone).
 * @example captionLines('one two three', 7) // ['one two', 'three']
 */
export function captionLines(caption: string, width = CAPTION_LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of caption.split(/\s+/).filter((entry) => entry.length > 0)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The chart's title with its caption (what to see in it) as the subtitle, wrapped to the chart's width.
 * @example withCaption({ title: 'ASI' }, 'Sales Ops fell below target').title // { text: 'ASI', subtitle: 'Sales Ops fell below target', ... }
 */
export function withCaption<T extends object>(spec: T, caption: string): T {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'string' ? title : ((title as { text?: string } | undefined)?.text ?? '');
  const lines = captionLines(caption);
  const subtitle = lines.length > 1 ? lines : caption;
  return { ...spec, title: { text, subtitle, anchor: 'start', subtitleColor: '#3e4c59', subtitleFontSize: 11, subtitlePadding: 4 } };
}

/** A row that privacy suppression blanked is never drawn. */
export function isShown(row: Record<string, unknown>): boolean {
  return row.suppressed !== true;
}

/** Legend entry of the grey lines: the teams a chart does not single out. */
export const OTHER_TEAMS = 'Other teams';

/** How a team's line is drawn: the dark all-teams line, a team singled out in colour, or grey. */
export type LineEmphasis = 'all teams' | 'named' | 'other';

const DRAW_ORDER: Record<LineEmphasis, number> = { other: 0, named: 1, 'all teams': 2 };

// Many equal lines say nothing: the all-teams line stays dark, the teams a chart singles out get
// colour, the rest go grey underneath.
/**
 * The legend group and emphasis of one team's line (`team` as the metrics spell it, `*` for all teams).
 * @example lineEmphasis('Legal', false) // { team: 'Legal', group: 'Other teams', emphasis: 'other' }
 */
export function lineEmphasis(team: string, singledOut: boolean): { team: string; group: string; emphasis: LineEmphasis } {
  const label = teamLabel(team);
  if (team === '*') return { team: label, group: ALL_TEAMS_LABEL, emphasis: 'all teams' };
  return singledOut ? { team: label, group: label, emphasis: 'named' } : { team: label, group: OTHER_TEAMS, emphasis: 'other' };
}

/** Sort order that draws the grey lines first and the all-teams line last, on top. */
export function byDrawOrder(a: { emphasis: LineEmphasis }, b: { emphasis: LineEmphasis }): number {
  return DRAW_ORDER[a.emphasis] - DRAW_ORDER[b.emphasis];
}
