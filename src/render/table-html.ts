export interface TableHtmlOptions {
  caption?: string;
  /** Columns in display order (default: every key, in order of first appearance, except `suppressed`). */
  columns?: string[];
  /** Columns holding fractions shown as percents (default: `*_rate`, `asi`, `coverage`). */
  percentColumns?: string[];
}

const EMPTY = '—';
const PERCENT_DEFAULT = /(^|_)rate$|^asi$|^coverage$/;
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function noNegativeZero(text: string): string {
  return /^-0(\.0+)?( %)?$/.test(text) ? text.slice(1) : text;
}

// Rates to one-decimal percents, point deltas and hours to one decimal, counts with separators.
function formatCell(column: string, value: unknown, isPercent: boolean): { text: string; numeric: boolean } {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return { text: EMPTY, numeric: false };
  if (typeof value === 'number') {
    if (isPercent) return { text: noNegativeZero(`${oneDecimalFormat.format(value * 100)} %`), numeric: true };
    if (/pts$|hours/.test(column)) return { text: noNegativeZero(oneDecimalFormat.format(value)), numeric: true };
    return { text: Number.isInteger(value) ? integerFormat.format(value) : noNegativeZero(twoDecimalFormat.format(value)), numeric: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'yes' : 'no', numeric: false };
  if (value instanceof Date) return { text: value.toISOString(), numeric: false };
  if (typeof value === 'object') return { text: JSON.stringify(value), numeric: false };
  return { text: String(value), numeric: false };
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (key !== 'suppressed') seen.add(key);
  return [...seen];
}

/**
 * A metric table as an HTML `<table>`: every header and cell escaped, rates as percents,
 * nulls as "—", privacy-suppressed rows marked (class `suppressed` and a note in the first cell).
 * @example tableToHtml([{ team: 'Legal', adoption_rate: 0.413 }], { caption: 'Adoption' }) // '<table ...><td>41.3 %</td>...'
 */
export function tableToHtml(rows: Record<string, unknown>[], options: TableHtmlOptions = {}): string {
  const columns = options.columns ?? columnsOf(rows);
  const percent = new Set(options.percentColumns ?? columns.filter((column) => PERCENT_DEFAULT.test(column)));
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  // Snake_case headers may break after an underscore, so narrow columns wrap at word boundaries.
  const head = `<thead><tr>${columns.map((column) => `<th scope="col">${escapeHtml(column).replace(/_/g, '_<wbr>')}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map((row) => {
      const suppressed = row.suppressed === true;
      const cells = columns.map((column, index) => {
        const { text, numeric } = formatCell(column, row[column], percent.has(column));
        const mark = suppressed && index === 0 ? ' <span class="suppressed-mark" title="fewer users than the privacy minimum: measures withheld">(suppressed)</span>' : '';
        return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}${mark}</td>`;
      });
      return `<tr${suppressed ? ' class="suppressed"' : ''}>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="uptake-table">${caption}${head}<tbody>${body}</tbody></table>`;
}
