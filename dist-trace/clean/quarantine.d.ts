import type { CsvRecord } from '../ingest/read-csv.js';
import type { ResolvedHeader } from '../ingest/normalize-headers.js';
import type { LogRowInput } from '../ingest/log-rows.js';
import type { LogSource } from './types.js';
export interface Rejection {
    reason: string;
    detail: string;
}
export interface RowContext {
    /** Zone a naive time is read in when the row has no usable `tz`: the roster's for that user and month. */
    rosterZone(userId: string, month: string): string | undefined;
    defaultZone: string;
    /** Called once per optional value that could not be read and became null. */
    onUnreadableOptional(column: string): void;
    /**
     * Called once per start or end judged implausible only because it lies after the window's end (the run's
     * clock plus `cleaning.maxFutureDays`): at a later run's clock it may be plausible. One before
     * `cleaning.earliest`, or one that cannot be read, never is.
     */
    onAfterClock(): void;
    /** The instants a start may lie between (CONTRACT 2.1): see plausibleWindow. */
    plausible: PlausibleWindow;
}
/** Epoch ms, both included: starts outside are `implausible_started_at`, ends outside are unreadable (`latestMs` moves with the run's clock, `earliestMs` never). */
export interface PlausibleWindow {
    earliestMs: number;
    latestMs: number;
}
/**
 * The plausible instants for a run whose clock reads `nowMs`: from `earliest` (a UTC date) to `maxFutureDays` after now.
 * @example plausibleWindow({ earliest: '2000-01-01', maxFutureDays: 1 }, Date.UTC(2026, 11, 4)) // { earliestMs: 946684800000, latestMs: Date.UTC(2026, 11, 5) }
 */
export declare function plausibleWindow(cleaning: {
    earliest: string;
    maxFutureDays: number;
}, nowMs: number): PlausibleWindow;
/**
 * The trimmed field at `position`, '' when the column is absent (-1) or the record is short. The roster reads its cells so too.
 * @example cellAt(['a', ' b '], 1) // 'b'
 */
export declare const cellAt: (fields: string[], position: number) => string;
/**
 * How many fields hold more than white space: of two duplicate rows, the most complete is kept.
 * @example filledFields(['a', ' ', '']) // 1
 */
export declare function filledFields(fields: string[]): number;
/**
 * Reads one log record into typed values, or says why it is quarantined.
 * @example readLogRecord('ai_logs', record, header, context) // { reason: 'unknown_status', detail: 'expected `status` ...' }
 */
export declare function readLogRecord(source: LogSource, record: CsvRecord, header: ResolvedHeader, context: RowContext): LogRowInput | Rejection;
export declare function isRejection(value: LogRowInput | Rejection): value is Rejection;
