import { DateTime } from 'luxon';
// Offsets only change on whole hours in the zones we use, so one lookup per zone-hour is enough.
const offsetCache = new Map();
/**
 * UTC offset in minutes of `zone` at instant `epochMs`.
 * @example offsetMinutes('Asia/Kolkata', Date.UTC(2026, 9, 5)) // 330
 */
export function offsetMinutes(zone, epochMs) {
    if (zone === 'UTC')
        return 0;
    let zoneCache = offsetCache.get(zone);
    if (!zoneCache) {
        zoneCache = new Map();
        offsetCache.set(zone, zoneCache);
    }
    const hour = Math.floor(epochMs / 3_600_000);
    let offset = zoneCache.get(hour);
    if (offset === undefined) {
        offset = DateTime.fromMillis(hour * 3_600_000, { zone }).offset;
        zoneCache.set(hour, offset);
    }
    return offset;
}
/**
 * Wall-clock time of an instant in a zone, expressed as epoch ms "as if UTC".
 * @example formatWall(wallClockOf(Date.UTC(2026, 9, 5, 7), 'Europe/Berlin')) // '2026-10-05 09:00:00'
 */
export function wallClockOf(epochMs, zone) {
    return epochMs + offsetMinutes(zone, epochMs) * 60_000;
}
// CONTRACT 1 fine points: an ambiguous local time takes the earlier instant; a skipped one moves
// forward by the gap (i.e. it is read with the offset in force before the change).
/**
 * The instant a naive wall-clock time denotes in a zone.
 * @example resolveWallClock(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin') // Date.UTC(2026, 9, 25, 0, 30)
 */
export function resolveWallClock(wallMs, zone) {
    const before = offsetMinutes(zone, wallMs - 86_400_000);
    const after = offsetMinutes(zone, wallMs + 86_400_000);
    const valid = [];
    for (const offset of before === after ? [before] : [before, after]) {
        const instant = wallMs - offset * 60_000;
        if (offsetMinutes(zone, instant) === offset)
            valid.push(instant);
    }
    if (valid.length > 0)
        return Math.min(...valid);
    return wallMs - before * 60_000;
}
const pad = (value, width = 2) => String(value).padStart(width, '0');
/**
 * `YYYY-MM-DD HH:mm:ss` of a wall-clock value (epoch ms "as if UTC").
 * @example formatWall(Date.UTC(2026, 9, 25, 2, 30)) // '2026-10-25 02:30:00'
 */
export function formatWall(wallMs, separator = ' ') {
    const date = new Date(wallMs);
    return (`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
        `${separator}${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`);
}
/**
 * `+hh:mm` / `-hh:mm` for an offset in minutes.
 * @example formatOffset(-300) // '-05:00'
 */
export function formatOffset(offset) {
    const sign = offset < 0 ? '-' : '+';
    const absolute = Math.abs(offset);
    return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
/**
 * `YYYY-MM-DD` (UTC) of an instant.
 * @example utcDate(Date.UTC(2026, 10, 22, 23, 59)) // '2026-11-22'
 */
export function utcDate(epochMs) {
    return new Date(epochMs).toISOString().slice(0, 10);
}
//# sourceMappingURL=zone-time.js.map