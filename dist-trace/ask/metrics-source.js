import { reportOn } from '../report/load-report.js';
import { monthOfWeek } from './time-expressions.js';
/**
 * Wraps cleaned data: the report week's metrics (given, or resolved from `week`), other weeks' when a
 * question needs them (through reportOn, the composition's second half).
 * @example createMetricsSource(data, config, await loadReport({ input: 'data/sample' })).reportWeek // '2026-W47'
 */
export function createMetricsSource(data, config, week = 'latest') {
    const documents = new Map();
    const taskTypeDocuments = new Map();
    const { metrics: report } = typeof week === 'string' ? reportOn({ data, config }, week) : week;
    documents.set(report.week, report);
    // Task types stand in for teams: every team-grouped KPI then groups by task type, with the same rules.
    const byTaskType = { ...data, tasks: data.tasks.derive({ team: (d) => d.task_type }) };
    let read = new Set();
    const weeks = [...new Set(report.tables.adoption_trend.map((row) => row.week))].sort();
    const teams = new Set();
    for (const team of Array.from(data.tasks.array('team')))
        if (team)
            teams.add(team);
    for (const team of Array.from(data.roster.array('team')))
        if (team)
            teams.add(team);
    const taskTypes = new Set(Array.from(data.tasks.array('task_type')));
    return {
        config,
        report,
        reportWeek: report.week,
        reportMonth: monthOfWeek(report.week),
        weeks,
        teams: [...teams].sort(),
        taskTypes: [...taskTypes].sort(),
        document(target) {
            read.add(target);
            let document = documents.get(target);
            if (!document) {
                document = reportOn({ data, config }, target).metrics;
                documents.set(target, document);
            }
            return document;
        },
        taskTypeDocument(target) {
            read.add(target);
            let document = taskTypeDocuments.get(target);
            if (!document) {
                document = reportOn({ data: byTaskType, config }, target).metrics;
                taskTypeDocuments.set(target, document);
            }
            return document;
        },
        takeWeeksRead() {
            const weeksRead = [...read].sort();
            read = new Set();
            return weeksRead;
        },
    };
}
//# sourceMappingURL=metrics-source.js.map