import { UptakeError } from '../errors.js';
import { enrichTasks } from './enrich-tasks.js';
import { manualBaselines } from './hours-saved.js';
import { resolveWeek } from './resolve-week.js';
import { factsOfEnriched, reportWindow, windowTasks } from './week-facts.js';
/**
 * The inputs computed from every cleaned task: facts over all of them, the window's tasks, the baselines.
 * @example computeMetricsFrom(metricsInputs(data, config, report), config, report)
 */
export function metricsInputs(data, config, report) {
    const enriched = enrichTasks(data.tasks, config);
    return {
        facts: factsOfEnriched(enriched, config),
        window: windowTasks(enriched, data.tasks, reportWindow(report, config)),
        baselines: manualBaselines(enriched, report),
        data,
    };
}
/**
 * What every KPI reads: the enriched window tasks, the facts, the report week and the adoption dimensions.
 * @example registry[0].compute(contextFrom(metricsInputs(data, config, report), config, report))
 */
export function contextFrom(inputs, config, report) {
    const tasks = enrichTasks(inputs.window, config);
    const dimensions = adoptionDimensions(config, inputs.window.columnNames());
    return { config, report, tasks, facts: inputs.facts, baselines: inputs.baselines, roster: inputs.data.roster, loadedDates: inputs.data.loadedDates, dimensions };
}
/**
 * The KPI context of all cleaned data for a week: the ReportWeek the composition resolved, or a week's name
 * (tests, library callers) resolved here.
 * @example registry[0].compute(buildKpiContext(data, config, '2026-W47'))
 */
export function buildKpiContext(data, config, week) {
    const report = typeof week === 'string' ? resolveWeek(data, config, week) : week;
    return contextFrom(metricsInputs(data, config, report), config, report);
}
// team and task_type always; config.metrics.groupBy adds more columns of the cleaned tasks.
function adoptionDimensions(config, columns) {
    const dimensions = ['team', 'task_type'];
    for (const key of config.metrics.groupBy) {
        if (dimensions.includes(key))
            continue;
        if (!columns.includes(key)) {
            throw new UptakeError('config', `\`metrics.groupBy\`: expected a column of the cleaned tasks (${columns.join(', ')}), got \`${key}\``);
        }
        dimensions.push(key);
    }
    return dimensions;
}
//# sourceMappingURL=build-kpi-context.js.map