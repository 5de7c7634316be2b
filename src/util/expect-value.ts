import { UptakeError, type UptakeErrorKind } from '../errors.js';

// `--input "$EXPORTS"` with EXPORTS unset in a cron line gives an empty value: taken as "not given", it
// silently meant the default (the bundled sample, the current folder). An empty or blank value is refused.
/**
 * Returns `value` when it holds more than white space; otherwise throws UptakeError(`kind`) naming `name`:
 * `expected --input to name a folder, got an empty value`.
 * @example expectValue(options.input, '--input', 'name a folder') // throws for '' and '  ', returns 'data' for 'data'
 */
export function expectValue<T extends string | undefined>(value: T, name: string, expected: string, kind: UptakeErrorKind = 'usage'): T {
  if (value === undefined || value.trim() !== '') return value;
  const got = value === '' ? 'an empty value' : `only white space (${JSON.stringify(value)})`;
  throw new UptakeError(kind, `expected ${name} to ${expected}, got ${got}`);
}
