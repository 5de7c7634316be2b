import { columnLabel, formatColumnValue, formatRate, isNumericColumn } from '../metrics/column-catalog.js';
import { keepUnitsTogether } from './markdown.js';

export interface TableHtmlOptions {
  caption?: string;
  /** Columns in display order (default: every key, in order of first appearance, except `suppressed`). */
  columns?: string[];
  /** Columns holding fractions shown as percents besides the catalogue's rates (e.g. a `share`). */
  percentColumns?: string[];
  /** The privacy minimum (users per group), quoted in the footnote under a table with withheld rows. */
  minGroupSize?: number;
  /** A note under the table (e.g. which rows a long table shows). */
  note?: string;
}

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (key !== 'suppressed') seen.add(key);
  return [...seen];
}

const SUPPRESSED_MARK = '†';

function suppressedFootnote(minGroupSize: number | undefined): string {
  const who = minGroupSize === undefined ? 'too few users' : `fewer than ${minGroupSize} users`;
  return `${SUPPRESSED_MARK} Withheld: the group has ${who} this period, so its figures are not shown (privacy).`;
}

// A word of data longer than this (a groupBy value of 200 characters, a hash) may break every BREAK_EVERY characters.
const LONG_WORD = 30;
const BREAK_EVERY = 15;

/**
 * Text escaped for HTML, a word longer than LONG_WORD characters given a break opportunity (`<wbr>`) every
 * BREAK_EVERY: such a label would otherwise widen its column past the page, while every shorter word (a team's name)
 * keeps whole.
 * @example escapeBreakable('x'.repeat(40)) // 'xxxxxxxxxxxxxxx<wbr>xxxxxxxxxxxxxxx<wbr>xxxxxxxxxx'
 */
export function escapeBreakable(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const characters = [...word];
      if (characters.length <= LONG_WORD) return escapeHtml(word);
      const pieces: string[] = [];
      for (let at = 0; at < characters.length; at += BREAK_EVERY) pieces.push(escapeHtml(characters.slice(at, at + BREAK_EVERY).join('')));
      return pieces.join('<wbr>');
    })
    .join('');
}

/**
 * A metric table as an HTML `<table>` in the reader's language: headers and units from the column
 * catalogue (metrics/column-catalog.ts), `*` as "All teams" on a row set apart, nulls as "—",
 * privacy-suppressed rows marked † and explained in a footnote. Every header and cell is escaped.
 * @example tableToHtml([{ team: 'Legal', adoption_rate: 0.413 }], { caption: 'Adoption' }) // '<table ...><td class="num">41.3 %</td>...'
 */
export function tableToHtml(input: readonly object[], options: TableHtmlOptions = {}): string {
  const rows = input as ReadonlyArray<Record<string, unknown>>;
  const columns = options.columns ?? columnsOf(rows);
  const percent = new Set(options.percentColumns ?? []);
  const numeric = columns.map(
    (column) => percent.has(column) || (isNumericColumn(column) ?? rows.every((row) => row[column] === null || row[column] === undefined || typeof row[column] === 'number')),
  );
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  const head = `<thead><tr>${columns
    .map((column, index) => `<th scope="col"${numeric[index] ? ' class="num"' : ''}>${escapeHtml(columnLabel(column))}</th>`)
    .join('')}</tr></thead>`;
  // Task-type rows carry team "*" too: only a table with a team column has an all-teams row.
  const teamRows = columns.includes('team');
  let withheld = false;
  const body = rows
    .map((row) => {
      const suppressed = row.suppressed === true;
      withheld ||= suppressed;
      const cells = columns.map((column, index) => {
        const value = row[column];
        const text = percent.has(column) && typeof value === 'number' ? formatRate(value) : formatColumnValue(column, value);
        const mark = suppressed && index === 0 ? `&nbsp;<span class="suppressed-mark">${SUPPRESSED_MARK}</span>` : '';
        return `<td${numeric[index] ? ' class="num"' : ''}>${keepUnitsTogether(numeric[index] ? escapeHtml(text) : escapeBreakable(text))}${mark}</td>`;
      });
      const classes = [teamRows && row.team === '*' ? 'all-teams' : '', suppressed ? 'suppressed' : ''].filter(Boolean).join(' ');
      return `<tr${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
    })
    .join('');
  const notes = [withheld ? suppressedFootnote(options.minGroupSize) : undefined, options.note].filter((note) => note !== undefined);
  const foot = notes.length > 0 ? `<tfoot>${notes.map((note) => `<tr><td class="table-note" colspan="${columns.length}">${escapeHtml(note)}</td></tr>`).join('')}</tfoot>` : '';
  return `<table class="uptake-table">${caption}${head}<tbody>${body}</tbody>${foot}</table>`;
}
