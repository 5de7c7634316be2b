import { byQuarterHour } from '../columns/index.js';
import { isoWeekOf } from '../util/iso-week.js';
/**
 * Settles a task table (`settle` applies the duration and team rules to `columns` in place) and tells, per ISO
 * week of the report zone, what the rules did: a store settles two weeks as one table and keeps each week's
 * counts with its facts. A team filled is a blank team the rules gave one; a duration too long is a known
 * duration the rules dropped; an unknown one was unknown before.
 * @example settleByWeek(columns, 'UTC', () => settleTasks(parsed, config, built)).weeks.get('2026-W47') // { tasks: 812, teamsFilled: 3, ... }
 */
export function settleByWeek(columns, zone, settle) {
    const length = columns.started_at.length;
    const teams = columns.team.codes;
    const durations = columns.duration_ms.values;
    const blankTeam = new Uint8Array(length);
    const unknownDuration = new Uint8Array(length);
    for (let task = 0; task < length; task += 1) {
        blankTeam[task] = teams[task] === -1 ? 1 : 0;
        unknownDuration[task] = Number.isNaN(durations[task]) ? 1 : 0;
    }
    const settled = settle();
    const weekOf = byQuarterHour((epochMs) => isoWeekOf(epochMs, zone));
    const weeks = new Map();
    for (let task = 0; task < length; task += 1) {
        const week = weekOf(columns.started_at[task]);
        let counts = weeks.get(week);
        if (!counts)
            weeks.set(week, (counts = { tasks: 0, teamsFilled: 0, durationsUnknown: 0, durationsTooLong: 0 }));
        counts.tasks += 1;
        if (blankTeam[task] === 1 && teams[task] !== -1)
            counts.teamsFilled += 1;
        if (unknownDuration[task] === 1)
            counts.durationsUnknown += 1;
        else if (Number.isNaN(durations[task]))
            counts.durationsTooLong += 1;
    }
    return { settled, weeks };
}
//# sourceMappingURL=settle-by-week.js.map