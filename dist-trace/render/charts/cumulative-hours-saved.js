import { CHART_WIDTH, VEGA_LITE_SCHEMA, isShown, teamColorScale, teamLabel } from './chart-style.js';
const TOOLTIP = [
    { field: 'week', type: 'ordinal', title: 'Week' },
    { field: 'team', type: 'nominal', title: 'Team' },
    { field: 'hours_saved', type: 'quantitative', title: 'Hours saved this week', format: ',.1f' },
    { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours saved to date', format: ',.1f' },
];
// The all-teams total is several times any team's: on one axis it squashes the team lines flat,
// so it gets a small panel and axis of its own above the teams.
/**
 * Cumulative hours saved against the manual baseline, by week: all teams in a panel of its own,
 * the teams below on their own axis.
 * @example cumulativeHoursSavedChart(doc).vconcat.length // 2
 */
export function cumulativeHoursSavedChart(doc) {
    const values = doc.tables.time_saved
        .filter((row) => isShown(row) && typeof row.cumulative_hours_saved === 'number')
        .map((row) => ({
        week: row.week,
        team: teamLabel(row.team),
        all_teams: row.team === '*',
        hours_saved: row.hours_saved,
        cumulative_hours_saved: row.cumulative_hours_saved,
    }));
    const teams = values.filter((value) => !value.all_teams);
    const x = { field: 'week', type: 'ordinal', title: null, axis: { labelAngle: -45 } };
    const panels = [];
    if (values.some((value) => value.all_teams)) {
        panels.push({
            title: { text: 'All teams', fontSize: 11, anchor: 'start' },
            height: 110,
            width: CHART_WIDTH,
            transform: [{ filter: 'datum.all_teams' }],
            mark: { type: 'line', point: true, color: '#1b1b1b', strokeWidth: 3 },
            encoding: {
                x: { ...x, axis: { labelAngle: -45, labels: teams.length === 0 } },
                y: { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours to date', axis: { format: ',.0f', tickCount: 4 } },
                tooltip: TOOLTIP,
            },
        });
    }
    if (teams.length > 0) {
        panels.push({
            title: { text: 'Teams', fontSize: 11, anchor: 'start' },
            height: 220,
            width: CHART_WIDTH,
            transform: [{ filter: '!datum.all_teams' }],
            mark: { type: 'line', point: true, strokeWidth: 1.8 },
            encoding: {
                x,
                y: { field: 'cumulative_hours_saved', type: 'quantitative', title: 'Hours to date', axis: { format: ',.0f' } },
                color: { field: 'team', type: 'nominal', title: 'Team', scale: teamColorScale(teams.map((value) => value.team)) },
                tooltip: TOOLTIP,
            },
        });
    }
    return {
        $schema: VEGA_LITE_SCHEMA,
        title: 'Cumulative hours saved',
        description: 'Running sum of hours saved by AI tasks against the median manual duration of their task type: all teams, then each team.',
        data: { values },
        vconcat: panels,
        resolve: { scale: { y: 'independent' } },
    };
}
//# sourceMappingURL=cumulative-hours-saved.js.map