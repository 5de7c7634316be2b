import type { ColumnTable } from 'arquero';
import { COLUMN_CATALOG, columnUnit, formatColumnValue, formatCount } from '../metrics/column-catalog.js';
import { displayBundle } from './display-bundle.js';

export interface ShowTableOptions {
  /** Rows shown; default 10. The row count is always said. */
  limit?: number;
  /** Columns shown, in this order; default all. */
  columns?: string[];
  caption?: string;
  /** Numbers as the table holds them (0.636364, 12345), not as the report writes them (63.6 %, 12,345). */
  raw?: boolean;
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
  const count = `${shown === rows ? '' : `first ${formatCount(shown)} of `}${formatCount(rows)} row${rows === 1 ? '' : 's'}, ${table.numCols()} column${table.numCols() === 1 ? '' : 's'}`;
  const caption = options.caption ? `<p><strong>${escapeHtml(options.caption)}</strong></p>` : '';
  // arquero escapes the cells but writes column names as they are, and pass-through columns are named by the CSV's header
  const shownColumns = options.columns ?? table.columnNames();
  const escapedNames = table.select(shownColumns).rename(Object.fromEntries(shownColumns.map((name) => [name, escapeHtml(name)])));
  const numbers = options.raw ? {} : numberFormats(table, shownColumns, limit);
  const format = { limit, columns: options.columns, format: numbers };
  return {
    'text/html': `<div class="uptake-table">${caption}${escapedNames.toHTML({ limit, format: Object.fromEntries(Object.entries(numbers).map(([name, cell]) => [escapeHtml(name), cell])) })}<p><em>${count}</em></p></div>`,
    'text/plain': `${options.caption ? `${options.caption}\n` : ''}${table.toMarkdown(format)}\n${count}`,
  };
}

// Numbers as the report writes them: a column the report knows by its unit (adoption_rate 0.636364 as "63.6 %",
// delta_pts as "-21.9", hours with one decimal), any other whole number with thousands separators (duration_ms
// 660,000), any other fraction as it is (a pass-through or raw value keeps its digits). Other cells: arquero's.
function numberFormats(table: ColumnTable, columns: string[], limit: number): Record<string, (value: unknown) => string> {
  const formats: Record<string, (value: unknown) => string> = {};
  const firstRows = table.slice(0, limit);
  for (const name of columns) {
    if (!Array.from(firstRows.array(name) as ArrayLike<unknown>).some((value) => typeof value === 'number')) continue;
    const known = name in COLUMN_CATALOG || columnUnit(name) === 'rate';
    formats[name] = (value) => {
      if (typeof value !== 'number') return String(value);
      if (known) return formatColumnValue(name, value);
      return Number.isInteger(value) ? formatCount(value) : String(value);
    };
  }
  return formats;
}

/**
 * Shows an arquero table in the notebook: its first rows as an HTML table and its row count.
 * @example uptake.show(await uptake.tasks({ team: "Legal" }), { limit: 5 });
 */
export function show(table: ColumnTable, options: ShowTableOptions = {}): void {
  displayBundle(tableDisplayBundle(table, options));
}
