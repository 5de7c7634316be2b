import type { Command, Option } from 'commander';
import { UptakeError } from '../errors.js';

// commander settles `--store FILE --no-store` by the one given last, silently: a scheduled command line edited in
// a hurry would run without the store it names, or with one it says not to use.
/**
 * Makes every command and subcommand refuse an option given together with its opposite (`--store` and
 * `--no-store`) with UptakeError('usage') naming both, whatever their order.
 * @example rejectOpposites(program) // `uptake run --store s.duckdb --no-store`: expected --store or --no-store, got both
 */
export function rejectOpposites(command: Command): void {
  const options = command.options as Option[];
  for (const negative of options.filter((option) => option.negate)) {
    const positive = options.find((option) => !option.negate && option.attributeName() === negative.attributeName());
    if (!positive) continue;
    const given = new Set<string>();
    for (const option of [positive, negative]) {
      command.on(`option:${option.name()}`, () => {
        given.add(option.long ?? option.flags);
        if (given.size === 2) throw new UptakeError('usage', `expected ${positive.long} or ${negative.long}, got both; give one of them`);
      });
    }
  }
  for (const subcommand of command.commands) rejectOpposites(subcommand);
}
