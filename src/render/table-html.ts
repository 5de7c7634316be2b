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
  /** Withheld rows of the table were left out of the rows given (a table cut short): the † footnote explains them all the same. */
  withheldLeftOut?: boolean;
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

// Characters that show as nothing (zero-width space, non-joiner and joiner, word joiner, byte order mark, direction
// marks, variation selectors, soft hyphen: Unicode's default-ignorable code points). The contract keeps a
// pass-through value (a metrics.groupBy key's) as written, so two values that differ only by them are two rows
// that would look the same: each is shown as its code point, marked.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * An invisible character as the report shows it: its code point in angle brackets, marked.
 * @example visibleCharacter('\u200B') // '<span class="invisible-character" title="an invisible character">&lt;U+200B&gt;</span>'
 */
export function visibleCharacter(character: string): string {
  return `<span class="invisible-character" title="an invisible character">&lt;${codePoint(character)}&gt;</span>`;
}

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text escaped for HTML, each invisible character shown as its code point (visibleCharacter), a word longer than
 * LONG_WORD characters (as shown) given a break opportunity (`<wbr>`) every BREAK_EVERY: such a label would
 * otherwise widen its column past the page, while every shorter word (a team's name) keeps whole.
 * @example escapeBreakable('x'.repeat(40)) // 'xxxxxxxxxxxxxxx<wbr>xxxxxxxxxxxxxxx<wbr>xxxxxxxxxx'
 */
export function escapeBreakable(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      // each character's markup and how many characters wide it shows
      const shown = [...word].map((character) => (INVISIBLE.test(character) ? { html: visibleCharacter(character), width: codePoint(character).length + 2 } : { html: escapeHtml(character), width: 1 }));
      if (shown.reduce((sum, { width }) => sum + width, 0) <= LONG_WORD) return shown.map(({ html }) => html).join('');
      let html = '';
      let run = 0;
      for (const { html: piece, width } of shown) {
        if (run > 0 && run + width > BREAK_EVERY) {
          html += '<wbr>';
          run = 0;
        }
        html += piece;
        run += width;
      }
      return html;
    })
    .join('');
}

/**
 * Body rows past which a printed table may break across pages (class `long-table`, templates/report.css): it then
 * fills the page it starts on and goes on on the next under its repeated header row, at least a few rows on each,
 * its caption kept with its first rows. A table of this many rows or fewer (a table of teams) is printed whole,
 * moved to the next page when it does not fit; a table of 30 power users moved whole left half a page empty.
 */
export const UNBROKEN_TABLE_ROWS = 12;

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
  const notes = [withheld || options.withheldLeftOut ? suppressedFootnote(options.minGroupSize) : undefined, options.note].filter((note) => note !== undefined);
  const foot = notes.length > 0 ? `<tfoot>${notes.map((note) => `<tr><td class="table-note" colspan="${columns.length}">${escapeHtml(note)}</td></tr>`).join('')}</tfoot>` : '';
  const classes = rows.length > UNBROKEN_TABLE_ROWS ? 'uptake-table long-table' : 'uptake-table';
  return `<table class="${classes}">${caption}${head}<tbody>${body}</tbody>${foot}</table>`;
}
