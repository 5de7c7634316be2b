// Shared look of the report charts: fixed sizes so PDF pages lay out, one team palette.

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

/** How the all-teams row ("*") is labelled in charts. */
export const ALL_TEAMS_LABEL = 'All teams';
const ALL_TEAMS_COLOR = '#1b1b1b';
const TEAM_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#eeca3b'];

export const FLAG_COLOR = '#d62728';
export const OK_COLOR = '#9e9e9e';

/** Chart label of a team value. */
export function teamLabel(team: string): string {
  return team === '*' ? ALL_TEAMS_LABEL : team;
}

/** A row that privacy suppression blanked is never drawn. */
export function isShown(row: Record<string, unknown>): boolean {
  return row.suppressed !== true;
}

// "All teams" first and near-black, the teams after it in a stable order, so every chart agrees.
/**
 * Color scale for team lines: the all-teams line first and dark.
 * @example teamColorScale(['Legal', 'All teams']).domain // ['All teams', 'Legal']
 */
export function teamColorScale(labels: string[]): { domain: string[]; range: string[] } {
  const teams = [...new Set(labels.filter((label) => label !== ALL_TEAMS_LABEL))].sort();
  const domain = labels.includes(ALL_TEAMS_LABEL) ? [ALL_TEAMS_LABEL, ...teams] : teams;
  const range = domain.map((label, index) =>
    label === ALL_TEAMS_LABEL ? ALL_TEAMS_COLOR : TEAM_COLORS[(labels.includes(ALL_TEAMS_LABEL) ? index - 1 : index) % TEAM_COLORS.length],
  );
  return { domain, range };
}

/** Line width per row: the all-teams line stands out. */
export const EMPHASIS_WIDTH = {
  field: 'emphasis',
  type: 'ordinal',
  scale: { domain: ['all teams', 'team'], range: [3.5, 1.5] },
  legend: null,
} as const;

export function emphasisOf(team: string): 'all teams' | 'team' {
  return team === '*' ? 'all teams' : 'team';
}
