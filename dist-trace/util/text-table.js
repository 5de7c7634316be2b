/**
 * Aligns rows into a plain-text table: numbers right-aligned, everything else left-aligned.
 * @example textTable(['team', 'rows'], [['Finance', 12]]) // 'team     rows\n-------  ----\nFinance    12'
 */
export function textTable(headers, rows) {
    const shown = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '—' : String(cell))));
    const widths = headers.map((header, column) => Math.max(header.length, ...shown.map((row) => (row[column] ?? '').length)));
    const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || row[column] === null || row[column] === undefined));
    const line = (cells) => cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
    return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...shown.map(line)].join('\n');
}
//# sourceMappingURL=text-table.js.map