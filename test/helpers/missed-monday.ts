import { execFileSync } from 'node:child_process';
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { isoWeekOf, shiftWeek } from '../../src/util/iso-week.js';

/**
 * The last Monday 06:00 UTC at or before now (the occurrence of `0 6 * * 1` a scheduler's start catches up), and
 * the week its report is due for (the week before). A generated input of 3 weeks ending with that week is written
 * to `input`, exported an hour ago (its files settled).
 * @example const { occurrence, due } = missedMondayInput(join(box.dir, 'input'))
 */
export function missedMondayInput(input: string): { occurrence: number; due: string } {
  let occurrence = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 6);
  while (new Date(occurrence).getUTCDay() !== 1 || occurrence > Date.now()) occurrence -= 86_400_000;
  const due = shiftWeek(isoWeekOf(occurrence, 'UTC'), -1);
  execFileSync(process.execPath, ['dist/cli/main.js', 'generate', '--out', input, '--weeks', '3', '--end-week', due], { stdio: 'ignore' });
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(input)) utimesSync(join(input, name), anHourAgo, anHourAgo);
  return { occurrence, due };
}
