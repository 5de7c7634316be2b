import type { AskMetric } from './metric-catalog.js';

/** How a number shows in a sentence or a text table. */
export type ValueUnit = AskMetric['unit'] | 'text' | 'bool';

// One decimal rounded as the report's tables round it (Intl, half away from zero on the decimal the number prints
// as): 2416.95 h is 2417.0 in both, where toFixed gave 2416.9 (the float below 2416.95). No thousands separator.
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const decimal = (value: number) => oneDecimal.format(value).replace(/^-(0\.0)$/, '$1');

/**
 * One value as answers print it: rates as percents, point changes signed, hours with one decimal.
 * @example formatValue(0.4523, 'rate') // '45.2%'
 */
export function formatValue(value: unknown, unit: ValueUnit): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'rate':
      return `${decimal(value * 100)}%`;
    case 'pts':
      return `${value > 0 ? '+' : ''}${decimal(value)} pts`;
    case 'hours':
      return `${decimal(value)} h`;
    case 'minutes':
      return `${decimal(value)} min`;
    case 'count':
      return Number.isInteger(value) ? String(value) : decimal(value);
    default:
      return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  }
}

/**
 * A change as answers print it: signed, in its unit ("+2.2 pts", "+59.3 h", "-4"); points carry their sign already.
 * @example formatChange(59.3, 'hours') // '+59.3 h'
 */
export function formatChange(value: number, unit: ValueUnit): string {
  return `${value > 0 && unit !== 'pts' ? '+' : ''}${formatValue(value, unit)}`;
}
