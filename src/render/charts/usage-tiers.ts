import { formatCount } from '../../metrics/column-catalog.js';
import type { TopLevelSpec } from 'vega-lite';
import type { MetricsDocument } from '../../metrics/document.js';
import { largestRows } from '../largest-rows.js';
import { CHART_WIDTH, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, isShown, teamLabel } from './chart-style.js';

/** Teams drawn at most (besides all teams): the largest by people. */
const MAX_TEAMS = 25;

const TIERS = [
  { tier: 'none', label: 'No AI tasks', color: '#d9dde2' },
  { tier: 'light', label: 'Light', color: '#9ecae1' },
  { tier: 'moderate', label: 'Moderate', color: '#4292c6' },
  { tier: 'heavy', label: 'Heavy', color: '#08306b' },
] as const;

// Shares of people per tier read best as one 100 % bar per team, all teams on top; a tier the data
// cannot count (no roster that month: none is null) is left out rather than drawn as 0.
/**
 * Usage tiers of the report week: per team (all teams first), the share of people with no, light,
 * moderate and heavy AI use. Suppressed teams are not drawn; of more than `options.maxTeams` (25), the teams with the most people.
 * @example usageTiersChart(doc).encoding.color.scale.domain // ['No AI tasks', 'Light', 'Moderate', 'Heavy']
 */
export function usageTiersChart(doc: MetricsDocument, options: { maxTeams?: number } = {}): TopLevelSpec {
  const drawn = ((doc.tables.usage_tiers ?? []) as Array<Record<string, unknown>>).filter((row) => row.week === doc.week && isShown(row) && typeof row.people === 'number' && row.people > 0);
  // a bar per team of hundreds ran over pages (its axis and legend on the last): the largest teams are drawn
  const maxTeams = options.maxTeams ?? MAX_TEAMS;
  const isAll = (row: Record<string, unknown>) => row.team === '*';
  const rows = largestRows(drawn, maxTeams + (drawn.some(isAll) ? 1 : 0), (row) => row.people as number, isAll);
  const teamCount = drawn.filter((row) => !isAll(row)).length;
  const scope = rows.length < drawn.length ? ` (the ${rows.filter((row) => !isAll(row)).length} teams with the most people, of ${formatCount(teamCount)})` : '';
  const teams = rows.map((row) => teamLabel(String(row.team)));
  const values = rows.flatMap((row, index) =>
    TIERS.filter(({ tier }) => typeof row[tier] === 'number').map(({ tier, label }, order) => ({
      team: teams[index],
      tier: label,
      order,
      people: row[tier] as number,
      share: (row[tier] as number) / (row.people as number),
    })),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: `Usage tiers, ${doc.week}${scope}`,
    description: 'Share of each team\'s people (licensed users and anyone who used AI) by their AI tasks in the report week.',
    width: CHART_WIDTH - 140,
    height: Math.max(60, 24 * teams.length),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'team', type: 'nominal', title: null, sort: teams },
      x: { field: 'share', type: 'quantitative', title: 'Share of people', stack: 'normalize', axis: { labelExpr: PERCENT_AXIS_LABELS } },
      color: {
        field: 'tier',
        type: 'nominal',
        title: 'AI tasks in the week',
        scale: { domain: TIERS.map(({ label }) => label), range: TIERS.map(({ color }) => color) },
        legend: { orient: 'bottom' },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'team', type: 'nominal', title: 'Team' },
        { field: 'tier', type: 'nominal', title: 'Tier' },
        { field: 'people', type: 'quantitative', title: 'People' },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
      ],
    },
  } as TopLevelSpec;
}
