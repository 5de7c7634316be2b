import { columnLabel, formatColumnValue, isNumericColumn } from './column-catalog.js';
import type { MetricsDocument } from './document.js';
import type { Row } from './kpi.js';
import { tableLayouts } from './table-layouts.js';
import { printable } from '../util/some-names.js';

/** Past this many rows, logging_coverage shows its flagged rows only. */
const COVERAGE_ROWS_SHOWN = 30;
/** The most rows a table shows (a year of weeks for 40 teams fits); --json lists all. */
const TABLE_ROWS_SHOWN = 2_000;

/**
 * The metrics document as terminal text: a title per table, aligned columns headed and formatted
 * as the column catalogue says (the report's labels and number formats: "Adoption", "47.3 %",
 * "All teams"), suppressed rows and blind spots marked in a `Note` column.
 * @example process.stdout.write(formatMetricsText(computeMetrics(data, config, 'latest')))
 */
export function formatMetricsText(document: MetricsDocument): string {
  const privacy = document.privacy as { min_group_size?: number; pseudonymized?: boolean } | undefined;
  const loaded = document.loaded_dates as { first: string; last: string } | null | undefined;
  const minimum = privacy?.min_group_size ?? 0;
  const header = [
    `uptake metrics ${document.week} (${document.week_start} .. ${document.week_end}, periods in ${document.timezone})`,
    `loaded dates ${loaded ? `${loaded.first} .. ${loaded.last}` : 'none'}` +
      (minimum > 0 ? `; groups with fewer than ${minimum} users are suppressed` : '') +
      (privacy?.pseudonymized ? '; user ids pseudonymised' : ''),
  ].join('\n');
  const sections = [header];
  const layouts = tableLayouts(Object.keys(document.tables).filter((name) => name.startsWith('adoption_by_')).map((name) => name.slice('adoption_by_'.length)));
  const titles = new Map(layouts.map((layout) => [layout.name, layout.title]));
  for (const [name, rows] of Object.entries(document.tables)) {
    let shown = rows as Row[];
    let caption = `${titles.get(name) ?? name} [${name}]`;
    if (name === 'logging_coverage' && rows.length > COVERAGE_ROWS_SHOWN) {
      shown = shown.filter((row) => row.flagged === true);
      caption += `: ${shown.length} flagged of ${rows.length} user-months (--json lists all)`;
    }
    if (name === 'alerts') shown = shown.map(({ severity, rule, team, message }) => ({ severity, rule, team: team ?? null, message }));
    // (a table of every value of the data, 100,000 task types or tool versions, made megabytes of text)
    const more = shown.length > TABLE_ROWS_SHOWN ? `\n… and ${(shown.length - TABLE_ROWS_SHOWN).toLocaleString('en-US')} more rows (--json lists all)` : '';
    sections.push(`${caption}\n${shown.length === 0 ? '(none)' : alignRows(shown.slice(0, TABLE_ROWS_SHOWN), minimum)}${more}`);
  }
  return `${sections.join('\n\n')}\n`;
}

// One formatted string per cell; numeric columns are right-aligned.
function alignRows(rows: Row[], minimum: number): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => column !== 'suppressed' && column !== 'flagged');
  const marked = rows.some((row) => row.suppressed === true || row.flagged === true);
  const headers = [...columns.map(columnLabel), ...(marked ? ['Note'] : [])];
  const numeric = columns.map(
    (column) => isNumericColumn(column) ?? rows.every((row) => row[column] === null || row[column] === undefined || typeof row[column] === 'number'),
  );
  const cells = rows.map((row) => [
    // (values from the data show their control and format characters escaped: see textTable)
    ...columns.map((column) => printable(formatColumnValue(column, row[column]))),
    ...(marked ? [row.suppressed === true ? `suppressed (< ${minimum} users)` : row.flagged === true ? 'BLIND SPOT' : ''] : []),
  ]);
  const widths = headers.map((label, index) => cells.reduce((widest, row) => Math.max(widest, row[index].length), label.length));
  const line = (values: string[]): string =>
    values.map((value, index) => (numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
