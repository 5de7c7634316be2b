/**
 * UTC offset in minutes of `zone` at instant `epochMs`.
 * @example offsetMinutes('Asia/Kolkata', Date.UTC(2026, 9, 5)) // 330
 */
export declare function offsetMinutes(zone: string, epochMs: number): number;
/**
 * Wall-clock time of an instant in a zone, expressed as epoch ms "as if UTC".
 * @example formatWall(wallClockOf(Date.UTC(2026, 9, 5, 7), 'Europe/Berlin')) // '2026-10-05 09:00:00'
 */
export declare function wallClockOf(epochMs: number, zone: string): number;
/**
 * The instant a naive wall-clock time denotes in a zone.
 * @example resolveWallClock(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin') // Date.UTC(2026, 9, 25, 0, 30)
 */
export declare function resolveWallClock(wallMs: number, zone: string): number;
/**
 * `YYYY-MM-DD HH:mm:ss` of a wall-clock value (epoch ms "as if UTC").
 * @example formatWall(Date.UTC(2026, 9, 25, 2, 30)) // '2026-10-25 02:30:00'
 */
export declare function formatWall(wallMs: number, separator?: string): string;
/**
 * `+hh:mm` / `-hh:mm` for an offset in minutes.
 * @example formatOffset(-300) // '-05:00'
 */
export declare function formatOffset(offset: number): string;
/**
 * `YYYY-MM-DD` (UTC) of an instant.
 * @example utcDate(Date.UTC(2026, 10, 22, 23, 59)) // '2026-11-22'
 */
export declare function utcDate(epochMs: number): string;
