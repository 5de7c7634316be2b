import { tableToHtml } from './table-html.js';
// The columns a manager needs, in reading order; every column of every table is in metrics.xlsx and the CSVs.
const VIEWS = [
    {
        name: 'adoption_by_team',
        caption: (doc) => `Adoption by team, ${doc.week}`,
        columns: ['team', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'user_adoption_rate', 'user_weighted_adoption_rate', 'abandonment_rate'],
    },
    {
        name: 'adoption_by_task_type',
        caption: (doc) => `Adoption by task type, ${doc.week} (all teams)`,
        columns: ['task_type', 'ai_tasks', 'manual_tasks', 'adoption_rate', 'delta_pts', 'abandonment_rate'],
    },
    {
        name: 'time_saved',
        caption: (doc) => `Hours saved against the manual baseline, ${doc.week}`,
        columns: ['team', 'hours_saved', 'cumulative_hours_saved', 'timed_ai_tasks'],
        rows: (doc) => doc.tables.time_saved.filter((row) => row.week === doc.week),
    },
    {
        name: 'harm',
        caption: (doc) => `Harmful outputs, ${doc.week}`,
        columns: ['team', 'ai_tasks', 'harmful', 'harm_rate'],
    },
    {
        name: 'power_users',
        caption: (doc) => `Power users, ${doc.week} (above the weekly-volume percentile)`,
        columns: ['user_id', 'team', 'ai_tasks', 'threshold'],
        rows: (doc) => (doc.tables.power_users ?? []).filter((row) => row.week === doc.week),
    },
];
/** The privacy minimum the document was computed with, for footnotes. */
export function minGroupSizeOf(doc) {
    const privacy = doc.privacy;
    return typeof privacy?.min_group_size === 'number' ? privacy.min_group_size : undefined;
}
/**
 * The report's tables as HTML, in page order, labelled and formatted from the column catalogue;
 * a table without rows is left out.
 * @example reportTables(doc).map((table) => table.name) // ['adoption_by_team', 'adoption_by_task_type', ...]
 */
export function reportTables(doc) {
    const minGroupSize = minGroupSizeOf(doc);
    return VIEWS.flatMap((view) => {
        const rows = view.rows ? view.rows(doc) : (doc.tables[view.name] ?? []);
        if (rows.length === 0)
            return [];
        const caption = view.caption(doc);
        return [{ name: view.name, caption, html: tableToHtml(rows, { caption, columns: view.columns, minGroupSize }) }];
    });
}
//# sourceMappingURL=report-tables.js.map