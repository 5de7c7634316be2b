/** How one output table is keyed, titled and protected. */
export interface TableLayout {
    name: string;
    title: string;
    /** Key columns, in sort order ("*" sorts first). */
    keys: string[];
    /**
     * Small-group suppression: users are counted per `group` value within `period`
     * (`report_week` = the report week; `week`/`month` = the row's own column).
     */
    privacy?: {
        period: 'report_week' | 'week' | 'month';
        group: string;
    };
    /** Holds user ids (pseudonymised when configured). */
    perUser?: boolean;
}
/**
 * The document's tables in output order; one `adoption_by_<key>` table per adoption dimension.
 * @example tableLayouts(['team', 'task_type']).map((layout) => layout.name)[0] // 'adoption_by_team'
 */
export declare function tableLayouts(dimensions: string[]): TableLayout[];
