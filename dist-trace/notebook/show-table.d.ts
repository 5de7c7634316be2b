import type { ColumnTable } from 'arquero';
export interface ShowTableOptions {
    /** Rows shown; default 10. The row count is always said. */
    limit?: number;
    /** Columns shown, in this order; default all. */
    columns?: string[];
    caption?: string;
}
/**
 * The first rows of an arquero table as HTML (arquero's toHTML) and markdown, with the row count.
 * @example tableDisplayBundle(await uptake.tasks({ week: "2026-W47" }), { limit: 5 })['text/html']
 */
export declare function tableDisplayBundle(table: ColumnTable, options?: ShowTableOptions): Record<string, string>;
/**
 * Shows an arquero table in the notebook: its first rows as an HTML table and its row count.
 * @example uptake.show(await uptake.tasks({ team: "Legal" }), { limit: 5 });
 */
export declare function show(table: ColumnTable, options?: ShowTableOptions): void;
