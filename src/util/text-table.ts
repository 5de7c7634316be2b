import { printable } from './some-names.js';

/** A cell as shown in a terminal table. */
export type Cell = string | number | boolean | null | undefined;

/** How many rows a table of the data shows at most, and where the others are. */
export interface RowsShown {
  most: number;
  /** Where every row is, said after the count of rows left out: `all of them in --json`. */
  allIn: string;
}

/**
 * Aligns rows into a plain-text table: numbers right-aligned, everything else left-aligned; a cell's control and
 * format characters (direction overrides, zero-width spaces) are shown escaped (printable). With `shown`, the
 * first `shown.most` rows, then a line counting the others. `numericColumns` says which columns are numbers when their
 * cells are already formatted.
 * @example textTable(['team', 'rows'], [['Finance', 12]]) // 'team     rows\n-------  ----\nFinance    12'
 */
export function textTable(headers: string[], rows: Cell[][], shown?: RowsShown, numericColumns?: boolean[]): string {
  // (a table of every row of the data made a report of megabytes: 100,000 task labels, a user per row)
  const listed = shown && rows.length > shown.most ? rows.slice(0, shown.most) : rows;
  // (a value from the data shows its control and format characters escaped: a right-to-left override in a team's
  // name reversed the rest of its line in the terminal)
  const cells = listed.map((row) => row.map((cell) => (cell === null || cell === undefined ? '—' : printable(String(cell)))));
  const widths = headers.map((header, column) => cells.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), header.length));
  // (numbers already written as text, "2,706" or "41.0 %", are right-aligned when the caller says which columns hold them)
  const numeric = headers.map((_, column) => numericColumns?.[column] ?? (listed.length > 0 && listed.every((row) => typeof row[column] === 'number' || row[column] === null || row[column] === undefined)));
  const line = (values: string[]) =>
    values.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  const more = listed.length < rows.length ? [`… and ${(rows.length - listed.length).toLocaleString('en-US')} more (${shown!.allIn})`] : [];
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line), ...more].join('\n');
}
