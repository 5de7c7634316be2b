import { evaluateAlerts } from './alerts.js';
import { contextFrom, metricsInputs } from './build-kpi-context.js';
import { resolveWeek } from './resolve-week.js';
import { mergeKpiTables } from './merge-kpi-tables.js';
import { pseudonymizeUserIds } from './pseudonymize-user-ids.js';
import { registry } from './registry.js';
import { sortRows } from './sort-rows.js';
import { suppressSmallGroups } from './suppress-small-groups.js';
import { tableLayouts } from './table-layouts.js';
/**
 * Every registered KPI over the cleaned data for one report week, as the CONTRACT section 4 document.
 * `week` is the ReportWeek loadReport resolved, or a week's name (`YYYY-Www` or `latest`) resolved here.
 * @example computeMetrics(data, config, resolveWeek(data, config, 'latest')).tables.adoption_by_team
 */
export function computeMetrics(data, config, week) {
    const report = typeof week === 'string' ? resolveWeek(data, config, week) : week;
    return computeMetricsFrom(metricsInputs(data, config, report), config, report);
}
/**
 * The metrics document from the facts of every loaded week, the report window's tasks and the baselines (see
 * MetricsInputs): what a store of cleaned weeks calls without loading every task.
 * @example computeMetricsFrom({ facts: concatFacts(storedFacts), window, baselines, data }, config, report)
 */
export function computeMetricsFrom(inputs, config, report) {
    const { data } = inputs;
    // 1. Periods: week, month and UTC date of the window's tasks in the report zone; the facts of every week
    const context = contextFrom(inputs, config, report);
    const layouts = tableLayouts(context.dimensions);
    // 2. KPIs: each computes its columns; rows with the same keys are merged
    let tables = mergeKpiTables(registry.map((kpi) => kpi.compute(context)), layouts);
    // 3. Privacy: small groups suppressed, user ids pseudonymised
    tables = suppressSmallGroups(tables, layouts, context);
    if (config.privacy.pseudonymize)
        tables = pseudonymizeUserIds(tables, config.privacy.pseudonymSalt);
    // 4. Order, then alerts over the finished tables
    const ordered = {};
    for (const layout of layouts)
        ordered[layout.name] = sortRows(tables[layout.name] ?? [], layout.keys);
    ordered.alerts = evaluateAlerts(ordered, context);
    return {
        week: report.week,
        week_start: report.start,
        week_end: report.end,
        timezone: config.timezone,
        loaded_dates: data.loadedDates,
        privacy: { min_group_size: config.privacy.minGroupSize, pseudonymized: config.privacy.pseudonymize },
        thresholds: {
            accuracy_target: config.metrics.accuracyTarget,
            coverage_threshold: config.metrics.coverageThreshold,
            adoption_drop_pts: config.alerts.rules.find((rule) => rule.rule === 'adoption_drop' && rule.enabled)?.threshold ?? null,
        },
        tables: ordered,
        accounting: data.accounting,
        // What cleaning rejected, repaired or could not time: the report's reading guide states it with the figures.
        data_quality: {
            quarantine_by_reason: data.quarantineByReason,
            repairs: data.repairs,
            durations_dropped: data.durationsDropped,
            teams_filled: data.teamsFilled,
        },
    };
}
//# sourceMappingURL=compute-metrics.js.map