import type { ColumnTable } from 'arquero';
import { formatCount } from '../metrics/column-catalog.js';
import { displayBundle } from './display-bundle.js';

export interface ShowTableOptions {
  /** Rows shown; default 10. The row count is always said. */
  limit?: number;
  /** Columns shown, in this order; default all. */
  columns?: string[];
  caption?: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A table's default print in a cell is its internals; this is what an analyst wants to see instead.
/**
 * The first rows of an arquero table as HTML (arquero's toHTML) and markdown, with the row count.
 * @example tableDisplayBundle(await uptake.tasks({ week: "2026-W47" }), { limit: 5 })['text/html']
 */
export function tableDisplayBundle(table: ColumnTable, options: ShowTableOptions = {}): Record<string, string> {
  const limit = options.limit ?? 10;
  const rows = table.numRows();
  const shown = Math.min(limit, rows);
  const count = `${shown === rows ? '' : `first ${formatCount(shown)} of `}${formatCount(rows)} row${rows === 1 ? '' : 's'}, ${table.numCols()} columns`;
  const format = { limit, columns: options.columns };
  const caption = options.caption ? `<p><strong>${escapeHtml(options.caption)}</strong></p>` : '';
  // arquero escapes the cells but writes column names as they are, and pass-through columns are named by the CSV's header
  const shownColumns = options.columns ?? table.columnNames();
  const escapedNames = table.select(shownColumns).rename(Object.fromEntries(shownColumns.map((name) => [name, escapeHtml(name)])));
  return {
    'text/html': `<div class="uptake-table">${caption}${escapedNames.toHTML({ limit })}<p><em>${count}</em></p></div>`,
    'text/plain': `${options.caption ? `${options.caption}\n` : ''}${table.toMarkdown(format)}\n${count}`,
  };
}

/**
 * Shows an arquero table in the notebook: its first rows as an HTML table and its row count.
 * @example uptake.show(await uptake.tasks({ team: "Legal" }), { limit: 5 });
 */
export function show(table: ColumnTable, options: ShowTableOptions = {}): void {
  displayBundle(tableDisplayBundle(table, options));
}
