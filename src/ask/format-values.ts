import { formatCount, formatDecimal, formatPoints, formatRate } from '../metrics/column-catalog.js';
import type { AskMetric } from './metric-catalog.js';

/** How a number shows in a sentence or a text table. */
export type ValueUnit = AskMetric['unit'] | 'text' | 'bool';

/** The units whose values are numbers, right-aligned in a text table. */
export const NUMERIC_UNITS: ReadonlySet<ValueUnit> = new Set<ValueUnit>(['rate', 'pts', 'hours', 'minutes', 'count']);

/** The unit formatValue writes after a number of these units ("12.5 h"), which a table's header may name instead. */
export const UNIT_SUFFIXES: Readonly<Partial<Record<ValueUnit, string>>> = { pts: 'pts', hours: 'h', minutes: 'min' };

/**
 * One value as answers print it, with the report's own formatters (metrics/column-catalog.ts), as the report, the mail
 * and Slack write it: rates as "45.2 %", point changes signed, hours and minutes with one decimal, counts with
 * thousands separators ("2,706"; a mean of counts with one decimal). `bare`: without the unit's suffix (UNIT_SUFFIXES),
 * for a cell under a header that names it.
 * @example formatValue(0.4523, 'rate') // '45.2 %'
 */
export function formatValue(value: unknown, unit: ValueUnit, options: { bare?: boolean } = {}): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  const suffix = UNIT_SUFFIXES[unit];
  const text = numberText(value, unit);
  return suffix === undefined || options.bare ? text : `${text} ${suffix}`;
}

function numberText(value: number, unit: ValueUnit): string {
  switch (unit) {
    case 'rate':
      return formatRate(value);
    case 'pts':
      return formatPoints(value);
    case 'hours':
    case 'minutes':
      return formatDecimal(value);
    case 'count':
      return Number.isInteger(value) ? formatCount(value) : formatDecimal(value);
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
