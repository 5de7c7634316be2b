import { CHART_WIDTH, PERCENT_AXIS_LABELS, VEGA_LITE_SCHEMA, isShown, teamLabel } from './chart-style.js';
const TIERS = [
    { tier: 'none', label: 'No AI tasks', color: '#d9dde2' },
    { tier: 'light', label: 'Light', color: '#9ecae1' },
    { tier: 'moderate', label: 'Moderate', color: '#4292c6' },
    { tier: 'heavy', label: 'Heavy', color: '#08306b' },
];
// Shares of people per tier read best as one 100 % bar per team, all teams on top; a tier the data
// cannot count (no roster that month: none is null) is left out rather than drawn as 0.
/**
 * Usage tiers of the report week: per team (all teams first), the share of people with no, light,
 * moderate and heavy AI use. Suppressed teams are not drawn.
 * @example usageTiersChart(doc).encoding.color.scale.domain // ['No AI tasks', 'Light', 'Moderate', 'Heavy']
 */
export function usageTiersChart(doc) {
    const rows = (doc.tables.usage_tiers ?? []).filter((row) => row.week === doc.week && isShown(row) && typeof row.people === 'number' && row.people > 0);
    const teams = rows.map((row) => teamLabel(String(row.team)));
    const values = rows.flatMap((row, index) => TIERS.filter(({ tier }) => typeof row[tier] === 'number').map(({ tier, label }, order) => ({
        team: teams[index],
        tier: label,
        order,
        people: row[tier],
        share: row[tier] / row.people,
    })));
    return {
        $schema: VEGA_LITE_SCHEMA,
        title: `Usage tiers, ${doc.week}`,
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
    };
}
//# sourceMappingURL=usage-tiers.js.map