import type { AskMetric } from './metric-catalog.js';
/** How a number shows in a sentence or a text table. */
export type ValueUnit = AskMetric['unit'] | 'text' | 'bool';
/**
 * One value as answers print it: rates as percents, point changes signed, hours with one decimal.
 * @example formatValue(0.4523, 'rate') // '45.2%'
 */
export declare function formatValue(value: unknown, unit: ValueUnit): string;
