/**
 * The weeks among `weeks` that are over at `now` (their Sunday has ended in `timezone`), sorted.
 * @example reportableWeeks(['2026-W47', '2026-W48'], Date.parse('2026-11-25T12:00:00Z'), 'UTC') // ['2026-W47']
 */
export declare function reportableWeeks(weeks: string[], now: number, timezone: string): string[];
