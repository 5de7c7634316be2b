/**
 * The document's tables in output order; one `adoption_by_<key>` table per adoption dimension.
 * @example tableLayouts(['team', 'task_type']).map((layout) => layout.name)[0] // 'adoption_by_team'
 */
export function tableLayouts(dimensions) {
    const byDimension = dimensions.map((dimension) => ({
        name: `adoption_by_${dimension}`,
        title: `Adoption by ${dimension.replace(/_/g, ' ')} (report week)`,
        keys: [dimension],
        privacy: { period: 'report_week', group: dimension },
    }));
    return [
        ...byDimension,
        { name: 'adoption_trend', title: 'Adoption trend by week and team', keys: ['week', 'team'], privacy: { period: 'week', group: 'team' } },
        { name: 'time_saved', title: 'Hours saved by week and team', keys: ['week', 'team'], privacy: { period: 'week', group: 'team' } },
        { name: 'accuracy_stability', title: 'Accuracy stability (ASI) by month and team', keys: ['month', 'team'], privacy: { period: 'month', group: 'team' } },
        { name: 'harm', title: 'Harmful outputs (report week)', keys: ['team'], privacy: { period: 'report_week', group: 'team' } },
        { name: 'logging_coverage', title: 'Logging coverage by user and month', keys: ['month', 'user_id'], perUser: true },
        { name: 'gaps', title: 'Data gaps (report week)', keys: ['source', 'team', 'date'] },
        { name: 'alerts', title: 'Alerts', keys: [], perUser: true },
        { name: 'power_users', title: 'Power users (report week)', keys: ['week', 'user_id'], perUser: true },
        { name: 'baselines', title: 'Manual baselines by task type', keys: ['task_type'] },
        // The people tables suppress small teams themselves: their groups are people in a denominator, not task users.
        { name: 'activation', title: 'Activation of licensed users by period and team', keys: ['grain', 'period', 'team'] },
        { name: 'retention', title: 'Retention by month and team', keys: ['month', 'team'] },
        { name: 'usage_tiers', title: 'Usage tiers by week and team', keys: ['week', 'team'] },
        { name: 'idle_seats', title: 'Idle seats and lapsed users (report week)', keys: ['team'] },
        { name: 'people_caveats', title: 'People data caveats', keys: ['caveat'] },
    ];
}
//# sourceMappingURL=table-layouts.js.map