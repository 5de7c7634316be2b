import { UptakeError } from '../errors.js';
import { MAX_TIMER_SEC } from '../util/max-timer.js';

// `--port 0x50` was port 80 and `--timeout abc` no timeout: Number() reads hexadecimal, exponents, `Infinity` and
// blank as numbers, or gives NaN without a word. An option's number is decimal digits only.
/**
 * An option's value as a number in plain decimal notation (`30`, `2.5`; `whole`: digits only) within
 * [min, max]; anything else is UptakeError('usage'): `<flag>: expected <expected>, got \`<value>\``.
 * @example numberOption('8787', '--port', 'a whole number from 0 to 65535', { whole: true, max: 65535 }) // 8787
 */
export function numberOption(value: string, flag: string, expected: string, range: { whole?: boolean; min?: number; max: number }): number {
  const pattern = range.whole ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/;
  const number = pattern.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(number >= (range.min ?? 0) && number <= range.max)) throw new UptakeError('usage', `${flag}: expected ${expected}, got \`${value}\``);
  return number;
}

/**
 * `--timeout <seconds>` of `run` and `execute`: a notebook cell's time limit (0: none).
 * @example cellTimeoutOption('600') // 600
 */
export function cellTimeoutOption(value: string): number {
  return numberOption(value, '--timeout', `a number of seconds (0 to ${MAX_TIMER_SEC}; 0: no limit)`, { max: MAX_TIMER_SEC });
}
