import { printable } from './some-names.js';

/** A cell as shown in a terminal table. */
export type Cell = string | number | boolean | null | undefined;

/**
 * Aligns rows into a plain-text table: numbers right-aligned, everything else left-aligned; a cell's control and
 * format characters (direction overrides, zero-width spaces) are shown escaped (printable).
 * @example textTable(['team', 'rows'], [['Finance', 12]]) // 'team     rows\n-------  ----\nFinance    12'
 */
export function textTable(headers: string[], rows: Cell[][]): string {
  // (a value from the data shows its control and format characters escaped: a right-to-left override in a team's
  // name reversed the rest of its line in the terminal)
  const shown = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '—' : printable(String(cell)))));
  const widths = headers.map((header, column) => Math.max(header.length, ...shown.map((row) => (row[column] ?? '').length)));
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || row[column] === null || row[column] === undefined));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...shown.map(line)].join('\n');
}
