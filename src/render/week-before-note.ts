import type { MetricsDocument } from '../metrics/document.js';
import { shiftWeek } from '../util/iso-week.js';

// The first week of the data has nothing before it: a notebook says so where a comparison would be.
/**
 * The sentence shown instead of comparing the report week with the week before when the data holds no
 * task that week (adoption_trend lists the weeks holding tasks); null when it holds some.
 * @example weekBeforeNote(doc) // 'No week before 2026-W40 in the data to compare with.'
 */
export function weekBeforeNote(document: MetricsDocument): string | null {
  const weeks = new Set(document.tables.adoption_trend.map((row) => row.week));
  const previous = shiftWeek(document.week, -1);
  if (weeks.has(previous)) return null;
  if ([...weeks].some((week) => week < previous)) return `No tasks in ${previous}, the week before ${document.week}, to compare with.`;
  return `No week before ${document.week} in the data to compare with.`;
}
