import { DateTime } from 'luxon';
import { weekBounds } from '../util/iso-week.js';
// A file landing mid-week touches the week in progress; reporting (and mailing) half a week
// would mislead, so watch runs report only weeks whose Sunday has ended in the report zone.
/**
 * The weeks among `weeks` that are over at `now` (their Sunday has ended in `timezone`), sorted.
 * @example reportableWeeks(['2026-W47', '2026-W48'], Date.parse('2026-11-25T12:00:00Z'), 'UTC') // ['2026-W47']
 */
export function reportableWeeks(weeks, now, timezone) {
    const today = DateTime.fromMillis(now, { zone: timezone }).toISODate();
    return [...new Set(weeks)].filter((week) => weekBounds(week).end < today).sort();
}
//# sourceMappingURL=reportable-weeks.js.map